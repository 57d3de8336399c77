"""Toponym recognition and offline geocoding. (Being written: returns nothing yet.)"""
from __future__ import annotations

from spacy.tokens import Doc

from ..models import Place


def toponyms(doc: Doc) -> list[Place]:
    """Return one :class:`Place` per toponym mention in ``doc``, in text order."""
    return []
