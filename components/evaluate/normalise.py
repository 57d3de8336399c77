"""Text normalisation, token F1, one-to-one pairing and small metric helpers shared by every scorer.

The normalisation is the one of ``../shared/gold/FORMAT.md`` ("Text normalisation"):
NFKC; curly double quotes become ``"``; curly single quotes and apostrophes become
``'``; runs of white space become one space; lower case.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from typing import Callable, Hashable, Iterable, Optional, Sequence, TypeVar

P = TypeVar("P")
G = TypeVar("G")

_DOUBLE_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
_SINGLE_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'"})
_SPACES = re.compile(r"\s+")
# A token is a run of letters/digits; apostrophes inside a word keep it whole ("wouldn't").
RE_TOKEN = re.compile(r"\w+(?:'\w+)*")

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG), km


def normalise(text: Optional[str]) -> str:
    """Normalise ``text`` as FORMAT.md prescribes; None becomes ``""``.

    Args:
        text (str | None): any text.

    Returns:
        str: NFKC-normalised, curly quotes straightened, white space collapsed
        to single spaces and stripped, lower-cased.

    Source: ``../shared/gold/FORMAT.md``, "Text normalisation".
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = text.translate(_DOUBLE_QUOTES).translate(_SINGLE_QUOTES)
    return _SPACES.sub(" ", text).strip().lower()


def tokens(text: Optional[str]) -> list[str]:
    """Word tokens of the normalised ``text`` (punctuation dropped, apostrophes kept inside words)."""
    return RE_TOKEN.findall(normalise(text))


def token_f1(a: Optional[str], b: Optional[str]) -> float:
    """Bag-of-tokens F1 between two texts, in [0, 1] (SQuAD-style multiset overlap).

    Both texts are normalised first; tokens are runs of letters and digits. Two
    empty texts score 0.

    Source: the "token-level F1" of FORMAT.md (Quotes) and of the PolNeAR rules in
    ``../shared/eval/README.md``.
    """
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    precision = common / sum(tb.values())
    recall = common / sum(ta.values())
    return 2 * precision * recall / (precision + recall)


def set_f1(a: set, b: set) -> float:
    """F1 (Dice) between two sets, e.g. the token positions covered by two spans; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def pair_best_first(
    preds: Sequence[P], golds: Sequence[G], score: Callable[[P, G], Optional[tuple]]
) -> list[tuple[int, int, tuple]]:
    """Pair predictions with gold items one-to-one, best score first (greedy).

    Args:
        preds, golds: the two sides.
        score: ``score(pred, gold)`` returns a sortable tuple when the two may
            match (higher is better) or None when they may not.

    Returns:
        list[tuple[int, int, tuple]]: ``(pred_index, gold_index, score)`` for each
        pair, in pairing order. Ties are broken by text order (lower indices first).

    Source: FORMAT.md, "Matching is one-to-one; the best overlaps are paired first."
    """
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = score(p, g)
            if s is not None:
                candidates.append((s, i, j))
    candidates.sort(key=lambda c: (tuple(-x for x in c[0]), c[1], c[2]))
    used_p, used_g, pairs = set(), set(), []
    for s, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j, s))
    return pairs


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 from counts.

    Returns:
        dict: ``{"tp", "fp", "fn", "precision", "recall", "f1"}``; a ratio with a
        zero denominator is None (nothing to measure). F1 is ``2tp / (2tp + fp + fn)``,
        so it is 0.0 when nothing matched even if there were no predictions.
    """
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def share(hits: int, total: int) -> Optional[float]:
    """``hits / total``, or None when ``total`` is 0."""
    return hits / total if total else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points given in decimal degrees.

    Uses the haversine formula on a sphere of radius 6371.0088 km (mean Earth
    radius). Kyiv (50.45, 30.52) to Moscow (55.75, 37.62) is about 755 km.

    Source: the geocoding error of Gritta et al. 2018 (GeoVirus), great-circle distance.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def names_of(name: Optional[str], aliases: Iterable[str] = ()) -> set[str]:
    """The normalised forms of a name and its aliases (empty strings dropped)."""
    out = {normalise(name)} | {normalise(a) for a in aliases or ()}
    out.discard("")
    return out


def unique(items: Iterable[Hashable]) -> list:
    """Items in first-seen order without repeats."""
    seen, out = set(), []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out
