"""Evaluation harness: score the extractor on annotated articles.

``python -m components evaluate PATH... [--json] [--limit N] [--article PATH]`` auto-detects each PATH:

- a gold YAML file in the format of ``../shared/gold/FORMAT.md`` (:mod:`.gold`): quotes, attribution,
  speakers, places, casualties, stances; a folder of such files is scored file by file;
- a PolNeAR-style brat folder with ``text/`` and ``attributions/`` (:mod:`.polnear`): direct quotations
  and all attributions, with source accuracy;
- a GeoVirus-style JSONL whose lines have ``toponyms`` (:mod:`.geovirus`): recognition and geocoding;
- an ISAF-style JSONL whose lines have ``gold.min_killed`` (:mod:`.isaf`): killed totals and province.

Each report is printed as a table, or with ``--json`` as one JSON object per PATH (JSON Lines).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

from ..errors import GoldFormatError, NewsAtlasError

__all__ = ["add_evaluate_arguments", "run_evaluate", "detect_kind", "evaluate_path"]


def detect_kind(path: Path) -> str:
    """What an evaluation PATH is: ``"gold"``, ``"polnear"``, ``"geovirus"`` or ``"isaf"``.

    Raises:
        GoldFormatError: the path does not exist or is none of these (the message says what was expected).
    """
    from .gold import looks_like_gold
    from .polnear import is_brat_folder

    path = Path(path)
    if not path.exists():
        raise GoldFormatError(f"{path}: no such file or folder")
    if is_brat_folder(path):
        return "polnear"
    if path.is_dir():
        raise GoldFormatError(f"{path}: a folder to evaluate needs text/ and attributions/ subfolders (brat layout)")
    if looks_like_gold(path):
        return "gold"
    if path.suffix.lower() in (".jsonl", ".json"):
        with open(path, encoding="utf-8") as fh:
            first = next((ln for ln in fh if ln.strip()), "")
        try:
            d = json.loads(first)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}: first line is not valid JSON ({exc})") from exc
        if isinstance(d, dict) and "toponyms" in d:
            return "geovirus"
        if isinstance(d, dict) and isinstance(d.get("gold"), dict) and "min_killed" in d["gold"]:
            return "isaf"
        raise GoldFormatError(f"{path}: JSONL lines need 'toponyms' (GeoVirus-style) or 'gold.min_killed' (ISAF-style)")
    raise GoldFormatError(
        f"{path}: not a gold YAML file, a brat folder (text/ + attributions/) or a GeoVirus/ISAF JSONL file"
    )


def evaluate_path(path: Path, limit: Optional[int] = None, article: Optional[Path] = None,
                  all_annotators: bool = False, progress: bool = True) -> dict:
    """Detect what ``path`` is and score the extractor on it.

    Args:
        path (Path): gold YAML, brat folder, GeoVirus or ISAF JSONL.
        limit (int | None): at most this many articles (corpora only).
        article (Path | None): the article of a gold file, overriding the lookup.
        all_annotators (bool): brat folders: score every annotator's file.
        progress (bool): tqdm progress on stderr.

    Returns:
        dict: the dataset's report, with ``"dataset"`` and ``"path"`` keys.

    Raises:
        GoldFormatError: unrecognised or malformed input.
    """
    kind = detect_kind(path)
    if kind == "gold":
        from .gold import evaluate_gold

        return evaluate_gold(path, article, progress=progress)
    if kind == "polnear":
        from .polnear import evaluate_polnear

        return evaluate_polnear(path, limit=limit, all_annotators=all_annotators, progress=progress)
    if kind == "geovirus":
        from .geovirus import evaluate_geovirus

        return evaluate_geovirus(path, limit=limit, progress=progress)
    from .isaf import evaluate_isaf

    return evaluate_isaf(path, limit=limit, progress=progress)


def expand_paths(paths: list[str]) -> list[str]:
    """Replace each folder of gold files (YAML, no brat layout) by its ``*.yaml``/``*.yml`` files, sorted."""
    from .gold import looks_like_gold
    from .polnear import is_brat_folder

    out = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not is_brat_folder(p):
            golds = sorted(str(f) for f in p.iterdir() if looks_like_gold(f))
            out.extend(golds or [raw])
        else:
            out.append(raw)
    return out


def add_evaluate_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate`` options to ``parser`` (paths, --json, --limit, --article, ...)."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="gold YAML file (or a folder of them), PolNeAR-style brat folder, GeoVirus-style or ISAF-style JSONL")
    parser.add_argument("--json", action="store_true", help="print one JSON report per PATH (JSON Lines)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="score at most N articles per corpus")
    parser.add_argument("--article", type=Path, default=None, metavar="PATH",
                        help="the article a gold file annotates (default: found from its 'article:' key)")
    parser.add_argument("--all-annotators", action="store_true",
                        help="brat folders: score every annotator's file, not only the first in name order")
    parser.add_argument("--show", type=int, default=10, metavar="K",
                        help="list at most K misses/false positives per section (0 = all)")
    parser.add_argument("--errors", action="store_true",
                        help="corpora: also list misses, false positives and wrong sources/counts")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def run_evaluate(args: argparse.Namespace) -> int:
    """Run the ``evaluate`` command; returns the exit status (0 ok, 2 when any PATH failed).

    Errors in one PATH (malformed gold, unknown format) are reported on stderr and the
    other PATHs are still scored.
    """
    from .report import format_report

    if args.limit is not None and args.limit < 1:
        print("error: --limit must be at least 1", file=sys.stderr)
        return 2
    if args.article is not None and len(args.paths) > 1:
        print("error: --article applies to a single gold file; pass one PATH with it", file=sys.stderr)
        return 2
    status = 0
    for i, raw in enumerate(expand_paths(args.paths)):
        try:
            report = evaluate_path(Path(raw), limit=args.limit, article=args.article,
                                   all_annotators=args.all_annotators, progress=not args.no_progress)
        except NewsAtlasError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            continue
        if args.json:
            print(json.dumps(report, ensure_ascii=False, default=str))
        else:
            if i:
                print()
            print(format_report(report, args.show, getattr(args, "errors", False)))
        sys.stdout.flush()
    return status


def main(argv: Optional[list[str]] = None) -> int:
    """Stand-alone entry: ``python -m components.evaluate PATH...``."""
    parser = argparse.ArgumentParser(prog="python -m components.evaluate", description=__doc__.splitlines()[0])
    add_evaluate_arguments(parser)
    return run_evaluate(parser.parse_args(argv))
