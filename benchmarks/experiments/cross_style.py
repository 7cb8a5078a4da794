"""Cross-style validation: train on some forum styles or eras, test on the others and on real families.

Usage: python benchmarks/experiments/cross_style.py [--quick] [--composed 1000] [--test-pages 150]
       [--shared ../shared] [--seed 0]

Training sets (each the same number of composed pages): the older styles only (Usenet, 4forums,
vBulletin, Something Awful), the modern styles only, all styles, and all styles plus the real
training pages (the shipped recipe). Test sets: composed pages of the older and of the modern
styles drawn with another seed, and the real dev pages split by family (ng, 4f, sa, seed from
dev.jsonl; mf from dev-modern.jsonl). Prints character accuracy, then macro-F1, per test set.
"""

from __future__ import annotations

from common import (
    DEV,
    DEV_MODERN,
    MODERN_STYLES,
    OLD_STYLES,
    Data,
    by_family,
    log,
    parser,
    recipe,
    score,
    table,
    train,
)


def main() -> None:
    cli = parser(__doc__.splitlines()[0])
    cli.add_argument("--composed", type=int, help="composed training pages (default 1000; 300 with --quick)")
    cli.add_argument("--test-pages", type=int, help="composed test pages per era (default 150; 60 with --quick)")
    args = cli.parse_args()
    n_train = args.composed if args.composed is not None else (300 if args.quick else 1000)
    n_test = args.test_pages if args.test_pages is not None else (60 if args.quick else 150)
    data = Data.open(args.shared)

    test_seed = args.seed + 1000
    tests = {
        "composed old": data.composed(n_test, test_seed, OLD_STYLES),
        "composed modern": data.composed(n_test, test_seed, MODERN_STYLES),
    }
    for name, pages in {**by_family(data.gold(DEV)), **by_family(data.gold(DEV_MODERN))}.items():
        tests[f"real {name}"] = pages
    trainings = [
        ("composed old styles", recipe(data, n_train, args.seed, real=[], styles=OLD_STYLES)),
        ("composed modern styles", recipe(data, n_train, args.seed, real=[], styles=MODERN_STYLES)),
        ("composed all styles", recipe(data, n_train, args.seed, real=[])),
        ("all styles + real pages", recipe(data, n_train, args.seed)),
    ]

    accuracy, macro = [], []
    for name, sources in trainings:
        log(f"training on {name} ...")
        model, _ = train(sources)
        scores = [score(model, pages) for pages in tests.values()]
        accuracy.append((name, *(s.accuracy for s in scores)))
        macro.append((name, *(s.macro_f1 for s in scores)))
    header = ("trained on", *(f"{name} ({len(pages)})" for name, pages in tests.items()))
    print(f"{n_train} composed training pages per row; test pages per set in brackets")
    print("\ncharacter accuracy")
    print(table(header, accuracy))
    print("\nmacro-F1 (mission labels present in the test set)")
    print(table(header, macro))


if __name__ == "__main__":
    main()
