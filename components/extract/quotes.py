"""Quotations and their attribution. (Being written: returns nothing yet.)"""
from __future__ import annotations

from spacy.tokens import Doc

from ..models import Place, Quote, Speaker


def quotations(doc: Doc, article_id: str, places: list[Place]) -> tuple[list[Quote], list[Speaker]]:
    """Return the quotes of ``doc`` in text order and the canonical speakers they name."""
    return [], []
