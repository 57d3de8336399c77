"""Command line: ``python -m components {ingest,extract,evaluate,build-default,train} ...``.

- ``ingest PATH...``: read files/folders/globs, extract, store (progress bar, summary).
- ``extract PATH... --json``: print one JSON object per article (JSON Lines) without touching the store.
- ``evaluate PATH...``: score the extractor on gold files, PolNeAR brat folders, GeoVirus/ISAF JSONL.
- ``build-default``: ingest the embedded default collections (``data/collections.yaml``).
- ``train cues FOLDER``: rebuild the learned cue lexicon from a PolNeAR-style training folder.

Exit codes: 0 success, 1 some inputs failed, 2 usage or store error.
"""

from __future__ import annotations

import argparse
import sys

from tqdm import tqdm


def _progress_kwargs() -> dict:
    """tqdm settings for stderr: a live bar on a terminal; in a log (stderr redirected) one plain
    line at most every 30 s, so long work still shows progress without flooding the file."""
    if sys.stderr.isatty():
        return {}
    return {"mininterval": 30.0, "ascii": True, "ncols": 80}


def _progress_bar(desc: str):
    bar = tqdm(total=0, desc=desc, unit="article", file=sys.stderr, **_progress_kwargs())

    def update(done: int, total: int, label: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(label[:40], refresh=False)
        bar.refresh()

    return bar, update


def cmd_ingest(args: argparse.Namespace) -> int:
    """``ingest PATH...``: extract and store; prints the summary.

    Returns 1 when any input failed, and when the paths hold no article file at all (an empty
    folder, a pattern matching nothing): then a message says so on stderr.
    """
    from .pipeline import NOTHING_TO_READ, ingest_paths
    from .store import Store

    store = Store(args.db)
    bar, update = _progress_bar("ingest")
    try:
        report = ingest_paths(args.paths, store, collection=args.collection, replace=args.replace, progress=update)
    finally:
        bar.close()
    if not report.files:
        print(f"error: nothing to ingest: {NOTHING_TO_READ} ({' '.join(args.paths)})", file=sys.stderr)
    print(report.summary())
    print(f"store {store.path}: " + ", ".join(f"{k} {v}" for k, v in store.counts().items()))
    return 1 if report.failed or not report.files else 0


def cmd_build_default(args: argparse.Namespace) -> int:
    """``build-default``: ingest the default collections missing from the store. Returns 1 on failures."""
    from .pipeline import ensure_default_store
    from .store import Store

    store = Store(args.db)
    bar, update = _progress_bar("default corpus")
    try:
        report = ensure_default_store(store, progress=update)
    finally:
        bar.close()
    print(report.summary() if report else "the default collections are already stored")
    print(f"store {store.path}: " + ", ".join(f"{k} {v}" for k, v in store.counts().items()))
    return 1 if report and report.failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    """``extract PATH... [--json]``: print extractions (JSON Lines with ``--json``); the store is untouched.

    Unreadable inputs are reported on stderr (files skipped in folders and warnings too) and the
    rest still printed; returns 1 when any failed or when the paths hold no article file.
    """
    from .extract import extract_articles
    from .pipeline import NOTHING_TO_READ, IngestReport, read_files

    report = IngestReport()
    articles = read_files(args.paths, report)
    if not report.files:
        print(f"error: nothing to extract: {NOTHING_TO_READ} ({' '.join(args.paths)})", file=sys.stderr)
    for where, reason in report.skipped:
        print(f"skipped: {where}: {reason}", file=sys.stderr)
    for where, reason in report.warnings:
        print(f"warning: {where}: {reason}", file=sys.stderr)
    for where, reason in report.failed:
        print(f"error: {where}: {reason}", file=sys.stderr)
    for ex in tqdm(extract_articles(articles), total=len(articles), desc="extract", file=sys.stderr,
                   disable=len(articles) < 2, **_progress_kwargs()):
        if args.json:
            print(ex.model_dump_json(), flush=True)
        else:
            print(f"# {ex.article.title or ex.article.id} ({ex.article.id})")
            for q in ex.quotes:
                print(f"  [{q.kind}] {q.speaker or '?'} ({q.cue}): {q.text[:100]}")
            for p in ex.places:
                print(f"  place {p.name} {p.country} ({p.lat}, {p.lon})")
            for c in ex.casualties:
                print(f"  casualty {c.place}: killed {c.killed_min}-{c.killed_max}, injured {c.injured_min}-{c.injured_max}")
    return 1 if report.failed or not report.files else 0


def cmd_train(args: argparse.Namespace) -> int:
    """``train cues FOLDER [--out PATH]``: mine the cue lexicon (:mod:`components.extract.cuelex`)."""
    from .extract.cuelex import CUES_PATH, train_cues

    lex = train_cues(args.folder, out=args.out or CUES_PATH, limit=args.limit)
    print(f"{len(lex.cues)} cues from {lex.articles} articles ({lex.attributions} attributions) -> {args.out or CUES_PATH}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m components``."""
    parser = argparse.ArgumentParser(prog="python -m components", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="extract articles and add them to the store")
    p.add_argument("paths", nargs="+", help="files (.txt .md .html .jsonl), folders or glob patterns")
    p.add_argument("--collection", default=None, help="collection name for these articles (default: user)")
    p.add_argument("--replace", action="store_true", help="re-extract articles already stored")
    p.add_argument("--db", default=None, help="store path (default: $NEWS_ATLAS_DB or data/atlas.duckdb)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("build-default", help="ingest the embedded default collections if missing")
    p.add_argument("--db", default=None, help="store path (default: $NEWS_ATLAS_DB or data/atlas.duckdb)")
    p.set_defaults(func=cmd_build_default)

    p = sub.add_parser("extract", help="print extractions without touching the store")
    p.add_argument("paths", nargs="+", help="files, folders or glob patterns")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per article (the output contract)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("train", help="rebuild a learned resource from a training split")
    p.add_argument("what", choices=["cues"], help="cues: the attribution cue lexicon")
    p.add_argument("folder", help="PolNeAR-style folder with text/ and attributions/ (the training split)")
    p.add_argument("--out", default=None, help="output path (default: components/extract/cues.yaml)")
    p.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="score the extractor against annotations")
    try:
        from .evaluate import add_evaluate_arguments, run_evaluate
    except ImportError:
        add_evaluate_arguments = run_evaluate = None
    if add_evaluate_arguments is not None:
        add_evaluate_arguments(p)
        p.set_defaults(func=run_evaluate)
    else:
        p.set_defaults(func=lambda a: (print("evaluation harness not available", file=sys.stderr), 2)[1])
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    from .errors import NewsAtlasError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except NewsAtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
