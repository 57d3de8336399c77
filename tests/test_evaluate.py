"""Tests of the evaluation harness: scorers on small hand-made gold and predictions, parsers, CLI,
and the seed gold through the real pipeline (thresholds of issues 2 and 3)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from components.errors import GoldFormatError
from components.evaluate import add_evaluate_arguments, detect_kind, run_evaluate
from components.evaluate.casualties import score_casualties
from components.evaluate.geovirus import MAX_ERROR_KM, GoldToponym, read_geovirus, score_article
from components.evaluate.geovirus import summarise as geovirus_summary
from components.evaluate.gold import find_article_file, load_gold, score_gold, validate_gold
from components.evaluate.isaf import predicted_provinces, predicted_total, province_key, read_isaf, score_release
from components.evaluate.isaf import summarise as isaf_summary
from components.evaluate.normalise import haversine_km, normalise, pair_best_first, prf, token_f1
from components.evaluate.places import score_places
from components.evaluate.polnear import parse_ann, parse_spans, read_brat_folder, score_document, summarise
from components.evaluate.quotes import score_quotes, score_speakers
from components.evaluate.stances import score_stances
from components.models import Article, Casualty, Extraction, Place, Quote, Speaker, Stance

from .conftest import ROOT, SHARED

SEED_GOLD = SHARED / "gold" / "seed.yaml"


def _article(text: str = "x", id: str = "a1") -> Article:
    return Article(id=id, text=text)


def _quote(n: int, text: str, speaker=None, kind="direct", start=0, end=None, mention=None) -> Quote:
    ms, me = mention if mention else (None, None)
    return Quote(id=f"a1:q{n}", text=text, start=start, end=len(text) if end is None else end, kind=kind,
                 speaker=speaker, mention_start=ms, mention_end=me)


def _extraction(text: str = "x", **kw) -> Extraction:
    return Extraction(article=_article(text), **kw)


# --- normalisation and helpers -------------------------------------------------------------------

@pytest.mark.parametrize(
    "raw, expected",
    [
        ("\u201cWe  need\n this\u201d", '"we need this"'),
        ("Nation\u2019s \u2018survival\u2019", "nation's 'survival'"),
        ("\uff21BC\u00a0News", "abc news"),  # NFKC: full-width A, no-break space
        ("  Kyiv\t", "kyiv"),
        (None, ""),
    ],
)
def test_normalise_follows_format_rules(raw, expected):
    assert normalise(raw) == expected


def test_token_f1_counts_shared_tokens():
    assert token_f1("the risks are notable", "The risks are notable.") == 1.0
    # 2 of 4 gold tokens in a 2-token prediction: P 1, R 0.5 -> F1 2/3
    assert token_f1("the risks are notable", "risks notable") == pytest.approx(2 / 3)
    assert token_f1("", "") == 0.0


def test_haversine_kyiv_moscow_is_about_755_km():
    assert haversine_km(50.45466, 30.5238, 55.75204, 37.61781) == pytest.approx(755, abs=5)
    assert haversine_km(10, 20, 10, 20) == 0.0


def test_pair_best_first_pairs_best_overlaps_one_to_one():
    scores = {(0, 0): 0.6, (0, 1): 0.9, (1, 1): 0.8}
    pairs = pair_best_first([0, 1], [0, 1], lambda p, g: (scores[(p, g)],) if (p, g) in scores else None)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]  # (1, 1) loses gold 1; (0, 0) loses pred 0


def test_prf_f1_is_zero_when_nothing_matched():
    m = prf(0, 0, 3)
    assert m["precision"] is None and m["recall"] == 0.0 and m["f1"] == 0.0


# --- gold quotes and speakers ------------------------------------------------------------------

GOLD = {
    "article": "a1",
    "speakers": [
        {"name": "Volodymyr Zelenskyy", "aliases": ["Zelensky"], "role": "President", "country": "UA"},
        {"name": "Kaja Kallas", "role": "top diplomat", "org": "European Union", "country": None},
        {"name": "Jake Sullivan", "role": "National Security Advisor", "org": "White House", "country": "US"},
    ],
    "quotes": [
        {"id": "q1", "speaker": "Volodymyr Zelenskyy", "kind": "direct", "key": "necessary thing for our survival"},
        {"id": "q2", "speaker": "Kaja Kallas", "kind": "direct", "key": "we need to definitely discuss this"},
        {"id": "q3", "speaker": "Jake Sullivan", "kind": "direct", "key": "that is not under consideration, no"},
        {"id": "q4", "speaker": "Kaja Kallas", "kind": "indirect", "key": "sending european troops", "optional": True},
    ],
    "not_speakers": ["Kherson", "Spazierer"],
}


def test_score_quotes_two_of_three_gives_recall_two_thirds():
    preds = [
        _quote(1, "An invitation is a necessary thing for our survival", "Zelensky"),  # key substring, alias
        _quote(2, "We need to discuss this definitely", "Kherson"),  # token F1 match, wrong speaker
        _quote(3, "the possibility of sending European troops", "Kaja Kallas", "indirect"),  # optional: ignored
        _quote(4, "It was not Kyiv that fell", "Dan Sabbagh"),  # false positive
    ]
    r = score_quotes(GOLD, _extraction(quotes=preds))
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 1)
    assert r["recall"] == pytest.approx(2 / 3)
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["optional_matched"] == 1
    assert r["attribution_accuracy"] == pytest.approx(1 / 2)
    assert r["not_speaker_errors"] == ["Kherson"]
    assert r["missed"] == ["q3 that is not under consideration, no"]


def test_score_quotes_curly_quotes_and_case_are_normalised():
    gold = {"quotes": [{"speaker": "A", "key": "nation's survival"}]}
    r = score_quotes(gold, _extraction(quotes=[_quote(1, "His NATION\u2019S  survival", "A")]))
    assert r["tp"] == 1 and r["attribution_accuracy"] == 1.0


def test_score_quotes_pairs_one_to_one():
    gold = {"quotes": [{"speaker": "A", "key": "we are strong"}]}
    preds = [_quote(1, "we are strong", "A"), _quote(2, "only when we are strong", "A")]
    r = score_quotes(gold, _extraction(quotes=preds))
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 0)


def test_score_speakers_checks_country_role_org():
    speakers = [
        Speaker(name="Volodymyr Zelenskyy", role="Ukrainian President", country="UA"),
        Speaker(name="Kaja Kallas", role="EU's new top diplomat", org="the European Union", country=None),
        Speaker(name="Jake Sullivan", role="adviser", org="White House", country="GB"),
    ]
    r = score_speakers(GOLD, _extraction(speakers=speakers))
    assert r["speakers"] == 3 and r["found"] == 3
    assert (r["country_right"], r["country_total"]) == (2, 3)
    assert (r["role_right"], r["role_total"]) == (2, 3)
    assert (r["org_right"], r["org_total"]) == (2, 2)


def test_score_speakers_counts_a_missing_speaker_as_wrong():
    r = score_speakers(GOLD, _extraction(speakers=[Speaker(name="Zelensky", country="UA", role="President")]))
    assert r["found"] == 1  # alias accepted
    assert (r["country_right"], r["country_total"]) == (1, 3)


# --- places, casualties, stances -----------------------------------------------------------------

PLACE_GOLD = {
    "places": [
        {"name": "Kyiv", "country": "UA", "kind": "city", "lat": 50.45466, "lon": 30.5238},
        {"name": "Kherson", "country": "UA", "kind": "city", "lat": 46.63695, "lon": 32.61458},
        {"name": "United States", "aliases": ["U.S."], "country": "US", "kind": "country"},
        {"name": "Europe", "kind": "continent", "optional": True},
    ],
    "not_places": ["White House", "NATO"],
}


def _place(name, kind="city", country=None, lat=None, lon=None, mention=None, start=0):
    return Place(name=name, mention=mention or name, start=start, end=start + len(name), kind=kind,
                 country=country, lat=lat, lon=lon)


def test_score_places_city_radius_country_code_and_not_places():
    places = [
        _place("Kyiv", country="UA", lat=50.45, lon=30.52),
        _place("Kyiv", country="UA", lat=50.45, lon=30.52, start=40),  # second mention, same place
        _place("Kherson", country="US", lat=46.63695 + 1.0, lon=32.61458),  # ~111 km off
        _place("United States", "country", "US", mention="U.S."),
        _place("Europe", "continent"),  # optional: neither tp nor fp
        _place("White House", country="US", lat=38.9, lon=-77.0),
    ]
    r = score_places(PLACE_GOLD, _extraction(places=places))
    assert (r["tp"], r["fp"], r["fn"]) == (2, 2, 1)
    assert r["not_place_errors"] == ["White House"]
    assert r["missed"] == ["Kherson"]
    assert r["far_cities"][0]["km"] == pytest.approx(111, abs=1)
    assert (r["cities_within_25km"], r["cities"]) == (1, 2)


CAS_GOLD = {"casualties": [{"place": "Kherson", "country": "UA", "date": "2024-12-01", "killed_min": 3,
                            "killed_max": None, "injured_min": 7, "injured_max": 7, "cause": "drone attack",
                            "actor": "Russia"}]}


def test_score_casualties_requires_place_and_counts_and_scores_agreement():
    exact = Casualty(place="Kherson", date="2024-12-01", killed_min=3, injured_min=7, injured_max=7,
                     cause="Russian drone attack", actor="Russia", start=0, end=10)
    r = score_casualties(CAS_GOLD, _extraction(casualties=[exact]))
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 0)
    assert r["date_agreement"] == r["cause_agreement"] == r["actor_agreement"] == 1.0
    closed = exact.model_copy(update={"killed_max": 3, "date": "2024-11-30"})
    days = Casualty(place="Kherson", killed_min=3, start=20, end=30)
    r = score_casualties(CAS_GOLD, _extraction(casualties=[closed, days]))
    assert (r["tp"], r["fp"], r["fn"]) == (0, 2, 1)
    r = score_casualties(CAS_GOLD, _extraction(casualties=[exact.model_copy(update={"date": "2024-11-30"}), days]))
    assert (r["tp"], r["fp"]) == (1, 1) and r["date_agreement"] == 0.0


def test_score_stances_needs_same_polarity_and_evidence():
    gold = {"speakers": [{"name": "Volodymyr Zelenskyy", "aliases": ["Zelensky"]}],
            "stances": [{"speaker": "Volodymyr Zelenskyy", "topic": "nato-membership", "polarity": "support"},
                        {"speaker": "Putin", "topic": "nato-membership", "polarity": "oppose"},
                        {"speaker": "Kaja Kallas", "topic": "foreign-troops", "polarity": "neutral"}]}
    preds = [Stance(speaker="Zelensky", topic="nato-membership", polarity="support", score=0.8, evidence=["a1:q2"]),
             Stance(speaker="Putin", topic="nato-membership", polarity="support", score=0.2, evidence=["a1:q9"]),
             Stance(speaker="Kaja Kallas", topic="foreign-troops", polarity="neutral", score=0.0, evidence=[])]
    r = score_stances(gold, _extraction(stances=preds))
    assert (r["right"], r["total"]) == (1, 3)


# --- gold files --------------------------------------------------------------------------------

def test_validate_gold_rejects_malformed_entries(tmp_path):
    with pytest.raises(GoldFormatError, match="lacks key"):
        validate_gold({"quotes": [{"speaker": "A"}]}, tmp_path / "g.yaml")
    with pytest.raises(GoldFormatError, match="unknown top-level"):
        validate_gold({"quote": []}, tmp_path / "g.yaml")
    with pytest.raises(GoldFormatError, match="needs numeric lat"):
        validate_gold({"places": [{"name": "Kyiv", "kind": "city"}]}, tmp_path / "g.yaml")
    with pytest.raises(GoldFormatError, match="polarity"):
        validate_gold({"stances": [{"speaker": "A", "topic": "t", "polarity": "pro"}]}, tmp_path / "g.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("quotes: [unclosed", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="invalid YAML"):
        load_gold(bad)


def test_find_article_file_looks_beside_then_in_seed(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "art1.txt").write_text("Title\n\nBody.", encoding="utf-8")
    gold_path = tmp_path / "gold" / "g.yaml"
    assert find_article_file({"article": "art1"}, gold_path) == (tmp_path / "seed" / "art1.txt").resolve()
    with pytest.raises(GoldFormatError, match="--article"):
        find_article_file({"article": "missing"}, gold_path)


def test_load_seed_gold_is_valid():
    gold = load_gold(SEED_GOLD)
    assert len(gold["quotes"]) == 34 and len(gold["stances"]) == 9


def test_score_gold_skips_absent_sections():
    r = score_gold({"quotes": []}, _extraction())
    assert r["places"] is None and r["stances"] is None and r["quotes"]["fn"] == 0


# --- PolNeAR brat -------------------------------------------------------------------------------

BRAT_TEXT = 'Trump said "we will win big" on Monday. He added that taxes will fall, "a lot", he insisted.'
BRAT_ANN = "\n".join([
    "T1\tSource 0 5\tTrump",
    "T2\tCue 6 10\tsaid",
    "T3\tContent 11 28\t\"we will win big\"",
    "T4\tAttribution 6 10\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tSource 40 42\tHe",
    "T6\tContent 49 64;71 78\tthat taxes will \"a lot\"",
    "T7\tCue 43 48\tadded",
    "E2\tAttribution:T7 Content:T6 Cue:T7 Source:T5",
    "T8\tContent 40 52\tHe added tha",
    "E3\tContent:T8",
])


def test_parse_spans_reads_discontinuous_fragments():
    assert parse_spans("10 20;30 40", "x") == [(10, 20), (30, 40)]
    with pytest.raises(GoldFormatError):
        parse_spans("10 twenty", "x")


def test_parse_ann_roles_discontinuous_content_and_direct_flag():
    atts = parse_ann(BRAT_ANN, BRAT_TEXT)
    assert [a.id for a in atts] == ["E1", "E2", "E3"]
    assert atts[0].source == [(0, 5)] and atts[0].direct
    assert atts[1].content == [(49, 64), (71, 78)]
    assert atts[1].content_text == 'that taxes will "a lot"'
    assert not atts[1].direct  # quotes a 5-character phrase only: direct needs a 15+ character passage
    assert atts[2].source == [] and not atts[2].direct


def test_parse_ann_rejects_unknown_reference_and_bad_offsets():
    with pytest.raises(GoldFormatError, match="no T line"):
        parse_ann("E1\tContent:T9", BRAT_TEXT)
    with pytest.raises(GoldFormatError, match="past the end"):
        parse_ann("T1\tContent 0 999\tx", BRAT_TEXT)


def test_polnear_scores_direct_and_all_with_source_overlap():
    from components.evaluate.polnear import BratDocument

    doc = BratDocument("d", "aaaa", BRAT_TEXT, parse_ann(BRAT_ANN, BRAT_TEXT), "d_aaaa.ann")
    preds = [
        _quote(1, "we will win big", "Donald Trump", start=12, end=27, mention=(0, 5)),
        # pronoun resolved to Trump, but the mention span "He" (40-42) is what is compared
        _quote(2, "taxes will fall, \"a lot\"", "Donald Trump", kind="mixed", start=54, end=78, mention=(40, 42)),
        _quote(3, "on Monday", None, kind="indirect", start=29, end=38),
    ]
    r = summarise([score_document(doc, _extraction(BRAT_TEXT, quotes=preds))])
    assert (r["direct"]["tp"], r["direct"]["fp"], r["direct"]["fn"]) == (2, 0, 0)
    assert r["direct"]["source_accuracy"] == 1.0
    assert (r["all"]["tp"], r["all"]["fp"], r["all"]["fn"]) == (2, 1, 1)
    wrong_mention = [preds[0].model_copy(update={"mention_start": 11, "mention_end": 27})]
    r = summarise([score_document(doc, _extraction(BRAT_TEXT, quotes=wrong_mention))])
    assert r["direct"]["source_accuracy"] == 1.0  # the speaker's last word is in the gold Source
    wrong_mention = [wrong_mention[0].model_copy(update={"speaker": "Mike Pence"})]
    r = summarise([score_document(doc, _extraction(BRAT_TEXT, quotes=wrong_mention))])
    # E2 quotes only a 5-character phrase ("a lot"): not a direct quotation by the reference scorer's
    # rule (a quoted passage of 15+ characters), so direct recall is E1's alone
    assert r["direct"]["recall"] == 1.0 and r["direct"]["source_accuracy"] == 0.0
    assert [g.direct for g in doc.attributions] == [True, False, False]


def test_read_brat_folder_scores_first_annotator_in_name_order(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "art_bbbb.ann").write_text(BRAT_ANN, encoding="utf-8")
    (tmp_path / "attributions" / "art_aaaa.ann").write_text("\n".join(BRAT_ANN.splitlines()[:5]), encoding="utf-8")
    docs, skipped = read_brat_folder(tmp_path)
    assert [(d.name, d.annotator, len(d.attributions)) for d in docs] == [("art", "aaaa", 1)]
    assert skipped == ["art_bbbb.ann"]
    docs, skipped = read_brat_folder(tmp_path, all_annotators=True)
    assert len(docs) == 2 and not skipped
    assert detect_kind(tmp_path) == "polnear"


# --- GeoVirus and ISAF ----------------------------------------------------------------------------

def test_geovirus_overlap_match_and_error_km():
    text = "Cases in Kyiv and Moscow and Paris."
    gold = [GoldToponym("Kyiv", 9, 13, 50.45466, 30.5238), GoldToponym("Moscow", 18, 24, 55.75204, 37.61781),
            GoldToponym("Paris", 29, 34, 48.85341, 2.3488)]
    preds = [_place("Kyiv", lat=55.75204, lon=37.61781, start=9),  # geocoded to Moscow: ~755 km
             Place(name="Moscow", mention="Moscow and", start=18, end=28, kind="city", lat=55.75, lon=37.62),
             _place("Cases", start=0)]
    a = score_article(gold, _extraction(text, places=preds))
    assert (a["tp"], a["fp"], a["fn"], a["exact"]) == (2, 1, 1, 1)
    r = geovirus_summary([a])
    assert r["recognition"]["recall"] == pytest.approx(2 / 3)
    assert r["geocoding"]["acc_at_161"] == 0.5
    assert r["geocoding"]["mean_km"] == pytest.approx(755 / 2, abs=5)
    a = score_article(gold[:1], _extraction(text, places=[_place("Kyiv", start=9)]))
    assert a["errors_km"] == [MAX_ERROR_KM]


def test_geovirus_auc_is_zero_for_perfect_and_one_for_worst():
    from components.evaluate.geovirus import auc_log_error

    assert auc_log_error([0.0, 0.0, 0.0]) == 0.0
    assert auc_log_error([MAX_ERROR_KM] * 3) == pytest.approx(1.0, abs=1e-4)
    assert auc_log_error([1.0]) is None


def test_geovirus_reader_and_detection(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps({"id": "g1", "text": "In Kyiv.", "toponyms": [
        {"name": "Kyiv", "start": 3, "end": 7, "lat": 50.45, "lon": 30.52}]}) + "\n", encoding="utf-8")
    assert detect_kind(p) == "geovirus"
    (art, tops), = read_geovirus(p)
    assert art.id == "g1" and tops[0].end == 7
    p.write_text(json.dumps({"text": "In Kyiv.", "toponyms": [{"start": 3, "end": 70, "lat": 1, "lon": 1}]}),
                 encoding="utf-8")
    with pytest.raises(GoldFormatError, match="outside the text"):
        read_geovirus(p)


def test_isaf_totals_provinces_and_summary(tmp_path):
    cas = [Casualty(place="Nad-e Ali", killed_min=2, start=0, end=5),
           Casualty(place="Marjeh", killed_min=None, perpetrator_killed_min=1, start=6, end=9)]
    places = [_place("Nad-e Ali", country="AF") .model_copy(update={"admin1": "Helmand"}),
              _place("Khowst", "admin", "AF", start=20)]
    ex = _extraction(casualties=cas, places=places)
    assert predicted_total(ex) == 2  # the attacker killed is counted apart, as the reference scorer does
    assert predicted_provinces(ex) == ["helmand", "khost"]
    assert province_key("Paktia Province") == "paktya" and province_key("Sar-e Pol") == "sarepul"
    rows = [score_release({"min_killed": 2, "province": ["helmand"]}, ex),
            score_release({"min_killed": 0, "province": ["kunar"]}, _extraction()),
            score_release({"min_killed": 2, "province": [""]}, _extraction())]
    r = isaf_summary(rows)
    assert r["killed_exact"] == pytest.approx(2 / 3)
    assert r["killed_mae"] == pytest.approx(2 / 3)
    assert (r["any_death"]["tp"], r["any_death"]["fp"], r["any_death"]["fn"]) == (1, 0, 1)
    assert r["province_accuracy"] == 0.5 and r["province_top1"] == 0.5 and r["province_releases"] == 2
    assert r["date_accuracy"] is None  # no gold start_date given
    p = tmp_path / "i.jsonl"
    p.write_text(json.dumps({"id": "i1", "text": "t", "gold": {"min_killed": 1, "province": ["ghazni"]}}) + "\n",
                 encoding="utf-8")
    assert detect_kind(p) == "isaf" and read_isaf(p)[0][1]["min_killed"] == 1


@pytest.mark.parametrize(
    "head, expected",
    [
        ("KABUL, Afghanistan (Jan. 25, 2013)\nDuring", "2013-01-25"),
        ("ISAF Joint Command\u20282010-02-AO-125\nKABUL, Afghanistan (Feb. 24) - A", "2010-02-24"),
        ("KABUL, Afghanistan (Sept. 3, 2011)", "2011-09-03"),
        ("KABUL, Afghanistan (Dec. 10)\nToday", None),  # no year anywhere
    ],
)
def test_isaf_release_date_from_dateline(head, expected):
    from components.evaluate.isaf import release_date

    assert release_date(head) == expected


def test_detect_kind_rejects_unknown_inputs(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "t"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="toponyms"):
        detect_kind(p)
    with pytest.raises(GoldFormatError, match="no such"):
        detect_kind(tmp_path / "nope.yaml")


def test_run_evaluate_reports_malformed_gold_and_returns_2(tmp_path, capsys):
    bad = tmp_path / "g.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_evaluate_arguments(parser)
    assert run_evaluate(parser.parse_args([str(bad), "--json"])) == 2
    assert "must be a YAML mapping" in capsys.readouterr().err


# --- the seed gold through the real pipeline ----------------------------------------------------

@pytest.fixture(scope="module")
def seed_report(nlp):
    from components.evaluate.gold import read_gold_article
    from components.extract import extract_doc

    gold = load_gold(SEED_GOLD)
    article = read_gold_article(gold, SEED_GOLD)
    return score_gold(gold, extract_doc(article, nlp(article.text), nlp))


def test_seed_gold_runs_through_the_pipeline(seed_report):
    assert seed_report["quotes"] is not None and seed_report["places"] is not None
    assert seed_report["casualties"]["fn"] + seed_report["casualties"]["tp"] == 1


def test_seed_quote_f1_and_attribution_reach_issue_thresholds(seed_report):
    q = seed_report["quotes"]
    assert q["f1"] >= 0.95
    assert q["attribution_accuracy"] >= 0.95
    assert q["not_speaker_errors"] == []


def test_seed_speakers_have_right_country_and_role(seed_report):
    s = seed_report["speakers"]
    assert s["found"] == s["speakers"]
    assert s["country_right"] == s["country_total"] and s["role_right"] == s["role_total"]


def test_seed_place_f1_and_cities_within_25_km(seed_report):
    p = seed_report["places"]
    assert p["f1"] >= 0.95
    assert p["cities_within_25km"] == p["cities"]


def test_seed_kherson_casualty_is_exact_and_alone(seed_report):
    c = seed_report["casualties"]
    assert (c["tp"], c["fp"], c["fn"]) == (1, 0, 0)
    assert c["date_agreement"] == c["cause_agreement"] == c["actor_agreement"] == 1.0


def test_seed_at_least_8_of_9_stances(seed_report):
    assert seed_report["stances"]["right"] >= 8


def test_run_evaluate_scores_a_folder_of_gold_files_with_json(tmp_path, capsys, nlp):
    (tmp_path / "art.txt").write_text(
        'Talks resume\n\n"We need to definitely discuss this," Kaja Kallas said in Brussels on Monday.\n',
        encoding="utf-8")
    (tmp_path / "art.yaml").write_text(
        "article: art\nquotes:\n  - {speaker: Kaja Kallas, kind: direct, key: we need to definitely discuss this}\n"
        "not_speakers: [Brussels]\n", encoding="utf-8")
    parser = argparse.ArgumentParser()
    add_evaluate_arguments(parser)
    assert run_evaluate(parser.parse_args([str(tmp_path), "--json", "--no-progress"])) == 0
    (line,) = capsys.readouterr().out.splitlines()
    report = json.loads(line)
    assert report["dataset"] == "gold" and report["article"].endswith("art.txt")
    assert report["quotes"]["tp"] + report["quotes"]["fn"] == 1
    assert report["places"] is None


def test_run_evaluate_rejects_bad_limit(capsys):
    parser = argparse.ArgumentParser()
    add_evaluate_arguments(parser)
    assert run_evaluate(parser.parse_args([str(SEED_GOLD), "--limit", "0"])) == 2
    assert "--limit" in capsys.readouterr().err


def test_polnear_continuation_quotes_score_as_one_attribution():
    """Test that '"X," said Y. "Z."' (one PolNeAR attribution, discontinuous content) counts once in
    attribution units and as one hit plus one false positive per quote."""
    from components.evaluate.polnear import BratDocument

    text = '"We will rebuild the bridge," said Ana Diaz. "It will take a year."'
    ann = "T1\tSource 35 43\tAna Diaz\nT2\tCue 30 34\tsaid\nT3\tContent 0 29;45 67\tx\nE1\tContent:T3 Cue:T2 Source:T1"
    doc = BratDocument("c", "aaaa", text, parse_ann(ann, text), "c_aaaa.ann")
    first = _quote(1, "We will rebuild the bridge", "Ana Diaz", start=1, end=27, mention=(35, 43))
    second = _quote(2, "It will take a year.", "Ana Diaz", start=46, end=66, mention=(35, 43))
    preds = [first.model_copy(update={"cue_start": 30}), second.model_copy(update={"cue_start": 30})]
    r = summarise([score_document(doc, _extraction(text, quotes=preds))])
    assert (r["direct"]["tp"], r["direct"]["fp"], r["direct"]["fn"]) == (1, 0, 0)
    assert r["direct"]["source_accuracy"] == 1.0
    assert (r["direct_per_quote"]["tp"], r["direct_per_quote"]["fp"], r["direct_per_quote"]["fn"]) == (1, 1, 0)


def test_polnear_evaluator_agrees_with_reference_scorer(tmp_path):
    """Test that the project's PolNeAR scores equal ../shared/tools/score.py's on the same predictions
    (six polnear-dev articles, extracted once and saved as the JSON Lines output contract)."""
    import shutil
    import subprocess
    import sys

    from components.evaluate.polnear import brat_article
    from components.extract import extract_articles

    dev = SHARED / "eval" / "polnear-dev"
    names = sorted(p.stem for p in (dev / "text").glob("*.txt"))[::14][:6]
    for sub in ("text", "attributions"):
        (tmp_path / sub).mkdir()
    for name in names:
        shutil.copy(dev / "text" / f"{name}.txt", tmp_path / "text")
        for ann in sorted((dev / "attributions").glob(f"{name}_*.ann")):
            shutil.copy(ann, tmp_path / "attributions")
    docs, _ = read_brat_folder(tmp_path)
    extractions = list(extract_articles([brat_article(d) for d in docs]))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(e.model_dump_json() + "\n" for e in extractions), encoding="utf-8")
    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "polnear", str(tmp_path), str(pred)],
                         capture_output=True, text=True, check=True)
    want = json.loads(ref.stdout.strip().splitlines()[-1])
    r = summarise([score_document(d, e) for d, e in zip(docs, extractions)])
    got = {}
    for key in ("direct", "all"):
        m = r[key]
        got.update({f"{key}_p": m["precision"] or 0.0, f"{key}_r": m["recall"] or 0.0, f"{key}_f1": m["f1"] or 0.0})
    got["direct_source_acc"], got["all_source_acc"] = r["direct"]["source_accuracy"] or 0, r["all"]["source_accuracy"] or 0
    got["gold_attributions"] = r["all"]["tp"] + r["all"]["fn"]
    assert want["gold_attributions"] > 50
    for k in ("direct_p", "direct_r", "direct_f1", "direct_source_acc", "all_p", "all_r", "all_f1", "all_source_acc",
              "gold_attributions"):
        assert round(got[k], 3) == want[k], k


def test_isaf_evaluator_agrees_with_reference_scorer(tmp_path):
    """Test that the project's ISAF figures (killed exact, MAE, any-death P/R/F1, province accuracy) equal
    ../shared/tools/score.py's on the same predictions (every 12th isaf-dev release, extracted once and saved as the
    JSON Lines output contract)."""
    import subprocess
    import sys

    from components.extract import extract_articles

    lines = [x for x in (SHARED / "eval" / "isaf-dev" / "isaf-dev.jsonl").read_text(encoding="utf-8").split("\n") if x][::12]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    pairs = read_isaf(gold)
    extractions = list(extract_articles([a for a, _ in pairs]))
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(e.model_dump_json() + "\n" for e in extractions), encoding="utf-8")
    ref = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "isaf", str(gold), str(pred)],
                         capture_output=True, text=True, check=True)
    want = json.loads(ref.stdout.strip().splitlines()[-1])
    r = isaf_summary([score_release(g, e) for (_, g), e in zip(pairs, extractions)])
    assert want["releases"] == len(pairs) > 25
    assert round(r["killed_exact"], 3) == want["killed_exact"]
    assert round(r["killed_mae"], 2) == want["killed_mae"]
    assert round(r["any_death"]["f1"] or 0, 3) == want["any_death_f1"]
    assert round(r["province_accuracy"], 3) == want["province_acc"]
