"""Linear cost in article length: the quotation and casualty stages on a short and an 8x longer article.

Usage: python bench/bench_scaling.py [--rounds R]

Each stage runs on an invented article of 40 repeated paragraphs and on the same paragraphs 320 times
(8x the text), in this process, the two alternating so machine noise hits both; the table gives the
best time of each over ``--rounds`` rounds and their ratio. A linear stage costs about 8x; the goal is at
most 3 times that (24x): a stage that rescans the article per sentence or per quotation grows about 64x.
(These were timed unit tests until 2026-12-06; timing belongs in benchmarks, not in the test suite.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_extract import timed  # noqa: E402
from components.extract.casualties import casualty_events  # noqa: E402
from components.extract.places import toponyms  # noqa: E402
from components.extract.quotes import quotations  # noqa: E402
from components.nlp import load_nlp  # noqa: E402

# invented paragraphs: a quotation with its speaker and an indirect report; a dated meeting and a toll
QUOTE_PARAGRAPH = ('"We will keep the bridge open," the mayor, Anna Berg, told reporters on Monday. '
                   'Officials said that the repairs would take weeks.\n\n')
CASUALTY_PARAGRAPH = ("Officials met in Kabul on Monday 3 March 2014 to discuss the budget with Ahmed Khan. " * 3
                      + "Two soldiers were killed in Kandahar on Tuesday. ")
GOAL = 8 * 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    nlp = load_nlp()
    stages = []
    small, large = nlp(QUOTE_PARAGRAPH * 40), nlp(QUOTE_PARAGRAPH * 320)
    stages.append(("quotations", small, large, lambda d: quotations(d, "bench", [])))
    small_c, large_c = nlp(CASUALTY_PARAGRAPH * 40), nlp(CASUALTY_PARAGRAPH * 320)
    places = {id(d): toponyms(d) for d in (small_c, large_c)}
    stages.append(("casualty_events", small_c, large_c, lambda d: casualty_events(d, places[id(d)], "2014-03-05")))
    print(f"{'stage':<16} {'40 paragraphs s':>16} {'320 paragraphs s':>17} {'ratio':>7}  goal <= {GOAL}x")
    for name, s, lg, run in stages:
        run(s)  # warm: lexicons, gazetteer
        t_small, t_large = [], []
        for _ in range(args.rounds):
            t_small.append(timed(lambda: run(s)))
            t_large.append(timed(lambda: run(lg)))
        ratio = min(t_large) / min(t_small)
        print(f"{name:<16} {min(t_small):>16.3f} {min(t_large):>17.3f} {ratio:>6.1f}x  {'met' if ratio <= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
