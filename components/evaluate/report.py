"""Readable text tables of the evaluation reports (one block per dataset)."""

from __future__ import annotations

from typing import Optional


def fmt(x: Optional[float], pct: bool = False) -> str:
    """A ratio as ``0.857`` (or ``85.7%``), None as ``-``."""
    if x is None:
        return "-"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def _prf_row(label: str, m: dict, extra: str = "") -> str:
    return (f"  {label:<22} P {fmt(m['precision'])}  R {fmt(m['recall'])}  F1 {fmt(m['f1'])}"
            f"   (tp {m['tp']}, fp {m['fp']}, fn {m['fn']}){extra}")


def _list(label: str, items: list, limit: int) -> list[str]:
    if not items:
        return []
    shown = items if limit <= 0 else items[:limit]
    more = f" ... and {len(items) - len(shown)} more" if len(shown) < len(items) else ""
    return [f"    {label}: " + "; ".join(str(x) for x in shown) + more]


def format_gold(r: dict, limit: int = 10, errors: bool = True) -> str:
    """Table of a gold-file report (:func:`.gold.evaluate_gold`)."""
    out = [f"== gold file {r['path']}  (article {r['article']})"]
    q = r.get("quotes")
    if q:
        out.append(_prf_row("quotes", q, f"; optional matched {q['optional_matched']}"))
        out.append(f"  {'attribution accuracy':<22} {fmt(q['attribution_accuracy'])}"
                   f"   ({q['attribution_right']}/{q['attribution_total']} matched quotes)")
        out.append(f"  {'not_speakers errors':<22} {len(q['not_speaker_errors'])}"
                   + (f"   {', '.join(q['not_speaker_errors'])}" if q["not_speaker_errors"] else ""))
        out += _list("missed", q["missed"], limit)
        out += _list("false positives", q["false_positives"], limit)
        out += _list("misattributed", [f"{m['id']}: {m['predicted']!r} for {m['gold']!r}" for m in q["misattributed"]], limit)
    s = r.get("speakers")
    if s:
        out.append(f"  {'speakers found':<22} {s['found']}/{s['speakers']}   country {s['country_right']}/{s['country_total']}"
                   f"   role {s['role_right']}/{s['role_total']}   org {s['org_right']}/{s['org_total']}")
        bad = [f"{row['name']} ({'not found' if not row['found'] else ', '.join(k for k, v in row['ok'].items() if not v)})"
               for row in s["rows"] if not row["found"] or not all(row["ok"].values())]
        out += _list("wrong", bad, limit)
        out += _list("notes", s["notes"], limit)
    p = r.get("places")
    if p:
        out.append(_prf_row("places", p, f"; cities within 25 km {p['cities_within_25km']}/{p['cities']}"))
        out.append(f"  {'not_places errors':<22} {len(p['not_place_errors'])}"
                   + (f"   {', '.join(p['not_place_errors'])}" if p["not_place_errors"] else ""))
        out += _list("missed", p["missed"], limit)
        out += _list("false positives", p["false_positives"], limit)
        out += _list("cities too far (km)", [f"{f['name']} {f['km']}" for f in p["far_cities"]], limit)
    c = r.get("casualties")
    if c:
        out.append(_prf_row("casualties", c))
        out.append(f"  {'agreement (matched)':<22} date {fmt(c['date_agreement'])}  cause {fmt(c['cause_agreement'])}"
                   f"  actor {fmt(c['actor_agreement'])}")
        out += _list("missed", c["missed"], limit)
        out += _list("false positives", c["false_positives"], limit)
        out += _list("disagreements", [f"{d['field']}: {d['predicted']!r} for {d['gold']!r}" for d in c["disagreements"]], limit)
    st = r.get("stances")
    if st:
        out.append(f"  {'stances':<22} {st['right']}/{st['total']} right   accuracy {fmt(st['accuracy'])}")
        out += _list("wrong", [f"{x['speaker']}/{x['topic']}: {x['predicted']} for {x['gold']}"
                               for x in st["rows"] if x["predicted"] != x["gold"]], limit)
    return "\n".join(out)


def format_polnear(r: dict, limit: int = 10, errors: bool = False) -> str:
    """Table of a PolNeAR report (:func:`.polnear.evaluate_polnear`)."""
    out = [f"== PolNeAR-style brat folder {r['path']}  ({r['documents']} documents)"]
    if r["skipped_annotations"]:
        out.append(f"  scored the first annotator in name order; left out {len(r['skipped_annotations'])} other"
                   " annotation file(s) of the same articles (--all-annotators scores them all)")
    for key, label in (("direct", "direct quotations"), ("all", "all attributions"),
                       ("direct_per_quote", "direct, per quote"), ("all_per_quote", "all, per quote")):
        m = r[key]
        out.append(_prf_row(label, m, f"; source acc {fmt(m['source_accuracy'])} ({m['source_right']}/{m['with_source']})"))
    out.append("  match: content token F1 >= 0.5, one-to-one; source: predicted mention overlaps gold Source")
    out.append("  units: attribution = continuation quotes (\"X,\" said Y. \"Z.\") joined as PolNeAR annotates them;"
               " per quote = every quote record alone")
    if errors:
        for d in r["per_document"]:
            m = d["direct"]
            lines = (_list("missed direct", m["missed"], limit) + _list("false positive direct", m["false_positives"], limit)
                     + _list("wrong source", [f"{w['gold']} gold {w['gold_source']!r}, predicted mention "
                                              f"{w['predicted_mention']!r} ({w['predicted_speaker']})"
                                              for w in m["wrong_source"]], limit))
            if lines:
                out.append(f"  -- {d['name']} ({d['annotator']})")
                out += lines
    return "\n".join(out)


def format_geovirus(r: dict, limit: int = 10, errors: bool = False) -> str:
    """Table of a GeoVirus report (:func:`.geovirus.evaluate_geovirus`)."""
    g = r["geocoding"]
    mean = "-" if g["mean_km"] is None else f"{g['mean_km']:.1f} km"
    median = "-" if g["median_km"] is None else f"{g['median_km']:.1f} km"
    lines = [
        f"== GeoVirus-style toponyms {r['path']}  ({r['articles']} articles)",
        _prf_row("recognition (overlap)", r["recognition"]),
        _prf_row("recognition (exact)", r["recognition_exact"]),
        f"  {'geocoding':<22} acc@161 {fmt(g['acc_at_161'])}  mean error {mean}  median {median}"
        f"  AUC {fmt(g.get('auc'))}"
        f"   (over {g['n']} recognised gold toponyms)",
    ]
    if errors:
        lines += _list("missed", r.get("missed", []), limit)
        lines += _list("false positives", r.get("false_positives", []), limit)
        lines += _list("beyond 161 km", [f"{f['id']} {f['name']} -> {f['predicted']} {f['km']} km"
                                         for f in r.get("far", [])], limit)
    return "\n".join(lines)


def format_isaf(r: dict, limit: int = 10, errors: bool = False) -> str:
    """Table of an ISAF report (:func:`.isaf.evaluate_isaf`)."""
    mae = "-" if r["killed_mae"] is None else f"{r['killed_mae']:.2f}"
    out = [
        f"== ISAF-style releases {r['path']}  ({r['releases']} releases)",
        f"  {'killed total':<22} exact {fmt(r['killed_exact'])}  MAE {mae}",
        _prf_row("any death", r["any_death"]),
        f"  {'province':<22} accuracy {fmt(r['province_accuracy'])} (named among the places, {r['province_releases']} releases)"
        f"  first predicted {fmt(r['province_top1'])}"
        f"  recall {fmt(r['province_recall'])}",
        f"  {'event date':<22} accuracy {fmt(r.get('date_accuracy'))} ({r.get('date_releases', 0)} releases with deaths)",
    ]
    if errors:
        out += _list("wrong counts (id gold/pred)", [f"{w['id']} {w['gold']}/{w['predicted']}" for w in r["wrong_counts"]], limit)
    return "\n".join(out)


FORMATTERS = {"gold": format_gold, "polnear": format_polnear, "geovirus": format_geovirus, "isaf": format_isaf}


def format_report(r: dict, limit: int = 10, errors: bool = False) -> str:
    """Dispatch on ``r["dataset"]``; ``limit`` caps each list of misses (0 = show all). Gold files
    always list their misses; corpora (PolNeAR, GeoVirus, ISAF) only when ``errors`` is true."""
    if r["dataset"] == "gold":
        return format_gold(r, limit)
    return FORMATTERS[r["dataset"]](r, limit, errors)
