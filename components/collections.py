"""The collection manifest (``data/collections.yaml``): which corpora the store is built from.

Kept apart from :mod:`components.pipeline` (which imports the spaCy extractors) so
the dashboard can read collection names and labels without loading the NLP stack.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import NewsAtlasError
from .store import PROJECT_ROOT

COLLECTIONS_FILE = PROJECT_ROOT / "data" / "collections.yaml"


def load_collections(path: Path | None = None) -> list[dict]:
    """Read the collection manifest (default ``data/collections.yaml``).

    Returns:
        list[dict]: entries with ``name``, ``label``, ``paths`` (absolute), ``default`` (bool), ``licence``.

    Raises:
        NewsAtlasError: the manifest is missing or malformed.
    """
    path = Path(path) if path is not None else COLLECTIONS_FILE
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise NewsAtlasError(f"cannot read the collection manifest {path}: {exc}") from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("name") and e.get("paths") for e in entries):
        raise NewsAtlasError(f"{path}: expected a list of entries with 'name' and 'paths'")
    base = path.parent
    return [
        {
            "name": str(e["name"]),
            "label": str(e.get("label") or e["name"]),
            "paths": [base / p for p in e["paths"]],
            "default": bool(e.get("default", False)),
            "licence": e.get("licence"),
        }
        for e in entries
    ]
