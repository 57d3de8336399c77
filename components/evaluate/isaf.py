"""ISAF-style JSONL: casualty totals per press release and the province.

Each line: ``{"id", "text", "gold": {"min_killed", "province": [lower-case names], "start_date", ...}}``.
Rules (``../shared/eval/README.md``): the counts were made for whole releases, mostly of insurgents
killed, so the predicted total is the sum over all predicted casualty records of ``killed_min`` plus
``perpetrator_killed_min`` (everyone killed; None counts 0). Scores: exact match of the total, mean
absolute error, whether the release reports any death (P/R/F1, positive = at least one killed), the
event date (``start_date``) of releases reporting deaths, and the province: the first predicted
province (see :func:`predicted_provinces`) is one of the gold provinces.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Optional

from ..errors import GoldFormatError
from ..models import Article, Extraction
from .normalise import normalise, prf, share, unique

# Spelling variants of Afghan provinces (GeoNames and press spellings) -> the ISAF gold spelling.
PROVINCE_VARIANTS = {
    "paktia": "paktya", "paktiya": "paktya", "khowst": "khost", "lowgar": "logar", "konar": "kunar",
    "kondoz": "kunduz", "maidanwardak": "wardak", "maydanwardak": "wardak", "vardak": "wardak",
    "wardag": "wardak", "oruzgan": "uruzgan", "orozgan": "uruzgan", "urozgan": "uruzgan",
    "sarepol": "sarepul", "nimruz": "nimroz", "ghowr": "ghor", "zabol": "zabul", "qandahar": "kandahar",
    "hilmand": "helmand", "jowzjan": "jawzjan", "bamian": "bamyan", "parvan": "parwan", "daikundi": "daykundi",
    "panjsher": "panjshir", "nooristan": "nuristan", "nangrahar": "nangarhar", "herat": "herat",
}


def province_key(name: Optional[str]) -> str:
    """Comparable key of a province name: accents and "province" dropped, letters only, variants mapped."""
    s = unicodedata.normalize("NFKD", normalise(name))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"\b(province|wilayat|velayat)\b", "", s)
    s = re.sub(r"[^a-z]", "", s)
    return PROVINCE_VARIANTS.get(s, s)


def release_date(text: str) -> Optional[str]:
    """The release date from its own dateline (never from the gold); see :func:`components.ingest.dateline_date`."""
    from ..ingest import dateline_date

    return dateline_date(text)


def read_isaf(path: Path) -> list[tuple[Article, dict]]:
    """Read an ISAF-style JSONL file into articles and their ``gold`` mappings.

    Raises:
        GoldFormatError: a line is not JSON, lacks ``text``, or ``gold.min_killed`` is not an integer.
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
            gold = d.get("gold") if isinstance(d, dict) else None
            if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not isinstance(gold, dict):
                raise GoldFormatError(f"{where}: each line needs 'text' (string) and 'gold' (mapping)")
            if not isinstance(gold.get("min_killed"), int) or isinstance(gold.get("min_killed"), bool):
                raise GoldFormatError(f"{where}: gold.min_killed must be an integer")
            out.append((Article(id=str(d.get("id") or f"line{n}"), text=d["text"], collection="isaf",
                                published=release_date(d["text"])), gold))
    return out


def predicted_total(extraction: Extraction) -> int:
    """The release's killed total as the reference scorer counts it (``../shared/tools/score.py isaf``): the sum of
    ``killed_min`` (None = 0) over its casualty events; attackers killed in their own attack
    (``perpetrator_killed_min``) are counted apart, and an event's ``parts`` are inside its counts."""
    return sum(c.killed_min or 0 for c in extraction.casualties)


def province_named(gold_provinces: list[str], extraction: Extraction) -> bool:
    """The reference scorer's province test: a gold province name (underscores as spaces) occurs in the names,
    first-level areas or mentions of the release's places, case and spacing folded (NFKC)."""
    def fold(text: str) -> str:
        return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip().lower()
    names = " ".join(fold(p.name) + " " + fold(p.admin1 or "") + " " + fold(p.mention or "") for p in extraction.places)
    return any(fold(g.replace("_", " ")) in names for g in gold_provinces)


def predicted_provinces(extraction: Extraction) -> list[str]:
    """Province keys in priority order, from Afghan (or country-less) places.

    1. the admin1 of the casualty records' places (or the place itself when it is an admin area);
    2. places that are admin areas themselves ("Ghazni province"), in text order;
    3. the admin1 of the other places, most mentioned first (so a dateline "KABUL, Afghanistan"
       does not outrank the province the release is about).
    """
    def afghan(p) -> bool:
        return not p.country or p.country.upper() == "AF"

    def key(p) -> str:
        return province_key(p.name if p.kind == "admin" else p.admin1)

    by_name = {}
    for p in extraction.places:
        by_name.setdefault(normalise(p.name), p)
        by_name.setdefault(normalise(p.mention), p)
    keys = []
    for c in extraction.casualties:
        p = by_name.get(normalise(c.place))
        if p is not None and afghan(p):
            keys.append(key(p))
    keys += [key(p) for p in extraction.places if p.kind == "admin" and afghan(p)]
    others = [key(p) for p in extraction.places if p.kind != "admin" and afghan(p)]
    keys += sorted(unique(others), key=lambda k: -others.count(k))
    return [k for k in unique(keys) if k]


def score_release(gold: dict, extraction: Extraction) -> dict:
    """Per-release comparison: ``{"id", "gold_killed", "predicted_killed", "gold_provinces",
    "predicted_provinces", "gold_date", "predicted_dates"}`` (dates ISO; predicted ones from casualty records)."""
    return {
        "id": extraction.article.id,
        "gold_killed": gold["min_killed"],
        "predicted_killed": predicted_total(extraction),
        "gold_provinces": [province_key(p) for p in gold.get("province") or [] if province_key(p)],
        "predicted_provinces": predicted_provinces(extraction),
        "province_named": province_named([p for p in gold.get("province") or [] if p], extraction),
        "gold_date": gold.get("start_date"),
        "predicted_dates": sorted({c.date for c in extraction.casualties if c.date}),
    }


def summarise(rows: list[dict]) -> dict:
    """Killed-count exact match and MAE, any-death P/R/F1, province accuracy.

    Returns:
        dict: ``{"dataset": "isaf", "releases", "killed_exact", "killed_mae", "any_death": prf,
        "province_accuracy", "province_top1", "province_releases", "province_recall", "date_accuracy",
        "date_releases", "wrong_counts"}``. The killed figures and province accuracy are the reference scorer's
        (:func:`predicted_total`, :func:`province_named`: a gold province named among the release's places),
        over releases with a gold province for the latter; ``province_top1`` is stricter (the first predicted
        province, :func:`predicted_provinces`, is a gold one); province recall is the share of gold provinces
        found anywhere among the predicted ones. Date accuracy is over releases with gold deaths and a gold ``start_date``: some
        predicted casualty record carries that date.
    """
    n = len(rows)
    exact = sum(r["gold_killed"] == r["predicted_killed"] for r in rows)
    mae = sum(abs(r["gold_killed"] - r["predicted_killed"]) for r in rows) / n if n else None
    tp = sum(r["gold_killed"] > 0 and r["predicted_killed"] > 0 for r in rows)
    fp = sum(r["gold_killed"] == 0 and r["predicted_killed"] > 0 for r in rows)
    fn = sum(r["gold_killed"] > 0 and r["predicted_killed"] == 0 for r in rows)
    with_prov = [r for r in rows if r["gold_provinces"]]
    top1 = sum(bool(r["predicted_provinces"]) and r["predicted_provinces"][0] in r["gold_provinces"] for r in with_prov)
    named = sum(bool(r.get("province_named")) for r in with_prov)
    gold_p = sum(len(set(r["gold_provinces"])) for r in with_prov)
    found_p = sum(len(set(r["gold_provinces"]) & set(r["predicted_provinces"])) for r in with_prov)
    dated = [r for r in rows if r["gold_killed"] > 0 and r.get("gold_date")]
    date_right = sum(r["gold_date"] in r.get("predicted_dates", []) for r in dated)
    return {
        "dataset": "isaf",
        "releases": n,
        "killed_exact": share(exact, n),
        "killed_mae": mae,
        "any_death": prf(tp, fp, fn),
        "province_accuracy": share(named, len(with_prov)),
        "province_top1": share(top1, len(with_prov)),
        "province_releases": len(with_prov),
        "province_recall": share(found_p, gold_p),
        "date_accuracy": share(date_right, len(dated)),
        "date_releases": len(dated),
        "wrong_counts": [{"id": r["id"], "gold": r["gold_killed"], "predicted": r["predicted_killed"]}
                         for r in rows if r["gold_killed"] != r["predicted_killed"]],
    }


def evaluate_isaf(path: Path, limit: Optional[int] = None, progress: bool = True) -> dict:
    """Run the pipeline on an ISAF-style JSONL file and score it (see the module docstring).

    Raises:
        GoldFormatError: malformed file (see :func:`read_isaf`).
    """
    from .predict import score_corpus

    return score_corpus(path, read_isaf(path)[:limit], score_release, summarise, progress)
