"""Casualty events. (Being written: returns nothing yet.)"""
from __future__ import annotations

from spacy.tokens import Doc

from ..models import Casualty, Place


def casualty_events(doc: Doc, places: list[Place], published: str | None) -> list[Casualty]:
    """Return casualty records of ``doc`` in text order."""
    return []
