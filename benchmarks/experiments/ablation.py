"""Ablation: what each group of designed features and each part of the model adds on the dev pages.

Usage: python benchmarks/experiments/ablation.py [--quick] [--composed 500] [--shared ../shared] [--seed 0]

Every row retrains the shipped recipe (all real training pages + composed pages) with one part
taken away, and prints its dev macro-F1, dev accuracy and dev-modern accuracy as differences from
the full model (negative: the part helps). Eleven trainings; 500 composed pages each keeps the run
near a quarter of an hour on two cores (``--composed 1000`` matches the learning curve's middle point).
"""

from __future__ import annotations

from common import DEV, DEV_MODERN, Data, log, parser, recipe, score, table, train

from segmenter.features.designed import GROUPS


def variants() -> list[tuple[str, dict]]:
    """(row name, classifier parameters) of the full model and of each ablation."""
    rows: list[tuple[str, dict]] = [("full model", {})]
    rows += [(f"without {group} cues", {"groups": tuple(g for g in GROUPS if g != group)}) for group in GROUPS]
    rows += [
        ("without stacking", {"stack": False}),
        ("without context reach", {"reach": 0}),
        ("without neighbour offsets/radii", {"offsets": (), "radii": ()}),
        ("without lexical (2**10 words)", {"word_features": 2**10}),
    ]
    return rows


def main() -> None:
    cli = parser(__doc__.splitlines()[0])
    cli.add_argument("--composed", type=int, help="composed pages per training (default 500; 200 with --quick)")
    args = cli.parse_args()
    n_composed = args.composed if args.composed is not None else (200 if args.quick else 500)
    data = Data.open(args.shared)
    dev, dev_modern = data.gold(DEV), data.gold(DEV_MODERN)
    sources = recipe(data, n_composed, args.seed)

    rows, base = [], None
    for name, params in variants():
        log(f"training: {name} ...")
        model, seconds = train(sources, **params)
        on_dev, on_modern = score(model, dev), score(model, dev_modern)
        figures = (on_dev.macro_f1, on_dev.accuracy, on_modern.accuracy)
        if base is None:
            base = figures
            rows.append((name, *figures, f"{seconds:.0f}"))
        else:
            rows.append((name, *(f"{value - ref:+.3f}" for value, ref in zip(figures, base, strict=True)),
                         f"{seconds:.0f}"))
    print(f"real training pages + {n_composed} composed pages; first row absolute, others differences")
    print(table(("variant", "dev macro-F1", "dev acc", "modern acc", "train s"), rows))


if __name__ == "__main__":
    main()
