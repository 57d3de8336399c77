"""Scoring predicted casualty records against a gold file (``../shared/gold/FORMAT.md``, Casualties)."""

from __future__ import annotations


from ..models import Casualty, Extraction
from .normalise import normalise, pair_best_first, prf, share

COUNT_KEYS = ("killed_min", "killed_max", "injured_min", "injured_max", "missing_min", "missing_max")


def casualty_matches(pred: Casualty, gold: dict) -> bool:
    """True when the place (normalised) is equal and every count the gold record gives is equal.

    A count key present in the gold with value null must be null in the prediction too
    (null = open-ended or not stated); count keys absent from the gold are not compared.
    """
    if normalise(pred.place) != normalise(gold.get("place")):
        return False
    return all(getattr(pred, k) == gold[k] for k in COUNT_KEYS if k in gold)


def score_casualties(gold: dict, extraction: Extraction) -> dict:
    """Casualty precision/recall/F1 and, over matched records, date/cause/actor agreement.

    Rules (FORMAT.md): a prediction matches when place and every stated count are equal
    (:func:`casualty_matches`), one-to-one in order; any other prediction is a false positive.
    Agreement shares over matched records whose gold gives the field: date equal (ISO string),
    cause = the gold cause is a substring of the predicted one, actor equal (both normalised).

    Returns:
        dict: ``{"tp", "fp", "fn", "precision", "recall", "f1", "date_agreement", "cause_agreement",
        "actor_agreement", "missed": [...], "false_positives": [...], "disagreements": [...]}``.
    """
    golds = list(gold.get("casualties") or [])
    preds = list(extraction.casualties)
    pairs = pair_best_first(preds, golds, lambda p, g: (1,) if casualty_matches(p, g) else None)
    agree = {"date": [0, 0], "cause": [0, 0], "actor": [0, 0]}
    disagreements = []
    for i, j, _ in pairs:
        p, g = preds[i], golds[j]
        checks = {
            "date": (g.get("date"), str(p.date) == str(g.get("date"))),
            "cause": (g.get("cause"), bool(normalise(g.get("cause"))) and normalise(g.get("cause")) in normalise(p.cause)),
            "actor": (g.get("actor"), normalise(p.actor) == normalise(g.get("actor"))),
        }
        for k, (gv, ok) in checks.items():
            if gv is None:
                continue
            agree[k][1] += 1
            agree[k][0] += ok
            if not ok:
                disagreements.append({"place": g.get("place"), "field": k, "gold": gv, "predicted": getattr(p, k)})
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}

    def brief(r) -> str:
        get = r.get if isinstance(r, dict) else lambda k: getattr(r, k)
        return f"{get('place')}: killed {get('killed_min')}-{get('killed_max')}, injured {get('injured_min')}-{get('injured_max')}"

    return {
        **prf(len(pairs), len(preds) - len(pairs), len(golds) - len(pairs)),
        **{f"{k}_agreement": share(r, t) for k, (r, t) in agree.items()},
        "missed": [brief(g) for j, g in enumerate(golds) if j not in matched_g],
        "false_positives": [brief(p) for i, p in enumerate(preds) if i not in matched_p],
        "disagreements": disagreements,
    }
