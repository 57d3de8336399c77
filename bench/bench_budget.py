"""Cost of the per-article time budget: extraction in worker processes against extraction in this process.

Usage: python bench/bench_budget.py [--corpus DIR_OR_JSONL] [--limit N] [--rounds R] [--workers N]

Default corpus: ../shared/eval/polnear-dev/text. Each round times, on the same articles,
(a) :func:`components.worker.process_article` in this process (the model loaded once, no budget) and
(b) :class:`components.worker.ExtractionPool` with one worker and the default 30 s budget (the worker
already started: what the budget costs per article is sending the article and its records between
processes), alternating so machine noise hits both; then (c) the same pool with ``--workers`` workers.
The one-off start of a worker (a new interpreter loading the model) is printed apart. Prints seconds
and the ratio to (a) per round.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_extract import bench_parser, load_texts, timed as _time  # noqa: E402
from components.models import Article  # noqa: E402
from components.nlp import load_nlp  # noqa: E402
from components.worker import ExtractionPool, process_article  # noqa: E402


def main() -> None:
    ap = bench_parser(__doc__, workers=True)
    ap.add_argument("--limit", type=int, default=40)
    args = ap.parse_args()
    articles = [Article(id=f"b{i}", text=t) for i, t in enumerate(load_texts(args.corpus)[: args.limit])]
    nlp = load_nlp()
    process_article(articles[0], nlp)  # warm: language model, topic matcher
    one, many = ExtractionPool(1), ExtractionPool(args.workers)
    start1 = _time(lambda: list(one.run(articles[:1])))
    startn = _time(lambda: list(many.run(articles[: args.workers])))
    print(f"{len(articles)} articles, {sum(len(a.text.split()) for a in articles):,} words; worker start + first "
          f"article: {start1:.1f} s (1 worker), {startn:.1f} s ({args.workers} workers, started together)")
    print("| round | in process s | 1 worker s | ratio | %d workers s | ratio |" % args.workers)
    print("|---:|---:|---:|---:|---:|---:|")
    r1, rn = [], []
    for r in range(args.rounds):
        a = _time(lambda: [process_article(x, nlp) for x in articles])
        b = _time(lambda: list(one.run(articles)))
        c = _time(lambda: list(many.run(articles)))
        r1.append(b / a)
        rn.append(c / a)
        print(f"| {r + 1} | {a:.2f} | {b:.2f} | {b / a:.2f} | {c:.2f} | {c / a:.2f} |")
    print(f"median ratio: 1 worker {statistics.median(r1):.2f}, {args.workers} workers {statistics.median(rn):.2f}")
    one.close()
    many.close()


if __name__ == "__main__":
    main()
