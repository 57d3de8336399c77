"""Command line: ``python -m components {ingest,extract,evaluate,build-default,train} ...``.

- ``ingest PATH...``: read files/folders/globs, web addresses (a page, an RSS/Atom feed) and feed files
  (``.xml``, ``.rss``, ``.atom``), extract, store (progress bar, summary); with
  ``--engine dask --out DIR`` on a Dask cluster into a hive-partitioned Parquet tree.
- ``extract PATH... --json``: print one JSON object per article (JSON Lines) without touching the store.
- ``evaluate PATH...``: score the extractor on gold files, PolNeAR brat folders, GeoVirus/ISAF JSONL.
- ``build-default``: ingest the embedded default collections (``data/collections.yaml``).
- ``train cues FOLDER``: rebuild the learned cue lexicon from a PolNeAR-style training folder;
  ``train lexicon-counts FOLDER``: count each word-list entry over the training split, dev sets and seed.
  ``train attribution FOLDER``: refit the learned indirect-attribution decider from it;
  ``train content-heads FOLDER``: mine which head nouns of cue verbs' objects are attribution content.

Exit codes: 0 everything was stored (or printed), perhaps with warnings; 1 some input failed (each
failure is one line ``PATH[:LINE]: reason``, the others went through); 2 usage error or a store that
cannot be opened. ``--debug`` adds the traceback of unexpected errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tqdm import tqdm


def _progress_kwargs() -> dict:
    """tqdm settings for stderr: a live bar on a terminal; in a log (stderr redirected) one plain
    line at most every 30 s, so long work still shows progress without flooding the file."""
    if sys.stderr.isatty():
        return {}
    return {"mininterval": 30.0, "ascii": True, "ncols": 80}


class _LazyBar:
    """A tqdm bar over articles drawn at its first update, so no empty "0article" bar is printed while
    the inputs are still being read; ``close()`` closes it when it was drawn."""

    def __init__(self, desc: str):
        self.desc, self.bar = desc, None

    def update(self, done: int, total: int, label: str) -> None:
        if self.bar is None:
            self.bar = tqdm(total=total, desc=self.desc, unit="article", file=sys.stderr, **_progress_kwargs())
        self.bar.total = total
        self.bar.n = done
        self.bar.set_postfix_str(label[:40], refresh=False)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _progress_bar(desc: str):
    """``(bar, update)``: a :class:`_LazyBar` and its ``update(done, total, label)`` callback."""
    bar = _LazyBar(desc)
    return bar, bar.update


def _print_details(report, args: argparse.Namespace) -> None:
    """With ``--debug``, the tracebacks behind the failures (stderr)."""
    if getattr(args, "debug", False):
        for where, detail in report.details:
            print(f"--- {where}\n{detail}", file=sys.stderr)


def _engine(args: argparse.Namespace) -> dict:
    """``workers`` (0: automatic) and ``article_timeout`` (0 s: no budget, in this process) from the command line."""
    return {"workers": args.workers, "article_timeout": args.article_timeout}


def _cli_fetch(url: str) -> bytes:
    """Fetch for the command line: :func:`components.fetch.fetch_bytes` with local and private addresses
    allowed (whoever runs the command can reach them anyway; the dashboard, which may be public, refuses them).

    Raises:
        FetchError: see :func:`components.fetch.fetch_bytes`.
    """
    from .fetch import fetch_bytes

    return fetch_bytes(url, allow_private=True)


def _store_path(args: argparse.Namespace) -> str:
    """The store path of a writing command: ``--db``, else ``$NEWS_ATLAS_DB``, else ``data/atlas.duckdb``.

    The default store's folder (``data/``) is created when missing; the folder of a path the user named
    (``--db`` or the environment variable) must exist, so a mistyped path does not silently make a new
    tree of folders and an empty store there.

    Raises:
        StoreError: the named path's folder does not exist (exit code 2).
    """
    from .store import checked_db_path

    return checked_db_path(args.db)


def _positive_int(text: str) -> int:
    """argparse type: an integer >= 1 (``--batch-size 0`` would write nothing per transaction)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def cmd_ingest(args: argparse.Namespace) -> int:
    """``ingest PATH...``: extract and store; prints the summary.

    Returns 1 when any input failed, and when the paths hold no article file at all (an empty
    folder, a pattern matching nothing): then a message says so on stderr.
    """
    from .pipeline import NOTHING_TO_READ, ingest_paths
    from .store import versions
    from .store.swap import write_session
    from .upgrade import reextract_stale

    if args.engine == "dask":
        return cmd_ingest_dask(args)
    path = _store_path(args)
    # Written into a copy swapped in at the end: a running dashboard keeps reading and sees it after a refresh.
    with write_session(path) as store:
        stale = None
        if versions.stale_articles(store.cursor()):  # a bar only when there is something to re-extract
            bar, update = _progress_bar("re-extract (extractor changed)")
            try:
                stale = reextract_stale(store, progress=update)
            finally:
                bar.close()
        if stale:
            print(f"re-extracted {len(stale.added)} stored article(s) written by an older extractor")
        bar, update = _progress_bar("ingest")
        try:
            report = ingest_paths(args.paths, store, collection=args.collection, replace=args.replace,
                                  progress=update, batch_size=args.batch_size, fetch=_cli_fetch,
                                  **_engine(args))
        finally:
            bar.close()
        counts = store.counts()
    _print_details(report, args)
    if not report.files:
        print(f"error: nothing to ingest: {NOTHING_TO_READ} ({' '.join(args.paths)})", file=sys.stderr)
    print(report.summary())
    print(f"store {path}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if report.failed or not report.files else 0


def cmd_ingest_dask(args: argparse.Namespace) -> int:
    """``ingest PATH... --engine dask --out DIR [--scheduler ADDRESS]``: extract on a Dask cluster into a
    hive-partitioned Parquet tree (see :mod:`components.scale.dask_ingest`); prints the summary.

    Returns 1 when any input failed or the paths hold no article file, 2 without ``--out``.
    """
    if not args.out:
        print("error: --engine dask writes a Parquet tree: give its folder with --out DIR", file=sys.stderr)
        return 2
    from .pipeline import NOTHING_TO_READ
    from .scale.dask_ingest import dask_ingest

    bar, update = _progress_bar("ingest (dask)")
    try:
        report = dask_ingest(args.paths, args.out, collection=args.collection, scheduler=args.scheduler,
                             n_workers=getattr(args, "workers", None) or 2, progress=update)
    finally:
        bar.close()
    _print_details(report, args)
    if not report.files:
        print(f"error: nothing to ingest: {NOTHING_TO_READ} ({' '.join(args.paths)})", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed or not report.files else 0


def cmd_build_default(args: argparse.Namespace) -> int:
    """``build-default``: ingest the default collections missing from the store. Returns 1 on failures."""
    from .pipeline import ensure_default_store
    from .store.swap import write_session

    path = _store_path(args)
    with write_session(path) as store:
        bar, update = _progress_bar("default corpus")
        try:
            report = ensure_default_store(store, progress=update, **_engine(args))
        finally:
            bar.close()
        counts = store.counts()
    if report:
        _print_details(report, args)
    print(report.summary() if report else "the default collections are already stored")
    print(f"store {path}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 1 if report and report.failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    """``extract PATH... [--json]``: print extractions (JSON Lines with ``--json``); the store is untouched.

    Unreadable inputs are reported on stderr (files skipped in folders and warnings too) and the
    rest still printed; returns 1 when any failed or when the paths hold no article file.
    """
    from .pipeline import NOTHING_TO_READ, IngestReport, read_files, take_outcome
    from .worker import process_articles

    report = IngestReport()
    articles = read_files(args.paths, report, fetch=_cli_fetch)
    if not report.files:
        print(f"error: nothing to extract: {NOTHING_TO_READ} ({' '.join(args.paths)})", file=sys.stderr)
    for where, reason in report.skipped:
        print(f"skipped: {where}: {reason}", file=sys.stderr)
    for where, reason in report.warnings:
        print(f"warning: {where}: {reason}", file=sys.stderr)
    for where, reason in report.failed:
        print(f"error: {where}: {reason}", file=sys.stderr)
    _print_details(report, args)
    engine = _engine(args)
    outcomes = process_articles(articles, engine["workers"], engine["article_timeout"])
    for outcome in tqdm(outcomes, total=len(articles), desc="extract", file=sys.stderr,
                        disable=len(articles) < 2, **_progress_kwargs()):
        after = IngestReport()
        ex = take_outcome(outcome, after)
        for where, reason in after.warnings:  # (above the progress bar, each on its own line)
            tqdm.write(f"warning: {where}: {reason}", file=sys.stderr)
        for where, reason in after.failed:
            tqdm.write(f"error: {where}: {reason}", file=sys.stderr)
        _print_details(after, args)
        report.failed += after.failed
        if ex is None:
            continue
        if args.json:
            print(ex.model_dump_json(), flush=True)
        else:
            print(f"# {ex.article.title or ex.article.id} ({ex.article.id})")
            for q in ex.quotes:
                cue = f" ({q.cue})" if q.cue else ""
                print(f"  [{q.kind}] {q.speaker or 'speaker unknown'}{cue}: {q.text[:100]}")
            for p in ex.places:
                where = f" ({p.lat}, {p.lon})" if p.lat is not None else " (not geocoded)"
                print(f"  place {p.name} {p.country or ''}{where}")
            for c in ex.casualties:
                counts = [f"{what} {_count_text(lo, hi)}" for what, lo, hi in (("killed", c.killed_min, c.killed_max),
                          ("injured", c.injured_min, c.injured_max), ("missing", c.missing_min, c.missing_max)) if lo is not None or hi is not None]
                print(f"  casualty {c.place or 'place unknown'}: {', '.join(counts)}")
    return 1 if report.failed or not report.files else 0


def _count_text(lo: int | None, hi: int | None) -> str:
    """A casualty count range as a reader writes it: "3", "3-5", "at least 3", "up to 5"."""
    if lo is not None and hi is not None:
        return str(lo) if lo == hi else f"{lo}-{hi}"
    return f"at least {lo}" if lo is not None else f"up to {hi}"


def _add_engine_arguments(p: argparse.ArgumentParser) -> None:
    from .worker import DEFAULT_ARTICLE_TIMEOUT

    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="extraction processes, each loading the model once (default: the number of cores, "
                        "one per 10 articles for fewer)")
    p.add_argument("--article-timeout", type=float, default=DEFAULT_ARTICLE_TIMEOUT, metavar="SECONDS",
                   help=f"wall-clock budget per article of up to 50,000 characters, in proportion beyond "
                        f"(default {DEFAULT_ARTICLE_TIMEOUT:g}); an article past it "
                        "is kept without extraction results, with a warning; 0: no budget, extract in this process")
    p.add_argument("--debug", action="store_true", help="print the traceback of unexpected errors")
    p.add_argument("--batch-size", type=_positive_int, default=32, metavar="N", help="articles written per transaction "
                   "(default 32); a run stopped midway keeps every batch written before")


TOPICS_HELP = "topic taxonomy YAML replacing data/topics.yaml (default: $NEWS_ATLAS_TOPICS or data/topics.yaml)"


def _use_topics(path: str) -> None:
    """Validate the taxonomy file ``path`` and make it the one every extraction (and worker) uses.

    Raises:
        TopicTaxonomyError: the file is missing or malformed (a usage error: exit 2).
    """
    from .extract.topics import TOPICS_ENV, TopicTaxonomy

    TopicTaxonomy.load(path)
    os.environ[TOPICS_ENV] = str(Path(path).resolve())


def cmd_train(args: argparse.Namespace) -> int:
    """``train cues FOLDER [--out PATH]``: mine the cue lexicon (:mod:`components.extract.cuelex`);
    ``train attribution FOLDER [--out PATH]``: fit the attribution decider
    (:mod:`components.extract.attribution_model`);
    ``train tagger FOLDER [--out PATH]``: train the Cue/Source/Content sequence tagger
    (:mod:`components.extract.attribution_tagger`);
    ``train lexicon-counts FOLDER [--out PATH]``: count the word lists' entries over the training split,
    the dev sets beside it and the seed (:mod:`components.lexicon_counts`);
    ``train content-heads FOLDER [--out PATH]``: mine the content gate's head-noun reliabilities
    (:mod:`components.extract.content_gate`)."""
    if args.what == "tagger":
        from .extract.attribution_tagger import TAGGER_PATH, train_tagger

        info = train_tagger(args.folder, out=args.out or TAGGER_PATH, limit=args.limit)
        print(f"CRF tagger from {info['articles']} articles ({info['sentences']} sentences, {info['tokens']} tokens) "
              f"in {info['seconds']} s -> {args.out or TAGGER_PATH}")
        return 0
    if args.what == "lexicon-counts":
        from .lexicon_counts import COUNTS_PATH, run_lexicon_counts

        out = args.out or COUNTS_PATH
        candidates = run_lexicon_counts(args.folder, out=out, limit=args.limit)
        print(f"{len(candidates)} entries used by no training article and at most one other document -> {out}")
        for name, entry in candidates:
            print(f"  {name}\t{entry}")
        return 0
    if args.what == "content-heads":
        from .extract.content_gate import HEADS_PATH, train_content_heads

        heads = train_content_heads(args.folder, out=args.out or HEADS_PATH, limit=args.limit)
        print(f"{len(heads.heads)} head nouns from {heads.articles} articles -> {args.out or HEADS_PATH}")
        return 0
    if args.what == "attribution":
        from .extract.attribution_model import MODEL_PATH, train_attribution

        model = train_attribution(args.folder, out=args.out or MODEL_PATH, limit=args.limit)
        print(f"{len(model.weights)} weights from {model.candidates} candidates ({model.positives} positive) "
              f"of {model.articles} articles -> {args.out or MODEL_PATH}")
        return 0
    from .extract.cuelex import CUES_PATH, train_cues

    lex = train_cues(args.folder, out=args.out or CUES_PATH, limit=args.limit)
    print(f"{len(lex.cues)} cues from {lex.articles} articles ({lex.attributions} attributions) -> {args.out or CUES_PATH}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m components``."""
    parser = argparse.ArgumentParser(prog="python -m components", description=__doc__.splitlines()[0].replace("``", ""))
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="extract articles and add them to the store")
    p.add_argument("paths", nargs="+", help="files (.txt .md .html .jsonl), folders, glob patterns, web addresses "
                   "(a news page or an RSS/Atom feed) or feed files (.xml .rss .atom)")
    p.add_argument("--collection", default=None, help="collection name for these articles (default: user)")
    p.add_argument("--replace", action="store_true", help="re-extract articles already stored")
    p.add_argument("--db", default=None, help="store path (default: $NEWS_ATLAS_DB or data/atlas.duckdb)")
    _add_engine_arguments(p)
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: this machine, into the DuckDB store; dask: a Dask cluster, into a Parquet tree (--out)")
    p.add_argument("--out", default=None, help="with --engine dask: folder of the hive-partitioned Parquet tree")
    p.add_argument("--scheduler", default=None,
                   help="with --engine dask: address of a running scheduler (default: a local cluster of 2 workers)")
    p.add_argument("--topics", default=None, help=TOPICS_HELP)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("build-default", help="ingest the embedded default collections if missing")
    p.add_argument("--db", default=None, help="store path (default: $NEWS_ATLAS_DB or data/atlas.duckdb)")
    _add_engine_arguments(p)
    p.add_argument("--topics", default=None, help=TOPICS_HELP)
    p.set_defaults(func=cmd_build_default)

    p = sub.add_parser("extract", help="print extractions without touching the store")
    p.add_argument("paths", nargs="+", help="files, folders, glob patterns, web addresses or feed files")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per article (the output contract)")
    _add_engine_arguments(p)
    p.add_argument("--topics", default=None, help=TOPICS_HELP)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("train", help="rebuild a learned resource from a training split")
    p.add_argument("what", choices=["cues", "attribution", "tagger", "lexicon-counts", "content-heads"],
                   help="cues: the attribution cue lexicon; attribution: the indirect-attribution decider; "
                   "tagger: the Cue/Source/Content sequence tagger; "
                   "lexicon-counts: per-entry counts of the word lists; "
                   "content-heads: which head nouns of cue verbs' objects are attribution content")
    p.add_argument("folder", help="PolNeAR-style folder with text/ and attributions/ (the training split)")
    p.add_argument("--out", default=None, help="output path (default: components/extract/cues.yaml, "
                   "components/extract/attribution_model.json, components/extract/attribution_tagger.crfsuite, "
                   "components/extract/lexicon/counts.tsv, components/extract/content_heads.yaml)")
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
    if getattr(args, "workers", 0) < 0 or getattr(args, "article_timeout", 0) < 0:
        print("error: --workers and --article-timeout take a number >= 0", file=sys.stderr)
        return 2
    try:
        if getattr(args, "topics", None):
            _use_topics(args.topics)
        return args.func(args)
    except NewsAtlasError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: a store is written whole or not at all, so one line is enough
        if getattr(args, "debug", False):
            raise
        print("error: interrupted; nothing stored before was lost (run the same command again to complete it)", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug outside any article's boundary: one line, the traceback with --debug
        if getattr(args, "debug", False):
            raise
        print(f"error: internal error ({type(exc).__name__}: {exc}); run again with --debug for the traceback",
              file=sys.stderr)
        return 2
