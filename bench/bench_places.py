"""Ablation of the toponym recognition and resolution signals on GeoVirus dev and LGL dev.

Usage: python bench/bench_places.py [--limit N]

Each dev set is parsed once (``nlp.pipe``); then :func:`components.extract.places.toponyms` runs
with every signal of :data:`components.extract.places.SIGNALS` on, and once more with each signal
off in turn. Scores use :mod:`components.evaluate.geovirus` (span overlap, one-to-one pairs,
acc@161 over recognised gold toponyms), the same rules as ``../shared/tools/score.py geo``.
Prints one row per configuration: recognition F1 and acc@161 on each set, and the change against
all signals on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.evaluate.geovirus import read_geovirus, score_article, summarise  # noqa: E402
from components.extract import places  # noqa: E402
from components.nlp import load_nlp  # noqa: E402

SETS = {
    "geovirus-dev": ROOT.parent / "shared" / "eval" / "geovirus-dev" / "geovirus-dev.jsonl",
    "lgl-dev": ROOT.parent / "shared" / "eval" / "lgl-dev" / "lgl-dev.jsonl",
}


def run(parsed: list) -> tuple[float, float]:
    """(recognition F1, acc@161) of the current :data:`places.SIGNALS` over ``parsed`` (article, gold, doc)."""
    per = [score_article(gold, SimpleNamespace(article=art, places=places.toponyms(doc))) for art, gold, doc in parsed]
    s = summarise(per)
    return s["recognition"]["f1"], s["geocoding"]["acc_at_161"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N articles of each set")
    args = ap.parse_args()
    nlp = load_nlp()
    data = {}
    for name, path in SETS.items():
        rows = read_geovirus(path)[: args.limit]
        docs = nlp.pipe((a.text for a, _ in rows), batch_size=16)
        data[name] = [(a, g, d) for (a, g), d in zip(rows, docs)]
    base = {name: run(parsed) for name, parsed in data.items()}
    head = " | ".join(f"{n} F1 | {n} acc@161" for n in data)
    print(f"| signals | {head} |")
    print("|---|" + "---:|" * (2 * len(data)))
    print("| all on | " + " | ".join(f"{f:.3f} | {a:.3f}" for f, a in base.values()) + " |")
    for sig in list(places.SIGNALS):
        places.SIGNALS[sig] = False
        try:
            cells = []
            for name, parsed in data.items():
                f, a = run(parsed)
                cells.append(f"{f:.3f} ({f - base[name][0]:+.3f}) | {a:.3f} ({a - base[name][1]:+.3f})")
        finally:
            places.SIGNALS[sig] = True
        print(f"| without {sig} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
