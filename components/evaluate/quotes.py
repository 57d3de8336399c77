"""Scoring predicted quotes and speakers against a gold file (``../shared/gold/FORMAT.md``, Quotes and Speakers)."""

from __future__ import annotations

from typing import Optional

from ..models import Extraction, Quote, Speaker
from .normalise import names_of, normalise, pair_best_first, prf, share, token_f1

MIN_TOKEN_F1 = 0.5


def gold_speaker_names(gold: dict) -> dict[str, set[str]]:
    """Map each gold speaker's normalised name to the normalised forms of its name and aliases."""
    return {normalise(s["name"]): names_of(s["name"], s.get("aliases") or []) for s in gold.get("speakers") or []}


def speaker_names_for(name: str, table: dict[str, set[str]]) -> set[str]:
    """Normalised accepted names of the gold speaker called ``name`` (just ``name`` when it is not listed)."""
    key = normalise(name)
    return table.get(key) or {key}


def quote_match_score(pred_text: str, key: str) -> Optional[tuple[int, float]]:
    """How well a predicted quote content matches a gold quote ``key``, or None when it does not.

    Returns:
        tuple[int, float] | None: ``(1, f1)`` when the normalised key is a substring of the
        normalised content, ``(0, f1)`` when it is not but their token F1 is at least 0.5,
        otherwise None. Higher tuples pair first (substring matches before F1 matches).

    Source: FORMAT.md, Quotes.
    """
    content, k = normalise(pred_text), normalise(key)
    f1 = token_f1(k, content)
    if k and k in content:
        return (1, f1)
    return (0, f1) if f1 >= MIN_TOKEN_F1 else None


def score_quotes(gold: dict, extraction: Extraction) -> dict:
    """Quote precision/recall/F1, attribution accuracy and ``not_speakers`` errors.

    Rules (FORMAT.md): a predicted quote matches a gold quote when the gold ``key`` is a substring
    of its content or, failing that, their token F1 is >= 0.5 (both normalised); pairing is one-to-one,
    best first. A prediction matched to an ``optional`` gold quote is neither a true nor a false
    positive; an unfound optional quote is not a false negative. Attribution accuracy is the share of
    matched non-optional gold quotes whose predicted speaker (normalised) equals the gold speaker's
    name or an alias. Any predicted speaker (quote speaker or speaker record) named in
    ``not_speakers`` is an error.

    Returns:
        dict: ``{"tp", "fp", "fn", "precision", "recall", "f1", "attribution_accuracy",
        "attribution_right", "attribution_total", "optional_matched", "not_speaker_errors": [names],
        "missed": [gold ids/keys], "false_positives": [texts], "misattributed": [{"id", "gold", "predicted"}]}``.
    """
    golds = list(gold.get("quotes") or [])
    preds: list[Quote] = list(extraction.quotes)
    table = gold_speaker_names(gold)
    pairs = pair_best_first(preds, golds, lambda p, g: quote_match_score(p.text, str(g["key"])))
    matched_p = {i for i, _, _ in pairs}
    matched_g = {j for _, j, _ in pairs}
    tp = optional_matched = right = 0
    misattributed = []
    for i, j, _ in pairs:
        g = golds[j]
        if g.get("optional"):
            optional_matched += 1
            continue
        tp += 1
        if normalise(preds[i].speaker) in speaker_names_for(g["speaker"], table):
            right += 1
        else:
            misattributed.append({"id": g.get("id"), "gold": g["speaker"], "predicted": preds[i].speaker})
    fp_quotes = [preds[i] for i in range(len(preds)) if i not in matched_p]
    missed = [g for j, g in enumerate(golds) if j not in matched_g and not g.get("optional")]
    not_speakers = {normalise(n) for n in gold.get("not_speakers") or []}
    predicted_names = [q.speaker for q in preds if q.speaker] + [s.name for s in extraction.speakers]
    errors = sorted({n for n in predicted_names if normalise(n) in not_speakers})
    return {
        **prf(tp, len(fp_quotes), len(missed)),
        "attribution_accuracy": share(right, tp),
        "attribution_right": right,
        "attribution_total": tp,
        "optional_matched": optional_matched,
        "not_speaker_errors": errors,
        "missed": [f"{g.get('id') or ''} {g['key']}".strip() for g in missed],
        "false_positives": [q.text[:80] for q in fp_quotes],
        "misattributed": misattributed,
    }


def _country_right(g: dict, s: Speaker) -> tuple[bool, Optional[str]]:
    """(right, note). Gold null accepts a predicted null, and a country for a speaker with a gold org
    (FORMAT.md: "a country the text clearly implies for an organisation"), flagged in the note."""
    gc, pc = g.get("country"), (s.country or None)
    if gc is not None:
        return (pc or "").upper() == str(gc).upper(), None
    if pc is None:
        return True, None
    if g.get("org"):
        return True, f"country {pc} accepted as implied by org {g['org']!r}; check it"
    return False, None


def score_speakers(gold: dict, extraction: Extraction) -> dict:
    """For each gold speaker with at least one non-optional gold quote: found, country, role, org.

    Rules (FORMAT.md, Speakers): found when a predicted speaker's name, normalised, equals the gold
    name or an alias. Where the gold gives them: country equal (ISO alpha-2; ``country: null``
    accepts null, or a country for a speaker with an org, flagged); predicted role contains the gold
    role (normalised substring); predicted org contains the gold org or the reverse. A speaker not
    found fails every check the gold gives.

    Returns:
        dict: ``{"speakers": n, "found": k, "found_share", "country_right", "country_total",
        "country_accuracy", "role_right", "role_total", "role_accuracy", "org_right", "org_total",
        "org_accuracy", "rows": [{"name", "found", "predicted_name", "country", "role", "org", "ok": {...}}],
        "notes": [...]}``.
    """
    quoted = {normalise(q["speaker"]) for q in gold.get("quotes") or [] if not q.get("optional")}
    gold_speakers = [s for s in gold.get("speakers") or [] if normalise(s["name"]) in quoted]
    counts = {k: [0, 0] for k in ("country", "role", "org")}
    rows, notes, found = [], [], 0
    for g in gold_speakers:
        names = names_of(g["name"], g.get("aliases") or [])
        pred = next((s for s in extraction.speakers if normalise(s.name) in names), None)
        found += pred is not None
        ok = {}
        if "country" in g:
            right, note = _country_right(g, pred) if pred else (False, None)
            ok["country"] = right
            if note:
                notes.append(f"{g['name']}: {note}")
        if g.get("role"):
            ok["role"] = bool(pred) and normalise(g["role"]) in normalise(pred.role)
        if g.get("org"):
            go, po = normalise(g["org"]), normalise(pred.org) if pred else ""
            ok["org"] = bool(po) and (go in po or po in go)
        for k, v in ok.items():
            counts[k][0] += v
            counts[k][1] += 1
        rows.append({
            "name": g["name"], "found": pred is not None, "predicted_name": pred.name if pred else None,
            "country": pred.country if pred else None, "role": pred.role if pred else None,
            "org": pred.org if pred else None, "ok": ok,
        })
    out = {"speakers": len(gold_speakers), "found": found, "found_share": share(found, len(gold_speakers))}
    for k, (r, t) in counts.items():
        out.update({f"{k}_right": r, f"{k}_total": t, f"{k}_accuracy": share(r, t)})
    out["rows"] = rows
    out["notes"] = notes
    return out
