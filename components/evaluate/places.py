"""Scoring predicted places against a gold file (``../shared/gold/FORMAT.md``, Places)."""

from __future__ import annotations

from typing import Optional

from ..models import Extraction, Place
from .normalise import haversine_km, names_of, normalise, pair_best_first, prf

CITY_RADIUS_KM = 25.0


def _place_names(p: Place) -> set[str]:
    return names_of(p.name, [p.mention] if p.mention else [])


def place_match_score(pred: Place, gold: dict) -> Optional[tuple[float]]:
    """Whether a predicted place matches a gold place, as a sortable score, or None.

    Rules (FORMAT.md): the predicted name (gazetteer name or the mention as written), normalised,
    equals the gold name or an alias; for a city the predicted point lies within 25 km of the gold
    ``lat``/``lon`` (great-circle); for a country the ISO alpha-2 code equals the gold ``country``.
    Other kinds (continent, admin) match on the name, plus the country code when the gold gives one.

    Returns:
        tuple[float] | None: ``(-distance_km,)`` for cities (nearer pairs first), ``(0.0,)`` otherwise.
    """
    if not _place_names(pred) & names_of(gold["name"], gold.get("aliases") or []):
        return None
    kind = gold.get("kind")
    if kind == "city":
        if pred.lat is None or pred.lon is None:
            return None
        d = haversine_km(pred.lat, pred.lon, float(gold["lat"]), float(gold["lon"]))
        return (-d,) if d <= CITY_RADIUS_KM else None
    if gold.get("country") and (kind == "country" or kind == "admin"):
        return (0.0,) if (pred.country or "").upper() == str(gold["country"]).upper() else None
    return (0.0,)


def distinct_places(places: list[Place]) -> list[tuple[Place, list[str]]]:
    """Group per-mention places into distinct predictions: same normalised name, country and point
    (rounded to 0.1 degree). Returns ``(first place, [mentions])`` in first-seen order."""
    groups: dict[tuple, tuple[Place, list[str]]] = {}
    for p in places:
        key = (normalise(p.name), p.country,
               None if p.lat is None else round(p.lat, 1), None if p.lon is None else round(p.lon, 1))
        groups.setdefault(key, (p, []))[1].append(p.mention or p.name)
    return list(groups.values())


def score_places(gold: dict, extraction: Extraction) -> dict:
    """Place precision/recall/F1 over distinct places, with ``not_places`` and far-off cities reported.

    Predictions are grouped by :func:`distinct_places` and paired one-to-one with gold places (best
    first, :func:`place_match_score`). A prediction matched to an ``optional`` gold place is neither
    true nor false positive; an unfound optional place is no false negative. Unmatched predictions
    are false positives, among them anything named (name or mention) in ``not_places``.

    Returns:
        dict: ``{"tp", "fp", "fn", "precision", "recall", "f1", "cities", "cities_within_25km",
        "not_place_errors": [names], "missed": [names], "false_positives": [names],
        "far_cities": [{"name", "km"}]}`` (distances in km).
    """
    golds = list(gold.get("places") or [])
    groups = distinct_places(list(extraction.places))
    preds = [g[0] for g in groups]
    pairs = pair_best_first(preds, golds, place_match_score)
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    tp = sum(1 for _, j, _ in pairs if not golds[j].get("optional"))
    optional_names = set().union(*[names_of(g["name"], g.get("aliases") or []) for g in golds if g.get("optional")])
    fps = [preds[i] for i in range(len(preds)) if i not in matched_p and not (_place_names(preds[i]) & optional_names)]
    missed = [g for j, g in enumerate(golds) if j not in matched_g and not g.get("optional")]
    not_places = {normalise(n) for n in gold.get("not_places") or []}
    errors = sorted({m for p, mentions in groups for m in [p.name, *mentions] if normalise(m) in not_places})
    far = []
    for g in missed:
        if g.get("kind") == "city":
            for p in preds:
                if _place_names(p) & names_of(g["name"], g.get("aliases") or []) and p.lat is not None:
                    far.append({"name": g["name"], "km": round(haversine_km(p.lat, p.lon, g["lat"], g["lon"]), 1)})
    cities = [j for j, g in enumerate(golds) if g.get("kind") == "city" and not g.get("optional")]
    return {
        **prf(tp, len(fps), len(missed)),
        "cities": len(cities),
        "cities_within_25km": sum(1 for j in cities if j in matched_g),
        "not_place_errors": errors,
        "missed": [g["name"] for g in missed],
        "false_positives": [f"{p.name} ({p.country or '-'})" for p in fps],
        "far_cities": far,
    }
