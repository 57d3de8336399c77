"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# The shared cases, gold and evaluation data live beside the checkout (``../shared``);
# NEWS_ATLAS_SHARED points elsewhere.
SHARED = Path(os.environ.get("NEWS_ATLAS_SHARED") or ROOT.parent / "shared").resolve()
CASES_DIR = SHARED / "cases"


def pytest_configure(config):
    if not (CASES_DIR.is_dir() and (SHARED / "gold").is_dir()):
        pytest.exit(
            f"the shared test data was not found at {SHARED}: the tests need the project's shared/ folder "
            "beside the checkout (../shared) or NEWS_ATLAS_SHARED=/path/to/shared",
            returncode=4,
        )


@pytest.fixture(scope="session")
def nlp():
    from components.nlp import load_nlp

    return load_nlp()


def load_case(case_id: str) -> dict:
    """Load ``../shared/cases/<case_id>.yaml`` (a dict with ``text`` and expectations)."""
    return yaml.safe_load((CASES_DIR / f"{case_id}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extract_text(nlp):
    """Return a function ``text -> Extraction`` running the full pipeline on a raw string.

    The text goes through the same cleaning as files (``read_bytes``) and the parser reads its repaired
    copy (``analysis_text``), so mojibake/NBSP cases behave as they would on ingest.
    """
    from components.extract import analysis_text, extract_doc
    from components.ingest import read_bytes

    def run(text: str, published: str | None = None):
        article = read_bytes(text.encode("utf-8"), "case.txt", {"published": published} if published else None)[0]
        return extract_doc(article, nlp(analysis_text(article)), nlp)

    return run
