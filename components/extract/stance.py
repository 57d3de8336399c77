"""Speaker stance. (Being written: returns nothing yet.)"""
from __future__ import annotations

from spacy.tokens import Doc

from ..models import Quote, Speaker, Stance


def speaker_stances(doc: Doc, quotes: list[Quote], speakers: list[Speaker], tagger) -> list[Stance]:
    return []
