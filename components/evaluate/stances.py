"""Scoring predicted stances against a gold file (``../shared/gold/FORMAT.md``, Stances)."""

from __future__ import annotations

from ..models import Extraction
from .normalise import normalise, share
from .quotes import gold_speaker_names, speaker_names_for


def score_stances(gold: dict, extraction: Extraction) -> dict:
    """Share of gold stances predicted for the same speaker and topic with the same polarity.

    The speaker matches by name or gold alias (normalised); a prediction with no evidence quote
    does not count (FORMAT.md, Stances).

    Returns:
        dict: ``{"right", "total", "accuracy", "rows": [{"speaker", "topic", "gold", "predicted"}],
        "extra": [predicted stances with no gold entry]}``.
    """
    table = gold_speaker_names(gold)
    preds = [s for s in extraction.stances if s.evidence]
    rows, right, used = [], 0, set()
    for g in gold.get("stances") or []:
        names = speaker_names_for(g["speaker"], table)
        hit = [k for k, s in enumerate(preds) if normalise(s.speaker) in names and s.topic == g["topic"]]
        used.update(hit)
        predicted = preds[hit[0]].polarity if hit else None
        right += predicted == g["polarity"]
        rows.append({"speaker": g["speaker"], "topic": g["topic"], "gold": g["polarity"], "predicted": predicted})
    extra = [f"{s.speaker} / {s.topic}: {s.polarity}" for k, s in enumerate(preds) if k not in used]
    total = len(rows)
    return {"right": right, "total": total, "accuracy": share(right, total), "rows": rows, "extra": extra}
