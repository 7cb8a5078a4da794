"""Learning curves: dev scores against the number of composed pages and of real training pages.

Usage: python benchmarks/experiments/learning_curve.py [--quick] [--shared ../shared] [--seed 0]

Curve 1 keeps every real training page (train.jsonl + train-modern.jsonl) and grows the composed
pages; curve 2 keeps the composed pages fixed and grows the real pages (nested samples that keep
each family's share). Every point is the shipped recipe otherwise. Prints one table.
"""

from __future__ import annotations

from common import DEV, DEV_MODERN, Data, log, parser, proportional_sample, recipe, score, table, train

FULL = {"composed": (0, 250, 1000, 2000), "real": (0, 20, 40, None), "fixed_composed": 1000}
QUICK = {"composed": (0, 250, 500), "real": (0, 20, None), "fixed_composed": 500}


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    plan = QUICK if args.quick else FULL
    data = Data.open(args.shared)
    real = data.real_training_pages()
    dev, dev_modern = data.gold(DEV), data.gold(DEV_MODERN)

    points = [("composed", n, len(real)) for n in plan["composed"]]
    points += [("real", plan["fixed_composed"], len(real) if k is None else k) for k in plan["real"]]
    results: dict[tuple[int, int], tuple] = {}
    rows = []
    for curve, n_composed, n_real in points:
        key = (n_composed, n_real)
        if key not in results:
            log(f"training: {n_real} real + {n_composed} composed pages ...")
            sources = recipe(data, n_composed, args.seed, real=proportional_sample(real, n_real, args.seed))
            model, seconds = train(sources)
            results[key] = (score(model, dev), score(model, dev_modern), seconds)
        on_dev, on_modern, seconds = results[key]
        rows.append((curve, n_real, n_composed, on_dev.macro_f1, on_dev.accuracy, on_modern.accuracy,
                     on_modern.f1["news"], f"{seconds:.0f}"))
    print(table(("curve", "real", "composed", "dev macro-F1", "dev acc", "modern acc", "modern news F1", "train s"),
                rows))


if __name__ == "__main__":
    main()
