"""GeoVirus-style JSONL: toponym recognition and geocoding scores.

Each line: ``{"id", "text", "toponyms": [{"name", "start", "end", "lat", "lon", ...}]}`` (offsets 0-based,
end exclusive). Scores follow Gritta et al. 2018 ("What's missing in geographical parsing?" and the
GeoVirus corpus paper): recognition precision/recall/F1 on spans, and for recognised gold toponyms the
great-circle geocoding error in km, accuracy within 161 km (acc@161) and mean/median error.

Span match used here: a predicted place mention matches a gold toponym when their character spans
overlap; pairs are one-to-one, largest overlap (Dice over characters) first. Exact-span P/R/F1 is
reported beside it. A recognised toponym whose prediction has no coordinates gets the maximum
error, 20,039 km (half the Earth's circumference).
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import NamedTuple, Optional

from ..errors import GoldFormatError
from ..models import Article, Extraction
from .normalise import haversine_km, pair_best_first, prf, share

ACC_KM = 161.0
MAX_ERROR_KM = 20039.0


class GoldToponym(NamedTuple):
    """A gold toponym: ``name``, ``start``/``end`` (chars), ``lat``/``lon`` (decimal degrees)."""

    name: str
    start: int
    end: int
    lat: float
    lon: float


def read_geovirus(path: Path) -> list[tuple[Article, list[GoldToponym]]]:
    """Read a GeoVirus-style JSONL file into articles and their gold toponyms.

    Raises:
        GoldFormatError: a line is not JSON, lacks ``text``/``toponyms``, or a toponym lacks
        integer ``start``/``end`` within the text or numeric ``lat``/``lon``.
    """
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{where}: not valid JSON ({exc})") from exc
            if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not isinstance(d.get("toponyms"), list):
                raise GoldFormatError(f"{where}: each line needs 'text' (string) and 'toponyms' (list)")
            text, tops = d["text"], []
            for k, t in enumerate(d["toponyms"]):
                try:
                    top = GoldToponym(str(t.get("name", "")), int(t["start"]), int(t["end"]), float(t["lat"]), float(t["lon"]))
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    raise GoldFormatError(f"{where}: toponym {k} needs integer start/end and numeric lat/lon ({exc})") from exc
                if not 0 <= top.start < top.end <= len(text):
                    raise GoldFormatError(f"{where}: toponym {k} span {top.start}-{top.end} is outside the text")
                tops.append(top)
            out.append((Article(id=str(d.get("id") or f"line{n}"), text=text, url=d.get("source_url"),
                                collection="geovirus"), tops))
    return out


def _overlap(p, g: GoldToponym) -> Optional[tuple[float]]:
    inter = min(p.end, g.end) - max(p.start, g.start)
    if inter <= 0:
        return None
    return (2 * inter / ((p.end - p.start) + (g.end - g.start)),)


def score_article(gold: list[GoldToponym], extraction: Extraction) -> dict:
    """Recognition counts and geocoding errors (km) for one article.

    Returns:
        dict: ``{"id", "tp", "fp", "fn", "exact", "npred", "ngold", "errors_km": [float per recognised
        gold toponym], "missed": [names], "false_positives": [mentions], "far": [{"name", "predicted", "km"}]}``.
    """
    preds = list(extraction.places)
    pairs = pair_best_first(preds, gold, _overlap)
    errors = []
    for i, j, _ in pairs:
        p, g = preds[i], gold[j]
        errors.append(MAX_ERROR_KM if p.lat is None or p.lon is None else haversine_km(p.lat, p.lon, g.lat, g.lon))
    exact = sum(1 for i, j, _ in pairs if preds[i].start == gold[j].start and preds[i].end == gold[j].end)
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    return {
        "id": extraction.article.id, "tp": len(pairs), "fp": len(preds) - len(pairs), "fn": len(gold) - len(pairs),
        "exact": exact, "npred": len(preds), "ngold": len(gold), "errors_km": errors,
        "missed": [gold[j].name for j in range(len(gold)) if j not in matched_g],
        "false_positives": [preds[i].mention or preds[i].name for i in range(len(preds)) if i not in matched_p],
        "far": [{"name": gold[j].name, "predicted": f"{preds[i].name} ({preds[i].country or '-'})", "km": round(e, 1)}
                for (i, j, _), e in zip(pairs, errors) if e > ACC_KM],
    }


def auc_log_error(errors_km: list[float]) -> Optional[float]:
    """Area under the curve of sorted, scaled log errors, in [0, 1] (lower is better).

    Each error becomes ``ln(1 + km) / ln(20039)``; the sorted values are integrated with the
    trapezoid rule over an x axis scaled to [0, 1]. None for fewer than 2 errors.

    Source: Gritta et al. 2018, "What's missing in geographical parsing?" (AUC of log errors).
    """
    if len(errors_km) < 2:
        return None
    ys = [math.log1p(e) / math.log(MAX_ERROR_KM) for e in sorted(errors_km)]
    return sum((a + b) / 2 for a, b in zip(ys, ys[1:])) / (len(ys) - 1)


def summarise(per_article: list[dict]) -> dict:
    """Micro-averaged recognition P/R/F1 (overlap and exact) and geocoding error statistics.

    Returns:
        dict: ``{"dataset": "geovirus", "articles", "recognition": prf, "recognition_exact": prf,
        "geocoding": {"n", "acc_at_161", "mean_km", "median_km", "auc"}}`` (km; AUC of
        :func:`auc_log_error`).
    """
    tp = sum(a["tp"] for a in per_article)
    fp = sum(a["fp"] for a in per_article)
    fn = sum(a["fn"] for a in per_article)
    ex = sum(a["exact"] for a in per_article)
    npred = sum(a["npred"] for a in per_article)
    ngold = sum(a["ngold"] for a in per_article)
    errors = [e for a in per_article for e in a["errors_km"]]
    return {
        "dataset": "geovirus",
        "articles": len(per_article),
        "missed": [f"{a['id']}: {n}" for a in per_article for n in a["missed"]],
        "false_positives": [f"{a['id']}: {n}" for a in per_article for n in a["false_positives"]],
        "far": [{"id": a["id"], **f} for a in per_article for f in a["far"]],
        "recognition": prf(tp, fp, fn),
        "recognition_exact": prf(ex, npred - ex, ngold - ex),
        "geocoding": {
            "n": len(errors),
            "acc_at_161": share(sum(e <= ACC_KM for e in errors), len(errors)),
            "mean_km": statistics.fmean(errors) if errors else None,
            "median_km": statistics.median(errors) if errors else None,
            "auc": auc_log_error(errors),
        },
    }


def evaluate_geovirus(path: Path, limit: Optional[int] = None, progress: bool = True) -> dict:
    """Run the pipeline on a GeoVirus-style JSONL file and score it (see the module docstring).

    Raises:
        GoldFormatError: malformed file (see :func:`read_geovirus`).
    """
    from .predict import score_corpus

    return score_corpus(path, read_geovirus(path)[:limit], score_article, summarise, progress)
