"""Tests for components.extract.casualties: counts, qualifiers, perpetrators, place, date, cause, actor."""

from __future__ import annotations

import pytest

from .conftest import SHARED, load_case

SEED = SHARED / "seed" / "000_d227dde8fd7d9ec0.txt"
COUNT_KEYS = ("killed_min", "killed_max", "injured_min", "injured_max", "missing_min", "missing_max")


def only(extraction):
    assert len(extraction.casualties) == 1, extraction.casualties
    return extraction.casualties[0]


def counts(c) -> dict:
    return {k: getattr(c, k) for k in COUNT_KEYS}


# ----------------------------------------------------------------------------- seed gold
def test_casualties_seed_kherson_record_exact(extract_text):
    """Test that the seed yields exactly one record: Kherson, 3+ killed, 7 injured, 2024-12-01."""
    c = only(extract_text(SEED.read_text(encoding="utf-8"), "2024-12-01"))
    assert (c.place, c.country) == ("Kherson", "UA")
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == (3, None, "at_least")
    assert (c.injured_min, c.injured_max) == (7, 7)
    assert (c.date, c.cause, c.actor) == ("2024-12-01", "drone attack", "Russia")


# ----------------------------------------------------------------------------- shared cases
def test_casualties_case_p21_missing_is_not_killed(extract_text):
    c = only(extract_text(load_case("P21")["text"]))
    assert (c.place, c.country) == ("Saint John", "CA")
    assert counts(c) == dict.fromkeys(COUNT_KEYS) | {"missing_min": 2, "missing_max": 2}


def test_casualties_case_p23_place_from_sentence(extract_text):
    c = only(extract_text(load_case("P23")["text"]))
    assert (c.place, c.country) == ("Detroit", "US")
    assert counts(c) == dict.fromkeys(COUNT_KEYS) | {"killed_min": 14, "killed_max": 14}


def test_casualties_case_c24_qualifiers_and_age(extract_text):
    """C24: 'at least three' (not 4: 'including' marks a subset; 12 is an age), 'seven others'."""
    c = only(extract_text(load_case("C24")["text"]))
    assert (c.place, c.country) == ("Mombasa", "KE")
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == (3, None, "at_least")
    assert (c.injured_min, c.injured_max, c.injured_qualifier) == (7, 7, "exact")


def test_casualties_case_c25_range_and_vague(extract_text):
    """C25: 'between 12 and 15' is a range; 'dozens' keeps the lower bound 24 (vague);
    'A dozen homes' is not a count."""
    c = only(extract_text(load_case("C25")["text"]))
    assert (c.place, c.country) == ("Kharkiv", "UA")
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == (12, 15, "range")
    assert (c.injured_min, c.injured_max, c.injured_qualifier) == (24, None, "vague")
    assert c.cause == "shelling"


def test_casualties_case_c27_numbers_after_verbs_and_perpetrator(extract_text):
    c = only(extract_text(load_case("C27")["text"]))
    assert (c.place, c.country) == ("Tulsa", "US")
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == (3, 3, "exact")
    assert (c.injured_min, c.injured_max, c.injured_qualifier) == (7, 7, "exact")
    assert (c.perpetrator_killed_min, c.perpetrator_killed_max) == (1, 1)


@pytest.mark.parametrize("case_id", ["Q01", "Q03", "Q04", "Q10", "Q12", "Q19"])
def test_casualties_case_q_none(extract_text, case_id):
    """'fatal mistake', '40,000 residents', 'at least three weeks', 'three safety reports': no casualties."""
    assert extract_text(load_case(case_id)["text"]).casualties == []


# ----------------------------------------------------------------------------- constructions
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Two soldiers were killed in the attack.", (2, 2, "exact")),
        ("At least 14 people died.", (14, None, "at_least")),
        ("More than 30 insurgents were killed.", (31, None, "at_least")),
        ("Up to 40 people may have been killed, but officials confirmed 12 people were killed.", (12, 12, "exact")),
        ("Several civilians were killed.", (2, None, "vague")),
        ("Dozens of people were killed.", (24, None, "vague")),
        ("Twenty-five people were killed.", (25, 25, "exact")),
        ("A civilian was killed.", (1, 1, "exact")),
        ("Some 40 people were killed.", (40, 40, "vague")),
        # a bound opened by "no"/"not" is a count, not "no one"
        ("No fewer than 17 miners were killed.", (17, None, "at_least")),
        ("Not less than 17 miners were killed.", (17, None, "at_least")),
        ("No more than 17 miners were killed.", (None, 17, "at_most")),
    ],
)
def test_casualties_count_forms(extract_text, text, expected):
    c = only(extract_text(text))
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == expected


def test_casualties_death_toll_is_the_new_total(extract_text):
    c = only(extract_text("The death toll rose to 1,032 on Monday, up from 1,010."))
    assert (c.killed_min, c.killed_max) == (1032, 1032)


def test_casualties_killed_and_injured_after_verbs(extract_text):
    c = only(extract_text("The blast killed 3 people and injured 7."))
    assert (c.killed_min, c.injured_min, c.cause) == (3, 7, "blast")


def test_casualties_deaths_of_noun_phrase(extract_text):
    c = only(extract_text("The strike resulted in the deaths of five children."))
    assert (c.killed_min, c.killed_max) == (5, 5)


@pytest.mark.parametrize(
    "text",
    [
        "A 12-year-old girl was among the crowd.",
        "The siege lasted three days.",
        "A dozen homes were destroyed.",
        "In 2014, the army was reorganised.",
        "Meeting one or another of the killers would be a fatal mistake.",
        "No one was killed in the fire.",
        "The drones could kill thousands of people.",
        "He is responsible for killing three policemen last year.",
    ],
)
def test_casualties_not_counts(extract_text, text):
    assert extract_text(text).casualties == []


def test_casualties_relative_days_resolved(extract_text):
    """'on Sunday' with a Sunday published date is that day; 'yesterday' the day before."""
    c = only(extract_text("On Sunday, three people were killed in Kherson.", "2024-12-01"))
    assert c.date == "2024-12-01"
    c = only(extract_text("Three people were killed in Kherson yesterday.", "2024-12-01"))
    assert c.date == "2024-11-30"
    c = only(extract_text("Three people were killed in Kherson on Friday.", "2024-12-01"))
    assert c.date == "2024-11-29"


def test_casualties_actor_from_cause_modifier(extract_text):
    c = only(extract_text("A Russian missile strike killed four people in Odesa."))
    assert (c.actor, c.cause, c.place) == ("Russia", "missile strike", "Odesa")


def test_casualties_place_from_earlier_sentence(extract_text):
    text = "Fighting broke out in Ghazni province. Two insurgents were killed."
    c = only(extract_text(text))
    assert (c.place, c.country) == ("Ghazni", "AF")


def test_casualties_offsets_are_the_sentence(extract_text):
    text = "Calm returned. Two soldiers were killed in Kharkiv."
    c = only(extract_text(text))
    assert text[c.start:c.end] == "Two soldiers were killed in Kharkiv."


def test_casualties_restatement_not_double_counted(extract_text):
    text = "The force killed 18 insurgents in Kunar province. In all, 18 insurgents were killed."
    ex = extract_text(text)
    assert sum(c.killed_min or 0 for c in ex.casualties) == 18


def test_casualties_dateline_is_not_the_event_place(extract_text):
    text = "KABUL, Afghanistan (Jan. 6, 2013) - A force killed two insurgents in Nawa district, Helmand province, yesterday."
    c = only(extract_text(text))
    assert (c.place, c.date) == ("Helmand", "2013-01-05")


def test_casualties_historical_comparison_is_not_an_event(extract_text):
    """Test that a sentence dated to an earlier year than the report gives no record."""
    text = "It was the deadliest attack since 2014, when 300 people were killed."
    assert extract_text(text, "2024-12-01").casualties == []
    assert extract_text("An estimated 5,000 people died in the 2010 floods.", "2024-12-01").casualties == []


def test_casualties_running_total_has_no_event_date(extract_text):
    c = only(extract_text("More than 100 people have been killed since the fighting began in March.", "2024-12-01"))
    assert (c.killed_min, c.killed_qualifier, c.date) == (101, "at_least", None)


def test_casualties_roll_up_dropped_when_incidents_reported(extract_text):
    text = (
        "Several insurgents were killed during separate operations over the past 24 hours. "
        "In Nawa district, Helmand province, a patrol killed one insurgent."
    )
    ex = extract_text(text)
    assert [(c.killed_min, c.place) for c in ex.casualties] == [(1, "Helmand")]


def test_casualties_suicide_bomber_is_a_perpetrator(extract_text):
    c = only(extract_text("A suicide bomber killed himself and nine worshippers at a mosque in Peshawar."))
    assert (c.killed_min, c.perpetrator_killed_min, c.place) == (9, 1, "Peshawar")


def test_casualties_undated_event_takes_report_date(extract_text):
    c = only(extract_text("Two people were killed in Kharkiv.", "2024-12-01"))
    assert c.date == "2024-12-01"


# ----------------------------------------------------------------------------- tester findings (not people, not events)
@pytest.mark.parametrize(
    "text",
    [
        "Thousands of birds have been killed in the village of Dudesti to contain the outbreak, officials said.",
        "1,000 turkeys in Norfolk have died of avian flu and a further 1,600 have died since the outbreak began.",
        "Officials reported 270 swine deaths in the province of Leyte.",
        "The dose he bought has the potential to kill about 1,400 people, police in Leeds said.",
        "Local officials are prepared to handle only 48,000 deaths in Cardiff during a pandemic.",
        "A pandemic could result in the deaths of up to 50,000 people in Scotland.",
        "According to the WHO, at least 263 people have died from the virus worldwide.",
        "The agency said 214 countries and territories have confirmed cases, with a total of more than 18,311 deaths.",
    ],
)
def test_casualties_animals_hypotheticals_and_global_tolls_are_not_records(extract_text, text):
    """Test that animals, projected/planning/modal counts and worldwide tolls give no record."""
    assert extract_text(text, "2009-07-01").casualties == []


def test_casualties_disease_deaths_in_one_place_are_records(extract_text):
    """Test that deaths from a disease in one place are a record (not a hypothetical or global toll)."""
    c = only(extract_text("Three people died of cholera in Harare on Monday.", "2008-12-03"))
    assert (c.place, c.country, c.killed_min, c.killed_max) == ("Harare", "ZW", 3, 3)


def test_casualties_spelled_age_is_not_a_count(extract_text):
    """Test that "a five-year-old boy" died is one death, not five."""
    c = only(extract_text("A five-year-old boy died of bird flu in Jakarta on Friday.", "2006-06-20"))
    assert (c.killed_min, c.killed_max) == (1, 1)


def test_casualties_strike_on_city_gives_the_place(extract_text):
    """Test that "a missile strike on Odesa" makes Odesa (the city) the record's place."""
    text = (
        "Missile strike on Odesa\n"
        "At least 12 people were killed and 30 injured in a missile strike on Odesa on Tuesday, "
        "regional governor Oleh Kiper said."
    )
    c = only(extract_text(text, "2024-03-05"))
    assert (c.place, c.country) == ("Odesa", "UA")
    assert (c.killed_min, c.killed_max, c.injured_min, c.injured_max) == (12, None, 30, 30)


def test_casualties_place_comes_from_the_casualty_clause(extract_text):
    """Test that the place is the one in the killing clause, not the dateline's or another clause's."""
    text = (
        "DOHA, Qatar — Negotiators resumed talks in Doha on Wednesday, officials said, as strikes "
        "killed at least 27 people in Gaza overnight, according to the health ministry."
    )
    c = only(extract_text(text, "2024-03-06"))
    assert (c.place, c.country, c.killed_min, c.killed_max) == ("Gaza", "PS", 27, None)


def test_casualties_dozens_missing_keeps_lower_bound(extract_text):
    """Test that "dozens missing" keeps the documented vague lower bound 24, open-ended."""
    c = only(extract_text("Flooding in Valencia, Spain left 95 dead and dozens missing, officials said.", "2024-10-31"))
    assert (c.killed_min, c.killed_max, c.missing_min, c.missing_max) == (95, 95, 24, None)


def test_casualties_long_text_reports_each_paragraph(nlp):
    """Test that a long article of 320 repeated paragraphs (a meeting with a date, then a toll) still gives
    the toll at its place (the cost growing linearly is measured in bench/bench_scaling.py, not here)."""
    from components.extract.casualties import casualty_events
    from components.extract.places import toponyms

    filler = "Officials met in Kabul on Monday 3 March 2014 to discuss the budget with Ahmed Khan. " * 3
    doc = nlp((filler + "Two soldiers were killed in Kandahar on Tuesday. ") * 320)
    recs = casualty_events(doc, toponyms(doc), "2014-03-05")
    assert (recs[0].place, recs[0].killed_min) == ("Kandahar", 2)


# ----------------------------------------------------------------------------- numeric dates
@pytest.mark.parametrize(
    "date_text, expected",
    [
        ("25/12/2024", "2024-12-25"),  # day first: 25 cannot be a month
        ("12/25/2024", "2024-12-25"),  # month first
        ("2024-12-25", "2024-12-25"),  # ISO
        ("05/03/2024", None),  # 5 March or 3 May: not guessed
    ],
)
def test_casualties_numeric_date_only_when_certain(extract_text, date_text, expected):
    c = only(extract_text(f"Shelling hits Kharkiv\n\nFour people were killed in Kharkiv on {date_text}, officials said.\n", "2025-01-10"))
    assert (c.killed_min, c.date) == (4, expected)


def test_casualties_headline_restated_in_body_is_one_record_with_the_body_details(extract_text):
    """The headline's count restated in the lead is one record at the lead's offsets, keeping the
    headline's actor; a later 'Another 4 people are missing' is that event's missing (one event, one record)."""
    text = ("Russian air strike kills at least 12 in Kharkiv\n\n"
            "At least 12 people were killed and dozens injured in an air strike on Kharkiv on Sunday, officials said.\n\n"
            "\"Rescuers are still working,\" the governor wrote.\n\n"
            "Two children were among the dead, he added. Another 4 people are missing under the rubble, rescuers said.\n")
    ex = extract_text(text, "2024-03-10")
    got = [(c.place, c.date, c.killed_min, c.killed_max, c.injured_min, c.missing_min, c.cause, c.actor, ex.article.text[c.start:c.start + 12])
           for c in ex.casualties]
    assert got == [("Kharkiv", "2024-03-10", 12, None, 24, 4, "air strike", "Russia", "At least 12 ")]


def test_casualties_place_not_taken_from_a_quotation_but_from_the_reporting_body(extract_text):
    """'We will enter Rafah,' in an earlier sentence is speech; 'The Gaza health ministry' gives
    the place of its report (Gaza, named in the headline)."""
    text = ("Gaza ceasefire talks resume\n\n"
            "\"We will enter Rafah with or without a deal,\" Netanyahu said in a statement.\n\n"
            "The Gaza health ministry said 29 Palestinians had been killed.\n")
    c = only(extract_text(text, "2024-05-04"))
    assert (c.place, c.country, c.killed_min, c.killed_max) == ("Gaza", "PS", 29, 29)


def test_casualties_background_month_is_not_the_reported_event(extract_text):
    """'In June, ... killing more than 30' in a July report is background; the July event counts."""
    text = ("Forces detain suspects in Kandahar\n\n"
            "KABUL, Afghanistan (July 31) - A security force killed two insurgents in Kandahar province on Friday.\n\n"
            "In June, insurgents engaged the assault force in Panjwai district. The assault force responded, killing more than 30 insurgents.\n")
    recs = extract_text(text, "2010-07-31").casualties
    assert [(r.perpetrator_killed_min if r.killed_min is None else r.killed_min, r.date) for r in recs] == [(2, "2010-07-30")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # "leaving five dead and 17 injured"; a weapon named alone gives the cause
        ("In the southern city of Odesa, a missile hit an apartment block, leaving five dead and 17 injured, the governor said.",
         ("Odesa", 5, 5, 17, 17, "missile strike", None)),
        # bodies counted as recovered are dead
        ("In Dnipro, rescuers pulled 12 bodies from the rubble of a nine-storey building.", ("Dnipro", 12, 12, None, None, None, None)),
        # a government speaking by metonymy ("while Moscow insists") is no event place either
        ("Officials in Odesa say at least 9 civilians were killed, while Moscow insists its drones hit only depots.",
         ("Odesa", 9, None, None, None, "drone attack", None)),
        # ... but a country reporting its own toll is the place
        ("Malawi reported 14 new deaths from cholera on Tuesday.", ("Malawi", 14, 14, None, None, None, None)),
        # the attacker in subject position is the actor, not the place
        ("Russia fired more than 100 missiles and drones at Kharkiv overnight, killing at least 20 people and wounding dozens more.",
         ("Kharkiv", 20, None, 24, None, "missile strike", "Russia")),
    ],
)
def test_casualties_more_constructions(extract_text, sentence, expected):
    c = only(extract_text(f"Strikes\n\n{sentence}\n", "2024-05-10"))
    assert (c.place, c.killed_min, c.killed_max, c.injured_min, c.injured_max, c.cause, c.actor) == expected


@pytest.mark.parametrize(
    "last, expected",
    [
        # the same event (same place, no other day): 4 bodies are among the 20, not more dead
        ("Rescuers pulled 4 bodies from the rubble in Kharkiv.", [("Kharkiv", 20, "2024-05-10")]),
        # 'another' adds victims to the event: one record of at least 24
        ("Rescuers pulled another 4 bodies from the rubble in Kharkiv.", [("Kharkiv", 24, "2024-05-10")]),
    ],
)
def test_casualties_headline_summary_not_counted_again_and_durations_are_not_dates(extract_text, last, expected):
    """'Strikes ... kill dozens' sums up the body's '20 killed': one record; 'Three days of mourning'
    is a duration, not a date three days back; a later smaller count of the same event is a
    detail of it unless a word adds it to the event's total ('another')."""
    text = ("Strikes across Ukraine kill dozens\n\n"
            "Russian missiles killed at least 20 people in Kharkiv on Friday, officials said. Three days of mourning were declared.\n\n"
            f"{last}\n")
    recs = extract_text(text, "2024-05-10").casualties
    assert [(r.place, r.killed_min, r.date) for r in recs] == expected


def test_casualties_restated_event_keeps_its_latest_total(extract_text):
    """An invented release: 'killing a commander' then 'killed four fighters and confirmed the
    commander was killed' is one event of 5 (the larger count of the same day and place); a
    count in a separate attack adds."""
    text = ("Forces killed a militia commander, Omar Dalli, in an air strike in Kidal region on Tuesday. "
            "The force engaged and killed four fighters and confirmed Omar Dalli was killed in the strike.\n\n"
            "In a separate attack in Kidal region, two soldiers were killed.\n")
    recs = extract_text(text, "2025-02-12").casualties
    assert [r.killed_min for r in recs] == [5, 2]


# ----------------------------------------------------------------------------- numbers (components.text.numbers)
@pytest.mark.parametrize(
    "words, expected",
    [
        ("seventy-five", 75), (["Twenty", "-", "five"], 25), ("two hundred and six", 206), ("1.2 million", 1_200_000),
        ("a dozen", 12), ("two dozen", 24), ("half a dozen", 6), ("a score", 20), ("5 billion", 5_000_000_000),
        ("1,032", 1032), ("a hundred", 100), ("hundreds", None), ("a", None), ("10 billion", 10_000_000_000),
        ("99999999999999999999999", 99_999_999_999_999_999_999_999),
    ],
)
def test_numbers_value_from_library(words, expected):
    """Spelled-out, hyphenated, compound, magnitude and collective numbers; vague words and
    counts above the world's population are not numbers."""
    from components.text.numbers import number_value

    assert number_value(words) == expected


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        ("A bus plunged into a gorge near Cusco on Tuesday, killing seventy-five passengers.", (75, 75, "exact"), None),
        ("A fire at a market in Lagos killed two hundred and six people and injured a dozen others on Friday.",
         (206, 206, "exact"), (12, 12, "exact")),
        ("Floods in Sylhet have killed between 20 and 30 people since Sunday, officials said.", (20, 30, "range"), None),
        ("Up to 40 miners were killed in a collapse near Oruro on Monday.", (None, 40, "at_most"), None),
        ("Scores of villagers were killed when a dam burst near Kasese on Monday.", (40, None, "vague"), None),
    ],
)
def test_casualties_spelled_out_ranges_and_vague_minimums(extract_text, text, killed, injured):
    """Invented sentences: words, compounds, ranges, 'up to', vague 'scores' (>= 40)."""
    ex = extract_text(text, "2025-02-10")
    if killed is None:
        assert ex.casualties == []
        return
    c = only(ex)
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == killed
    assert (c.injured_min, c.injured_max, c.injured_qualifier) == (injured or (None, None, None))


def test_casualties_count_above_world_population_is_dropped_with_a_warning(extract_text):
    """A toll read exactly ('12 billion') is dropped at the article's boundary with a warning that
    names it, never stored nor silently lost."""
    from components.worker import implausible_casualties

    ex = extract_text("A storm in Dhaka on Sunday killed 12 billion people, a report claimed.", "2025-02-10")
    assert [c.killed_min for c in ex.casualties] == [12_000_000_000]
    kept, warnings = implausible_casualties(ex)
    assert kept.casualties == [] and len(warnings) == 1 and "12,000,000,000" in warnings[0]


def test_casualties_victims_listed_as_noun_phrases(extract_text):
    """'a nurse and two drivers were among the dead' counts 3 when no total was given before."""
    c = only(extract_text("Floods swept through Valparaiso on Monday. A nurse and two drivers were among the dead, "
                          "officials said.", "2025-02-10"))
    assert (c.place, c.killed_min, c.killed_max) == ("Valparaiso", 3, 3)
    assert [(p.group, p.killed_min) for p in c.parts] == [("nurse", 1), ("driver", 2)]


@pytest.mark.parametrize("sentence, killed", [
    ("Two medics and a driver were among those killed in the shelling of Sumy on Monday.", 3),
    ("Two medics and a driver were among the people killed in the shelling of Sumy on Monday.", 3),
    ("Two medics were among the 14 people killed in the shelling of Sumy on Monday.", 14),
])
def test_casualties_victims_among_those_killed(extract_text, sentence, killed):
    """'among those killed' / 'among the people killed' name the victims like 'among the dead'; a
    number on the group ('among the 14 people killed') is the toll itself."""
    c = only(extract_text(sentence, "2025-02-10"))
    assert (c.place, c.killed_min, c.killed_max) == ("Sumy", killed, killed)


def test_casualties_victims_among_those_killed_after_a_total_are_not_added(extract_text):
    """'... killed nine people. Two medics and a driver were among those killed': one event of 9."""
    c = only(extract_text("A missile strike on a market in Sumy killed nine people on Monday. Two medics and a driver "
                          "were among those killed, officials said.", "2025-02-10"))
    assert (c.place, c.killed_min) == ("Sumy", 9)


def test_casualties_breakdown_by_group_is_parts_of_one_event(extract_text):
    """'11 soldiers and 4 civilians': one event of 15 with two parts, one per group."""
    c = only(extract_text("Gunmen attacked a convoy near Kano on Saturday, killing 11 soldiers and 4 civilians.", "2025-02-10"))
    assert (c.place, c.killed_min) == ("Kano", 15)
    assert [(p.group, p.place, p.killed_min) for p in c.parts] == [("soldier", "Kano", 11), ("civilian", "Kano", 4)]


def test_casualties_breakdown_by_place_in_one_sentence(extract_text):
    """Gapped numbers, each at its own place: 30 + 12 + 5 = 47, the event at the country."""
    c = only(extract_text("Storms lash Nigeria\n\nOfficials in Nigeria said 30 people were killed in Kano, "
                          "12 in Kaduna and five in Zaria on Sunday.\n", "2025-02-10"))
    assert (c.place, c.killed_min) == ("Nigeria", 47)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Kano", 30), ("Kaduna", 12), ("Zaria", 5)]


def test_casualties_toll_update_replaces_never_adds(extract_text):
    """'The toll rose to 90 ..., up from 75': one event whose total is the latest, 90."""
    ex = extract_text("A cyclone killed seventy-five people in Khulna on Sunday. By Monday the death toll "
                      "had risen to 90, up from 75, officials said.", "2025-02-10")
    c = only(ex)
    assert (c.place, c.killed_min, c.date, c.cause) == ("Khulna", 90, "2025-02-09", "cyclone")
    assert ex.article.text[c.start:c.start + 9] == "By Monday"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Gunmen killed nine villagers in five raids in central Mali last month, officials said.", []),
        ("Gunmen killed nine villagers in a raid in central Mali on Sunday, officials said.", [("Mali", 9)]),
    ],
)
def test_casualties_toll_summed_over_operations_is_not_an_event(extract_text, text, expected):
    """Invented: a count over 'five raids' adds up earlier events: no record; one raid is one."""
    recs = extract_text(text, "2025-06-10").casualties
    assert [(r.place, r.killed_min) for r in recs] == expected


def test_casualties_hard_wrapped_paragraph_keeps_the_death(extract_text):
    """Invented: a paragraph wrapped at fixed width ('killed a' / 'wounded fighter') stays one sentence."""
    text = ("Border Patrol Report\n\nA police unit shot and killed a\nwounded fighter and arrested two others "
            "near the\nmarket in Zabul province on Tuesday.\n\nThe unit then returned to its base.")
    c = only(extract_text(text, "2025-03-06"))
    assert (c.killed_min, c.killed_max, c.place) == (1, 1, "Zabul")
    assert text[c.start:c.end].startswith("A police unit") and text[c.end - 8:c.end] == "Tuesday."


def test_casualties_headline_lines_stay_apart_from_the_body(extract_text):
    """Invented: a title line ending on a name is not joined to the next line (a new sentence)."""
    ex = extract_text("Patrol Clashes With Fighters Near Kandahar\nSoldiers killed three fighters on Monday.",
                      "2025-03-06")
    c = only(ex)
    assert c.killed_min == 3
    assert ex.article.text[c.start:c.start + 8] == "Soldiers"


def test_casualties_weapon_before_hyphen_is_not_the_cause(extract_text):
    """Invented: 'rocket-propelled grenades' and 'bomb-making' name other things; the strike is the cause."""
    c = only(extract_text("The air strike killed six fighters carrying rocket-propelled grenades "
                          "and bomb-making material."))
    assert (c.killed_min, c.cause) == (6, "air strike")
    c = only(extract_text("A strike killed four men armed with rocket-propelled grenades."))
    assert (c.killed_min, c.cause) == (4, "strike")


def test_casualties_slash_joined_town_and_province_are_places(extract_text):
    """Invented: an operational report heads a paragraph 'Town/Province'; both parts are places."""
    ex = extract_text("Lashkar Gah/Helmand\nIn the same area, a patrol killed two fighters.", "2025-03-06")
    assert [(p.mention, p.admin1, p.kind) for p in ex.places] == [
        ("Lashkar Gah", "Helmand", "city"), ("Helmand", "Helmand", "admin")]
    c = only(ex)
    assert (c.killed_min, c.country) == (2, "AF")


def test_casualties_area_by_another_spelling_after_a_cue(extract_text):
    """Invented: 'In Logar' (GeoNames: Lowgar) after a locative cue is the province; the mention keeps its spelling."""
    ex = extract_text("Fighting in Logar killed three fighters on Monday.", "2025-03-06")  # "Logar" tagged ORG
    assert [(p.mention, p.admin1, p.kind) for p in ex.places] == [("Logar", "Lowgar", "admin")]
    assert (only(ex).killed_min, only(ex).place) == (3, "Lowgar")


def test_casualties_city_named_with_the_word_city(extract_text):
    """Invented: 'Kandahar City' is the gazetteer's city Kandahar with its province."""
    ex = extract_text("In Kandahar City, a bomb killed four people on Monday.", "2025-03-06")
    assert [(p.mention, p.name, p.admin1, p.kind) for p in ex.places] == [("Kandahar", "Kandahar", "Kandahar", "city")]
    assert only(ex).killed_min == 4


def test_casualties_time_word_glued_to_a_headline_place(extract_text):
    """Invented: a title-case headline 'Killed in Paktika Overnight' names Paktika; the time word is no part of it."""
    ex = extract_text("Two Fighters Killed in Paktika Overnight\nThe patrol returned to base.", "2025-03-06")
    assert [(p.mention, p.admin1, p.kind) for p in ex.places] == [("Paktika", "Paktika", "admin")]


def test_casualties_colon_breakdown_by_place_is_parts_of_the_event(extract_text):
    """Invented: a total, then "the toll by city: 12 in A and 7 in B": one event of 19 with its
    two places as parts; no actor (nobody is said to have caused the floods)."""
    ex = extract_text("Floods swept through northern Peru on Saturday, killing 19 people. "
                      "Officials gave the toll by city: 12 in Piura and 7 in Tumbes.", published="2024-03-10")
    assert len(ex.casualties) == 1
    c = ex.casualties[0]
    assert (c.place, c.killed_min, c.killed_max, c.actor, c.date) == ("Peru", 19, 19, None, "2024-03-09")
    assert [(p.place, p.killed_min) for p in c.parts] == [("Piura", 12), ("Tumbes", 7)]


def test_casualties_colon_breakdown_alone_sums_its_parts(extract_text):
    """Invented: the breakdown is the only count of the event: its total is the sum of its parts."""
    ex = extract_text("A missile strike hit Ukraine on Monday. Officials gave the toll by city: 12 in Kharkiv, 5 in Sumy.",
                      published="2024-03-10")
    assert [(c.killed_min, c.actor) for c in ex.casualties] == [(17, None)]
    assert [(p.place, p.killed_min) for p in ex.casualties[0].parts] == [("Kharkiv", 12), ("Sumy", 5)]


def test_casualties_colon_list_of_times_is_no_breakdown(extract_text):
    ex = extract_text("Three people were killed in Lima on Monday. The meeting ran in two sessions: 10 at noon and 3 at 5 p.m.",
                      published="2024-03-10")
    assert [(c.place, c.killed_min, c.parts) for c in ex.casualties] == [("Lima", 3, [])]


# ----------------------------------------------------------------------------- one event, one record (issue 11.5)
def test_casualties_increment_explaining_a_toll_update_is_inside_the_new_total(extract_text):
    """Invented: 'the toll had climbed to 25 after rescuers recovered seven more bodies' is 25, not 32."""
    ex = extract_text("Mudslides killed 18 people in Ecuador on Sunday. On Monday officials said the death toll "
                      "had climbed to 25 after rescuers recovered seven more bodies.", "2025-03-11")
    c = only(ex)
    assert (c.place, c.killed_min, c.killed_max, c.date, c.parts) == ("Ecuador", 25, 25, "2025-03-09", [])
    assert ex.article.text[c.start:c.start + 9] == "On Monday"


@pytest.mark.parametrize(
    "update",
    [
        "Later on Monday the coast guard raised the death toll to 16.",
        "The death toll now stands at 16, the coast guard said.",
        "By Monday the toll had jumped to 16.",
        "Officials put the toll at 16 on Monday.",
    ],
)
def test_casualties_toll_update_verbs_replace_the_event_total(extract_text, update):
    """Invented: 'raised the toll to N', 'stands at N', 'jumped to N', 'put the toll at N' give the
    event's latest total: one record of 16, not 11 and not 27."""
    ex = extract_text(f"A ferry sank near Mombasa on Sunday, killing 11 passengers. {update}", "2025-03-11")
    c = only(ex)
    assert (c.place, c.killed_min, c.killed_max, c.date) == ("Mombasa", 16, 16, "2025-03-09")
    assert ex.article.text[c.start:c.end] == update


@pytest.mark.parametrize(
    "sentence",
    [
        "Wildfires killed 12 people in Chile on Sunday, the interior ministry said: 8 in Valparaiso and 4 in Concepcion.",
        "Wildfires killed 12 people across Chile on Sunday, 8 in Valparaiso and 4 in Concepcion.",
        "Wildfires killed 12 people across Chile on Sunday, including 8 in Valparaiso and 4 in Concepcion.",
    ],
)
def test_casualties_total_followed_by_its_breakdown_is_not_one_of_its_parts(extract_text, sentence):
    """Invented: a total then its per-place breakdown (after a colon, 'including', or at places inside
    the total's country) is one event of 12 with two parts, not 24 with the total as a third part."""
    c = only(extract_text(sentence, "2025-03-11"))
    assert (c.place, c.killed_min, c.killed_max) == ("Chile", 12, 12)
    assert [(p.place, p.killed_min, p.killed_max) for p in c.parts] == [("Valparaiso", 8, 8), ("Concepcion", 4, 4)]


def test_casualties_numbers_listed_by_time_of_day_are_no_parts(extract_text):
    """Invented: '8 in the morning and 4 at night' lists times, not places: no extra count, no parts."""
    c = only(extract_text("Floods killed 12 people on Sunday, 8 in the morning and 4 at night.", "2025-03-11"))
    assert (c.killed_min, c.killed_max, c.parts) == (12, 12, [])


def test_casualties_breakdown_then_update_keeps_parts_under_the_latest_total(extract_text):
    """Invented: 'At least 20 ...: 11 in A, 6 in B and 3 in C' then 'the toll had climbed to 26':
    one event of 26 whose parts are the three cities."""
    text = ("At least 20 people died in protests across Kenya on Monday, police said: 11 in Nairobi, 6 in Mombasa "
            "and 3 in Kisumu. On Tuesday hospital staff said the toll had climbed to 26.")
    c = only(extract_text(text, "2025-03-11"))
    assert (c.place, c.killed_min, c.killed_max, c.killed_qualifier) == ("Kenya", 26, 26, "exact")
    assert [(p.place, p.killed_min) for p in c.parts] == [("Nairobi", 11), ("Mombasa", 6), ("Kisumu", 3)]


def test_casualties_injured_and_missing_after_the_event_belong_to_it(extract_text):
    """Invented: 'Another 25 people were hurt and 3 are still missing' right after 'killed 9' is that
    event's injured and missing: one record."""
    c = only(extract_text("Heavy rain killed 9 people in Ghana on Monday. Another 25 people were hurt and 3 are "
                          "still missing.", "2025-03-11"))
    assert counts(c) == {"killed_min": 9, "killed_max": 9, "injured_min": 25, "injured_max": 25,
                         "missing_min": 3, "missing_max": 3}
    assert c.place == "Ghana"


@pytest.mark.parametrize(
    "second, expected",
    [
        # a word setting the count apart: another event
        ("Elsewhere, 25 people were hurt and 3 are still missing.",
         [("Accra", 9, None, None), ("Accra", None, 25, 3)]),
        # a place of its own that is not the event's: another event
        ("In a landslide in Kumasi, 25 people were hurt.", [("Accra", 9, None, None), ("Kumasi", None, 25, None)]),
        # more dead, said to be more: added to the event
        ("Rescuers found two more bodies on Tuesday.", [("Accra", 11, None, None)]),
    ],
)
def test_casualties_later_counts_join_the_event_only_when_they_continue_it(extract_text, second, expected):
    """Invented: counts after an event join it only at its place, with no word setting them apart."""
    recs = extract_text(f"Heavy rain killed 9 people in Accra on Monday. {second}", "2025-03-11").casualties
    assert [(r.place, r.killed_min, r.injured_min, r.missing_min) for r in recs] == expected


def test_casualties_increment_at_a_part_place_grows_that_part(extract_text):
    """Invented: after '12 died in Piura and 7 in Tumbes', 'the toll rose to 24 after five more bodies
    were found in Piura' is one event of 24 whose Piura part is 17 (from the update sentence)."""
    text = ("Floods killed 19 people in Peru on Sunday. Officials said 12 people died in Piura and 7 in Tumbes. "
            "On Monday the toll rose to 24 after five more bodies were found in Piura.")
    ex = extract_text(text, "2025-03-11")
    c = only(ex)
    assert (c.place, c.killed_min, c.killed_max) == ("Peru", 24, 24)
    assert [(p.place, p.killed_min, p.killed_max, text[p.start:p.start + 9]) for p in c.parts] == [
        ("Piura", 17, 17, "On Monday"), ("Tumbes", 7, 7, "Officials")]


@pytest.mark.parametrize(
    "update, expected",
    [
        ("The number of dead reached 20 on Monday.", 20),
        ("The number of deaths rose to 20 on Monday.", 20),
        ("So far 20 people have died, officials said on Monday.", 20),
        # a running total of the year is background, never the event's total
        ("So far this year 300 people have died in floods in Chile.", 12),
    ],
)
def test_casualties_number_of_dead_and_so_far_update_the_event(extract_text, update, expected):
    """Invented: 'the number of dead reached N' and 'so far N have died' give the event's latest total."""
    c = only(extract_text(f"Floods killed 12 people in Chile on Sunday. {update}", "2025-03-11"))
    assert (c.place, c.killed_min, c.killed_max, c.date) == ("Chile", expected, expected, "2025-03-09")


# ----------------------------------------------------------------------------- victims the word lists do not name
@pytest.mark.parametrize(
    "text,expected",
    [
        # manners of death are casualty words; a conjoined verb's own count is its victims, not the first verb's
        ("Ninety sailors were rescued off Tarifa, and at least a dozen drowned, the navy said.",
         {"killed_min": 12, "killed_max": None}),
        ("Eight climbers perished in an avalanche near Chamonix on Sunday.", {"killed_min": 8, "killed_max": 8}),
        # "found dead": the passive subject is the victim
        ("Three anglers were found dead near Bergen on Monday, police said.", {"killed_min": 3, "killed_max": 3}),
        # an agent noun by its ending counts people; a definite singular one is one victim
        ("The deputy governor was assassinated in Mazar on Friday.", {"killed_min": 1, "killed_max": 1}),
        # kinship nouns count people; their ages are not counts
        ("An elderly man died and his three grandsons, aged 6 and 9, were injured in the fire in Lyon, police said.",
         {"killed_min": 1, "killed_max": 1, "injured_min": 3, "injured_max": 3}),
        # a plural compound agent noun ("dockworkers" <- work) and the person ending -eer count people
        ("Two steelworkers and three mountaineers were killed in the blast near Katowice.",
         {"killed_min": 5, "killed_max": 5}),
    ],
    ids=["drowned-own-count", "perished", "found-dead", "agent-noun", "kinship", "compound-agent-eer"],
)
def test_casualties_victims_by_manner_kinship_and_agent_nouns(extract_text, text, expected):
    """Test the victim families beyond the person-noun list: manner-of-death verbs, a conjoined verb's
    own count, "found dead", agent nouns by their ending, kinship nouns."""
    c = only(extract_text(text))
    assert counts(c) == dict.fromkeys(COUNT_KEYS) | expected


def test_casualties_agent_noun_ending_skips_animals(extract_text):
    """Test that the agent-noun ending does not make an animal count ('two hundred lobsters' stays out)."""
    ex = extract_text("Two hundred lobsters died when the tank failed at the harbour.")
    assert ex.casualties == []


def test_casualties_missing_things_are_not_counted_by_ending(extract_text):
    """Test that the agent-noun ending counts no missing things ('three trawlers are missing'), while
    the word lists still count missing people."""
    ex = extract_text("Three trawlers and their 14 crew members are missing off Cork, the coast guard said.")
    c = only(ex)
    assert counts(c) == dict.fromkeys(COUNT_KEYS) | {"missing_min": 14, "missing_max": 14}


def test_casualties_update_of_the_injured_alone_replaces_the_events_injured(extract_text):
    """Test that "the number of injured climbed to N" after an event updates that event's injured count
    (one event), and keeps the death toll's sentence as the event's provenance."""
    text = ("A storm hit the coast near Varna on Monday, killing 12 people and injuring 80, officials said. "
            "Rescue teams searched the harbour overnight. The number of injured climbed to 95 on Tuesday.")
    c = only(extract_text(text, "2026-02-02"))
    assert counts(c) == dict.fromkeys(COUNT_KEYS) | {"killed_min": 12, "killed_max": 12, "injured_min": 95, "injured_max": 95}
    assert text[c.start:c.end].startswith("A storm hit the coast")


def test_casualties_number_of_people_killed_is_a_toll(extract_text):
    """Test that "the number of people killed reached N" states a death toll."""
    c = only(extract_text("The number of people killed in the floods near Sibiu reached 17 on Sunday, rescuers said."))
    assert (c.killed_min, c.killed_max) == (17, 17)


def test_casualties_left_in_a_state(extract_text):
    """Test that "left N people missing / dead" counts the object of "leave" in that state."""
    c = only(extract_text("The landslide near Bergamo left four tourists missing and two dead, rescuers said."))
    assert (c.missing_min, c.killed_min) == (4, 2)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a definite phrase with its own number is a count, not a back-reference
        ("Three nurses were among the 14 people killed in the attack near Goma, the army said.",
         {"killed_min": 14, "killed_max": 14}),
    ],
    ids=["among-the-N-killed"],
)
def test_casualties_definite_phrase_with_its_number_is_a_count(extract_text, text, expected):
    c = only(extract_text(text))
    assert counts(c) == dict.fromkeys(COUNT_KEYS) | expected


def test_casualties_bare_modal_is_no_event(extract_text):
    assert extract_text("The new dam could kill thousands of fish and displace 200 families, experts warned.").casualties == []


@pytest.mark.parametrize(
    "text,place",
    [
        # parts in two first-level areas: the country, from the gazetteer when the article does not name it
        ("The floods killed 17 people: 10 in Sindh and seven in Balochistan, officials said.", "Pakistan"),
        # parts in one first-level area: that area
        ("The storm killed 9 people: 5 in Izmir and 4 in Torbali, officials said.", "Izmir"),
    ],
    ids=["two-areas-country", "one-area"],
)
def test_casualties_breakdown_total_at_the_smallest_common_area(extract_text, text, place):
    c = only(extract_text(text))
    assert (c.place, len(c.parts)) == (place, 2)


def test_casualties_toll_update_goes_to_the_main_event_not_the_last_one(extract_text):
    """Test that "the death toll rose to N" with no place of its own updates the article's largest toll,
    not a smaller event told in between at another place (which keeps its own count)."""
    ex = extract_text("A ferry capsized near Mwanza on Monday, killing 20 people, police said. "
                      "Three fishermen drowned near Musoma when their boat hit a rock. "
                      "Later the death toll rose to 26, police said.")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Mwanza", 26), ("Musoma", 3)]


def test_casualties_left_n_missing_with_the_number_on_the_state(extract_text):
    """Test "the quake left 12 missing", where the number modifies the state word."""
    c = only(extract_text("Another 40 people were injured and the storm left 12 missing."))
    assert (c.injured_min, c.missing_min) == (40, 12)


def test_casualties_capital_speaking_for_its_government_is_no_event_place(extract_text):
    """Test that a national capital as the subject of a reporting verb ("Kyiv said ...") is the government
    speaking: the injured it reports join the event told before, at that event's place."""
    c = only(extract_text("A missile hit a market in Kherson on Monday, killing five people. Kyiv said 23 people "
                          "were injured.", "2025-02-10"))
    assert (c.place, c.killed_min, c.injured_min) == ("Kherson", 5, 23)


def test_casualties_update_of_one_place_updates_that_part_and_the_total(extract_text):
    """Test that a later toll for one place of a multi-place event ('... 30 in A and 9 in B. The toll in A
    rose to 41') replaces that part and moves the event total by the difference (50), not to 41."""
    c = only(extract_text("At least 30 people were killed in Gulu on Sunday and 9 more died in Lira on Monday, "
                          "the Red Cross said. The toll in Gulu later rose to 41.", "2025-02-10"))
    assert (c.killed_min, c.killed_max) == (50, None)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Gulu", 41), ("Lira", 9)]


def test_casualties_inverted_among_and_a_compound_person_noun(extract_text):
    """Test that 'Among the people killed ... was a schoolteacher' counts the one victim named (a compound
    ending in a listed person noun is a person)."""
    c = only(extract_text("Among the people killed in the shelling of Vovchansk was a schoolteacher.", "2025-02-10"))
    assert (c.place, c.killed_min, c.killed_max) == ("Vovchansk", 1, 1)


def test_casualties_dead_included_breakdown_gives_parts(extract_text):
    """Test that 'The dead included 9 in A and 4 in B' after a total of 13 gives the event's parts, no new dead."""
    c = only(extract_text("A landslide in western Kenya killed 13 people on Sunday. The dead included 9 in Kakamega and 4 "
                          "in Bungoma.", "2025-02-10"))
    assert c.killed_min == 13
    assert [(p.place, p.killed_min) for p in c.parts] == [("Kakamega", 9), ("Bungoma", 4)]


def test_casualties_question_how_many_is_no_count(extract_text):
    """Test that "how many people have died?" asks for a count and states none (no record)."""
    assert extract_text("Reporter: how many people have died in Zomba since Friday?").casualties == []


def test_casualties_between_range_after_an_active_verb(extract_text):
    """Test that "killed between 12 and 20 civilians" (the parser makes "between" a preposition of the
    verb) is a range of 12-20 killed."""
    c = only(extract_text("Rocket fire on the market killed between 12 and 20 civilians on Tuesday, the mayor said."))
    assert (c.killed_min, c.killed_max, c.killed_qualifier) == (12, 20, "range")


def test_casualties_left_list_of_states_counts_each_by_word_order(extract_text):
    """Test that "left N dead, M injured and about K missing" gives each count to its own state word,
    whatever the parse hangs the later numbers on (invented sentence)."""
    c = only(extract_text("The cyclone has left 38 dead, 210 injured and about 17 missing along the delta, officials said."))
    assert counts(c) == {"killed_min": 38, "killed_max": 38, "injured_min": 210, "injured_max": 210,
                         "missing_min": 17, "missing_max": 17}
    assert (c.killed_qualifier, c.injured_qualifier) == ("exact", "exact")


def test_casualties_a_title_holder_coordinated_with_counted_victims(extract_text):
    """Test that "a village chief and his three brothers" counts four killed (a singular title word with a
    determiner names one person)."""
    c = only(extract_text("Bandits killed a village chief and his three brothers near Dosso on Monday."))
    assert (c.killed_min, c.killed_max) == (4, 4)


def test_casualties_gapped_another_and_a_place_phrase_the_parser_hung_elsewhere(extract_text):
    """Test that "killed in the town of A and three in B" and "two ... in A and another in B" give one
    event with a part per place, the words' order deciding whose place phrase is whose (invented sentences)."""
    c = only(extract_text("Five people were killed in the town of Kidal and three in Gao, the army said."))
    assert (c.killed_min, [(p.place, p.killed_min) for p in c.parts]) == (8, [("Kidal", 5), ("Gao", 3)])
    c = only(extract_text("Two soldiers were killed in Kidal and another in Gao, the army said."))
    assert (c.killed_min, [(p.place, p.killed_min) for p in c.parts]) == (3, [("Kidal", 2), ("Gao", 1)])


def test_casualties_later_breakdown_and_toll_update_make_one_event(extract_text):
    """Test that a total, then its breakdown by village with the wounded, then a raised toll are one event
    (the breakdown's parts, the wounded joined, the last toll), not a second event at a village."""
    c = only(extract_text(
        "Drones struck two villages in the Sumy region overnight, killing at least five people, officials said.\n\n"
        "The governor said that three people were killed in the village of Krasnopillia and two in Myropillia, "
        "and that nine others were wounded.\n\n"
        "Later on Sunday, prosecutors raised the death toll to seven, saying two more bodies were found in Krasnopillia."))
    assert (c.killed_min, c.killed_max, c.injured_min, c.injured_qualifier) == (7, 7, 9, "exact")


def test_casualties_of_the_dead_breakdown_is_no_second_event(extract_text):
    """Test that "Six of the dead were from one family in A, and four were killed in B" after a total of
    ten names who the dead were, not more dead, and that a later raised toll updates the one event."""
    c = only(extract_text("Airstrikes on two houses in central Gaza killed 10 people overnight, medics said.\n\n"
                          "Six of the dead were from one family in Nuseirat, and four were killed in a camp nearby.\n\n"
                          "By evening the health ministry said the toll from the strikes had risen to 13."))
    assert (c.place, c.killed_min, c.killed_max) == ("Gaza", 13, 13)


@pytest.mark.parametrize("text", [
    "A landmine killed four herders near Kidal on Sunday, two weeks after an ambush in the same valley killed nine.",
    "Two days before a car bomb killed 12 people in the capital, gunmen killed four guards near Kidal.",
])
def test_casualties_event_dated_by_its_distance_is_background(extract_text, text):
    """Test that a casualty clause opened by "after"/"before" measured in time ("two weeks after an ambush
    killed nine") reports another event: its victims are not added to the sentence's event."""
    c = only(extract_text(text))
    assert (c.place, c.killed_min, c.killed_max) == ("Kidal", 4, 4)


def test_casualties_date_not_taken_from_another_paragraph_on_something_else(extract_text):
    """Test that an undated casualty sentence does not take the weekday of an earlier paragraph about
    something else ("Talks resumed on Monday.") but the publication date, while an earlier sentence of
    its own paragraph still dates it."""
    ex = extract_text("Talks resumed in Lausanne on Monday.\n\nMeanwhile an airstrike killed five people in Kidal, medics said.",
                      "2025-03-14")
    assert [(c.place, c.date) for c in ex.casualties] == [("Kidal", "2025-03-14")]
    ex = extract_text("Drones attacked Kidal on Monday. An airstrike killed five people there, medics said.", "2025-03-14")
    assert [c.date for c in ex.casualties] == ["2025-03-10"]


def test_casualties_unknown_named_place_does_not_inherit_another_town(extract_text):
    """Test that a casualty sentence naming a place the gazetteer lacks ("the district of Varnok") does not
    take a town named earlier for something else: no place rather than a wrong one."""
    ex = extract_text("Floods hit Nepal this week. A bus from Pokhara was swept away, police said.\n\n"
                      "Separately, two people drowned in the southern district of Varnok, officials said.")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [(None, 2)]


def test_casualties_number_opening_the_first_line_after_a_headline(extract_text):
    """Test that a headline without a final period does not cut a number word opening the next line into a
    sentence of its own ("Strikes in Rafah" / "Seven people were killed ..."): the count and the quotation keep it."""
    ex = extract_text("Strikes in Rafah\n\nSeven people were killed in Jabalia, medics said.")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Jabalya", 7)]
    assert [q.text for q in ex.quotes] == ["Seven people were killed in Jabalia"]


def test_casualties_unknown_place_is_its_own_event(extract_text):
    """Test that a count at places the gazetteer lacks, after an event at a named town, is its own event
    with no place: not merged into the town's event, nor placed there."""
    ex = extract_text("In Macon, Georgia, a storm left 3 dead, officials said.\n\n"
                      "Seven people were killed in Varnok and Tel Sabra on Monday, medics said.")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Macon", 3), (None, 7)]


def test_casualties_children_among_the_wounded_are_no_more_wounded(extract_text):
    """Invented: 'Among the wounded were eleven children' after 'wounding 40' names who the wounded
    were, as 'among the dead' does for the dead: one event, 40 injured, no record of 11."""
    c = only(extract_text("Market bombing\n\nA bomb exploded at a market in Peshawar on Friday, killing six people and "
                          "wounding 40, police said. Among the wounded were eleven children.\n", "2025-05-10"))
    assert (c.place, c.killed_min, c.injured_min) == ("Peshawar", 6, 40)


def test_casualties_toll_of_a_part_named_in_the_article_s_spelling(extract_text):
    """Invented: 'the toll in Kupiansk' updates the part the gazetteer spells Kupyansk (the article's
    spelling of the part's place), so the event grows by the difference (9 -> 11), not to 8."""
    c = only(extract_text("Missiles hit Ukraine\n\nMissile strikes killed nine people in the Kharkiv region of Ukraine "
                          "on Sunday: six in Kupiansk and three in Izium, the governor said. The toll in Kupiansk later "
                          "rose to eight.\n", "2025-05-12"))
    assert (c.place, c.killed_min) == ("Kharkiv", 11)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Kupyansk", 8), ("Izyum", 3)]


def test_casualties_part_in_a_village_the_gazetteer_lacks(extract_text):
    """Invented: 'four in Kisumu and three in the village of Nyamwanda' is a breakdown although the
    gazetteer lacks the village: its part is named as written (no coordinates), the total is at the
    country (the village's area is unknown), and 'the toll in Nyamwanda rose to five' updates that part."""
    c = only(extract_text("Floods in Kenya\n\nFloods killed seven people in Kenya on Monday: four in Kisumu and three "
                          "in the village of Nyamwanda, officials said. The toll in Nyamwanda later rose to five.\n",
                          "2025-05-12"))
    assert (c.place, c.killed_min) == ("Kenya", 9)
    assert [(p.place, p.killed_min, p.lat) for p in c.parts] == [("Kisumu", 4, pytest.approx(-0.1, abs=0.1)),
                                                                 ("Nyamwanda", 5, None)]


@pytest.mark.parametrize("text, place, killed", [
    ("Landslides in Peru\n\nLandslides killed 40 people in the Cusco region of Peru, including 9 in Quillabamba, "
     "officials said.\n", "Cusco", 40),
    ("Heatwave\n\nAt least 60 people died across Pakistan last week, 25 of them in Karachi.\n", "Pakistan", 60),
])
def test_casualties_a_part_after_including_or_of_them_is_inside_the_total(extract_text, text, place, killed):
    """Invented: one count after 'including' or 'N of them' is a part of the total before it, never added
    to it, and the total keeps its own place (the area named before the part, not the part's city)."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min) == (place, killed)


def test_casualties_of_two_subjects_the_parser_gives_a_verb_the_nearest_is_the_victim(nlp):
    """Invented, with the parse the model gives such sentences set by hand: in "According to the district
    chief, Amina Diallo, 12 villagers were killed" the name set off by commas is parsed as a second subject
    of "killed"; a verb has one subject, the one nearest before it (the villagers), so the name is no victim."""
    from spacy.tokens import Doc

    from components.extract.casualties import _direct_victims

    words = ["According", "to", "the", "district", "chief", ",", "Amina", "Diallo", ",", "12", "villagers", "were",
             "killed", "."]
    heads = [12, 0, 4, 4, 1, 12, 7, 12, 12, 10, 12, 12, 12, 12]
    deps = ["prep", "prep", "det", "compound", "pobj", "punct", "compound", "nsubjpass", "punct", "nummod",
            "nsubjpass", "auxpass", "ROOT", "punct"]
    pos = ["VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NUM", "NOUN", "AUX", "VERB",
           "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    killed = doc[12]
    assert [t.text for t in _direct_victims(killed, list(killed.children), "kill")] == ["villagers"]


def test_casualties_medics_and_volunteers_are_people(extract_text):
    """Invented: person nouns with no person ending ("medics", "volunteers") are counted victims."""
    c = only(extract_text("Convoy hit\n\nTwo medics and four volunteers were killed when a convoy was shelled near "
                          "Izium on Sunday.\n", "2025-06-02"))
    assert (c.place, c.killed_min) == ("Izyum", 6)


def test_casualties_toll_rising_to_a_number_of_dead_updates_it(extract_text):
    """Invented: "the toll rose to 12 dead" gives the toll's new value as "rose to 12" does."""
    c = only(extract_text("Flooding\n\nAt least 8 people were killed in Mombasa on Monday. On Tuesday the toll rose to "
                          "12 dead.\n", "2025-06-03"))
    assert (c.place, c.killed_min, c.killed_qualifier) == ("Mombasa", 12, "exact")


def test_casualties_two_more_died_joins_the_event(extract_text):
    """Invented: "Two more died in hospital" after "Six people were killed in A": the parser hangs "more"
    after the number; it is still an increment, so one event of 8."""
    c = only(extract_text("Bus crash\n\nSix people were killed when a bus overturned near Gulu on Friday. Two more died "
                          "in hospital overnight.\n", "2025-06-07"))
    assert (c.place, c.killed_min) == ("Gulu", 8)


@pytest.mark.parametrize("when", ["Last month", "Two years ago", "Ten years ago", "A decade ago"])
def test_casualties_an_earlier_attack_dated_relative_to_the_report_is_background(extract_text, when):
    """Invented: "Last month, 11 officers were killed in a similar attack" after the day's event is an
    earlier event told as background, not a second record (nor a record dated the report's day)."""
    ex = extract_text("Bombing\n\nA roadside bomb killed four police officers near Kandahar on Monday, officials said. "
                      f"{when}, 11 officers were killed in a similar attack in the province.\n", "2025-03-12")
    assert [(c.place, c.killed_min, c.date) for c in ex.casualties] == [("Kandahar", 4, "2025-03-10")]


def test_casualties_a_subset_is_a_part_that_a_later_toll_updates(extract_text):
    """Invented: "killed 30 people in Sindh province, including 5 in Thatta" gives a part of 5 at Thatta
    inside the 30; "the toll in Thatta rose to 8" then makes the event 33, not 8."""
    c = only(extract_text("Heat\n\nA heatwave killed 30 people in Sindh province on Monday, including 5 in Thatta. On "
                          "Tuesday the toll in Thatta rose to 8.\n", "2025-06-10"))
    assert (c.place, c.killed_min) == ("Sindh", 33)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Thatta", 8)]


def test_casualties_a_total_named_only_through_its_subset_is_at_the_subset_s_country(extract_text):
    """Invented: "killed 40 people on Saturday, including 15 in Lviv": the one place named is the part's,
    so the total is at Lviv's country, not at Lviv."""
    c = only(extract_text("Strikes\n\nMissile strikes killed 40 people on Saturday, including 15 in Lviv, officials "
                          "said.\n", "2025-06-10"))
    assert (c.place, c.killed_min, [(p.place, p.killed_min) for p in c.parts]) == ("Ukraine", 40, [("Lviv", 15)])


def test_casualties_victims_among_the_wounded_from_another_country_are_no_event_there(extract_text):
    """Invented: "Among the wounded were two children and a tourist from Italy. Among the dead was a
    student" names who the victims of the Lyon event were: no event in Italy, no more victims."""
    ex = extract_text("Bridge\n\nA footbridge collapsed in Lyon on Wednesday, killing 4 people and wounding 10. Among the "
                      "wounded were two children and a tourist from Italy. Among the dead was a student, the fire "
                      "service said.\n", "2025-06-12")
    assert [(c.place, c.killed_min, c.injured_min) for c in ex.casualties] == [("Lyon", 4, 10)]


# ----------------------------------------------------------------------------- breakdowns that add up; unconfirmed deaths
def test_casualties_parts_after_a_comma_that_add_up_to_the_first_count_are_its_breakdown(extract_text):
    """Invented: 'killed 19 people on Friday, 11 in A and 8 in B': the first count names no place and the
    next two add up to it exactly, so they are its parts (one event of 19 at their country), not 38."""
    ex = extract_text("Landslides in Peru\n\nLandslides killed 19 people on Friday, 11 in Cusco and 8 in Arequipa, "
                      "the civil defence agency said.", "2025-03-10")
    c = only(ex)
    assert (c.place, c.killed_min, c.killed_max) == ("Peru", 19, 19)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Cusco", 11), ("Arequipa", 8)]


def test_casualties_separate_counts_that_do_not_add_up_stay_summed(extract_text):
    """Invented: '9 people on Friday, 6 in A and 5 in B' (6 + 5 is not 9): no breakdown of the first, a sum."""
    ex = extract_text("Landslides in Peru\n\nLandslides killed 9 people on Friday, 6 in Cusco and 5 in Arequipa.", "2025-03-10")
    assert sum(c.killed_min for c in ex.casualties) == 20


def test_casualties_of_the_dead_comma_breakdown_gives_the_parts(extract_text):
    """Invented: 'Of the 30 dead, 18 were in A and 12 in B' after a report of the 30: one event of 30
    with two parts (the breakdown is introduced by 'Of the N dead,' as by a colon)."""
    ex = extract_text("Heatwave in India\n\nA heatwave killed 30 people on Monday. Of the 30 dead, 18 were in Nagpur "
                      "and 12 in Jaipur, health officials said.", "2025-05-13")
    c = only(ex)
    assert (c.place, c.killed_min) == ("India", 30)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Nagpur", 18), ("Jaipur", 12)]


@pytest.mark.parametrize("state", ["are feared dead", "were presumed dead", "are believed dead"])
def test_casualties_feared_or_presumed_dead_are_missing_not_killed(extract_text, state):
    """Invented: people 'feared / presumed / believed dead' are deaths not confirmed: missing, never killed."""
    ex = extract_text(f"Fishing boat lost\n\nNine fishermen {state} after their boat sank off Mombasa on Sunday.", "2025-03-11")
    c = only(ex)
    assert (c.place, c.killed_min, c.missing_min, c.missing_max) == ("Mombasa", None, 9, 9)


def test_casualties_a_fear_of_deaths_to_come_is_still_no_event(extract_text):
    """Invented: 'officials fear the storm could kill dozens': a fear, not a count of anyone (the feared-dead
    reading does not open the door to forecasts)."""
    ex = extract_text("Storm nears Kenya\n\nOfficials fear the storm could kill dozens of people near Mombasa.", "2025-03-11")
    assert ex.casualties == []


@pytest.mark.parametrize("sentence,killed,perpetrators", [
    # a manner of death before "to death": the verb's victims
    ("A taxi driver was beaten to death outside his home in Mombasa on Friday.", 1, None),
    ("Attackers hacked three farmers to death near Mombasa on Friday.", 3, None),
    # recovered bodies counted by the noun after "of"
    ("The bodies of four climbers were pulled from a crevasse near Mombasa on Friday.", 4, None),
    # lives as the object of a verb that takes them
    ("The blaze claimed nine lives at a warehouse in Mombasa on Friday.", 9, None),
    ("The collapse cost eleven lives in Mombasa on Friday.", 11, None),
    # a group counted by the number after "of"
    ("An airstrike killed a family of five in Mombasa on Friday.", 5, None),
    # "shot dead N people" (dead as the verb's complement) and the gunman's own death apart
    ("A gunman shot dead four people at a bus station in Mombasa on Friday before killing himself.", 4, 1),
])
def test_casualties_common_death_phrasings_give_their_count(extract_text, sentence, killed, perpetrators):
    """Invented: phrasings of a death that name no 'killed' with a counted subject."""
    c = only(extract_text(f"Deaths in Kenya\n\n{sentence}", "2025-03-11"))
    assert (c.place, c.killed_min, c.killed_max, c.perpetrator_killed_min) == ("Mombasa", killed, killed, perpetrators)


def test_casualties_bystanders_hurt_after_a_semicolon_are_injured(extract_text):
    """Invented: 'eleven onlookers were hurt' after a semicolon: people at the scene are counted people."""
    c = only(extract_text("Clash in Kenya\n\nThree officers were killed in a gunfight in Mombasa; eleven onlookers were hurt.",
                          "2025-03-11"))
    assert (c.killed_min, c.injured_min) == (3, 11)


def test_casualties_killed_here_and_wounded_there_are_parts_at_their_places(extract_text):
    """Invented: 'killed 3 people in A and wounded 8 in B': one event over both places (their country),
    each count a part at its own place, not both counts at B."""
    c = only(extract_text("Strikes in Ukraine\n\nDrones killed three people in Sumy and wounded eight in Poltava, officials said.",
                          "2025-03-11"))
    assert (c.place, c.killed_min, c.injured_min) == ("Ukraine", 3, 8)
    assert [(p.place, p.killed_min, p.injured_min) for p in c.parts] == [("Sumy", 3, None), ("Poltava", None, 8)]


def test_casualties_a_cause_word_naming_a_body_is_no_cause(extract_text):
    """Invented: 'the regional fire service said' names who reports, not what killed: the cause is the flood."""
    c = only(extract_text("Flash flood in Kenya\n\nA flash flood swept through a market in Mombasa on Tuesday, killing three "
                          "people, the regional fire service said.", "2025-03-12"))
    assert (c.killed_min, c.cause) == (3, "flood")


def test_casualties_namesake_towns_in_two_states_are_two_parts(extract_text):
    """Invented: 'three in Springfield, Illinois, and one in Springfield, Missouri': two places of one name are
    two parts, not one place of four."""
    c = only(extract_text("Tornadoes\n\nTornadoes killed three people in Springfield, Illinois, and one in Springfield, "
                          "Missouri, on Sunday.", "2025-03-11"))
    assert (c.country, c.killed_min) == ("US", 4)
    assert [(p.place, p.killed_min) for p in c.parts] == [("Springfield", 3), ("Springfield", 1)]
    assert c.parts[0].lat != c.parts[1].lat


def test_casualties_victims_named_before_the_toll_are_inside_it(extract_text):
    """Invented: 'Among the dead in the Herat blast were three teachers and a nurse. The explosion killed 11 people
    in all.': one event of 11, the four named victims its parts, not 4 + 11."""
    ex = extract_text("Herat blast\n\nAmong the dead in the Herat blast were three teachers and a nurse. The explosion "
                      "killed 11 people in all.", "2025-03-11")
    c = only(ex)
    assert (c.place, c.killed_min) == ("Herat", 11)
    assert [(p.group, p.killed_min) for p in c.parts] == [("teacher", 3), ("nurse", 1)]


@pytest.mark.parametrize("sentence,injured", [
    ("A gas explosion killed one worker in Mombasa on Friday and three others remain in serious condition.", 3),
    ("A gas explosion killed one worker in Mombasa on Friday; 14 were hospitalised with burns.", 14),
])
def test_casualties_patients_in_a_condition_or_in_hospital_are_injured(extract_text, sentence, injured):
    """Invented: people 'in serious condition' or 'hospitalised' are counted as injured."""
    c = only(extract_text(f"Blast in Kenya\n\n{sentence}", "2025-03-11"))
    assert (c.place, c.killed_min, c.injured_min) == ("Mombasa", 1, injured)


def test_casualties_a_pronoun_in_critical_condition_is_a_victim_counted_before(extract_text):
    """Invented: 'A cyclist was injured ... He remains in critical condition at a hospital in B': the same
    victim, not a second record at the hospital's town."""
    ex = extract_text("Crash\n\nA cyclist was injured in a crash near Mombasa on Sunday. He remains in critical condition "
                      "at a hospital in Nairobi.", "2025-03-11")
    assert [(c.place, c.injured_min) for c in ex.casualties] == [("Mombasa", 1)]


@pytest.mark.parametrize("sentence,killed,missing", [
    ("The crash claimed the lives of 9 passengers near Mombasa on Sunday.", 9, None),
    ("Three hikers are presumed dead after a landslide near Mombasa on Sunday.", None, 3),
])
def test_casualties_lives_of_and_hikers(extract_text, sentence, killed, missing):
    """Invented: 'claimed the lives of 9 passengers' counts the passengers; hikers are counted people."""
    c = only(extract_text(f"Kenya\n\n{sentence}", "2025-03-11"))
    assert (c.killed_min, c.missing_min) == (killed, missing)


def test_casualties_parts_adding_up_when_the_model_leaves_a_place_untagged(extract_text):
    """Invented: 'killed 40 people on Tuesday, 15 in Sylhet and 25 in Sunamganj' (the model tags neither town):
    each part names a place, so the parts add up to the total: 40, not 65."""
    c = only(extract_text("Floods\n\nFloods killed 40 people on Tuesday, 15 in Sylhet and 25 in Sunamganj.", "2025-03-12"))
    assert c.killed_min == 40
    assert [(p.place, p.killed_min) for p in c.parts] == [("Sylhet", 15), ("Sunamganj", 25)]


def test_casualties_a_partial_breakdown_after_a_placeless_total_is_inside_it(extract_text):
    """Invented: 'killed 12 people on Monday, 5 in Kabul and 3 in Herat' (5 + 3 < 12, the first count names no
    place): the 12 is the total, the two counts its parts; never 20."""
    c = only(extract_text("Attacks in Afghanistan\n\nBombings killed 12 people on Monday, 5 in Kabul and 3 in Herat.",
                          "2025-03-11"))
    assert (c.killed_min, [(p.place, p.killed_min) for p in c.parts]) == (12, [("Kabul", 5), ("Herat", 3)])


@pytest.mark.parametrize("sentence,killed,injured,perpetrators", [
    # a wounding assault without a death: its victims are injured
    ("Two people were stabbed at a market in Mombasa on Friday.", None, 2, None),
    ("A man stabbed four commuters at a station in Mombasa on Friday.", None, 4, None),
    ("Four people were shot in Mombasa on Friday, none fatally.", None, 4, None),
    ("Two men stabbed two passers-by in Mombasa on Friday before fleeing.", None, 2, None),
    # ... and with a death: the killing's victims, counted once
    ("Gunmen shot dead three villagers near Mombasa on Friday.", 3, None, None),
    ("Two men were shot and killed in Mombasa on Friday.", 2, None, None),
    ("Three people were stabbed to death in Mombasa on Friday.", 3, None, None),
    ("A teenager was fatally shot in Mombasa on Friday.", 1, None, None),
    # the killer's own death after the killing or wounding: a perpetrator, not a victim
    ("The gunman killed five people at a school in Mombasa before taking his own life.", 5, None, 1),
    ("A man stabbed two neighbours in Mombasa on Friday and then killed himself.", None, 2, 1),
])
def test_casualties_wounding_assaults_and_the_killers_own_death(extract_text, sentence, killed, injured, perpetrators):
    """Invented: 'stabbed' / 'shot' without a death word count the injured; 'shot dead', 'shot and killed',
    'to death' and 'fatally' the dead; 'taking his own life' / 'killed himself' after a killing is the attacker's."""
    c = only(extract_text(f"Attacks in Kenya\n\n{sentence}", "2025-03-11"))
    assert (c.place, c.killed_min, c.injured_min, c.perpetrator_killed_min) == ("Mombasa", killed, injured, perpetrators)


@pytest.mark.parametrize("sentence", [
    "The army shot down two drones over Mombasa on Friday.",
    "The director shot the film in Mombasa last year.",
    "Officer Jane Roe, who shot and killed a man in Mombasa, was charged on Thursday.",
    "The video shows a man getting shot in Mombasa.",
])
def test_casualties_shooting_things_or_retold_shootings_is_no_wounding(extract_text, sentence):
    """Invented: 'shot down two drones', 'shot the film': no person wounded; 'shot and killed a man' is one
    death, never also an injury (here a background clause: no record), and 'a man getting shot' counts nobody
    ("shot" retells deaths: only victims counted by a number are injured)."""
    assert [(c.killed_min, c.injured_min) for c in extract_text(f"Notes from Kenya\n\n{sentence}", "2025-03-11").casualties
            if c.injured_min] == []


def test_casualties_shot_and_wounded_counts_the_victim_once(extract_text):
    """Invented: 'shot and wounded a policeman': one injured, not two."""
    c = only(extract_text("Clash in Kenya\n\nOne of the smugglers shot and wounded a policeman near Mombasa on Friday.", "2025-03-11"))
    assert (c.killed_min, c.injured_min) == (None, 1)


def test_casualties_a_suicide_alone_is_a_death(extract_text):
    """Invented: 'took his own life' with no killing before it is a death (no attack, no perpetrator)."""
    c = only(extract_text("Harvest fails in Kenya\n\nA farmer took his own life near Mombasa after the harvest failed.", "2025-03-11"))
    assert (c.killed_min, c.perpetrator_killed_min) == (1, None)


@pytest.mark.parametrize("sentence,killed,injured", [
    ("Two police officers were shot in Mombasa overnight, neither fatally.", None, 2),
    ("Five people were shot in Mombasa on Friday, all of them fatally.", 5, None),
    ("A man stabbed three coworkers at a warehouse in Mombasa on Monday.", None, 3),
])
def test_casualties_fatally_denied_or_stated_and_colleagues(extract_text, sentence, killed, injured):
    """Invented: 'neither / none fatally' keeps the victims injured, 'all of them fatally' makes them dead, and
    colleagues or coworkers are counted people."""
    c = only(extract_text(f"Attacks in Kenya\n\n{sentence}", "2025-03-11"))
    assert (c.killed_min, c.injured_min) == (killed, injured)


@pytest.mark.parametrize("text, injured", [
    ("Depot Fire\n\nA fire tore through a fuel depot near Kisumu on Friday. Dozens were injured, among them a "
     "12-year-old girl.\n", (24, None)),
    ("Depot Fire\n\nA fire tore through a fuel depot near Kisumu on Friday. Fourteen were injured, among them three "
     "firefighters.\n", (14, 14)),
])
def test_casualties_a_victim_after_among_them_is_inside_the_count(extract_text, text, injured):
    """Invented: after 'among them' (as after 'including') a victim is one of the count before it, never the
    count itself; the parser makes it the object of the passive 'were injured', which takes none."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.injured_min, c.injured_max) == injured


@pytest.mark.parametrize("text, expected", [
    ("Gunmen Kill Six In Market Attack\n\nArmed men stormed a market in Maiduguri on Sunday, killing six "
     "people, officials said.\n", [("Maiduguri", 6, None)]),
    ("Ferry Sinks\n\nTwo drown as a ferry sinks off Mwanza.\n", [("Mwanza", 2, None)]),
])
def test_casualties_the_subject_of_an_active_killing_verb_is_the_killer(extract_text, text, expected):
    """Invented: in a title-case headline the parser loses the count of 'Gunmen Kill Six'; the active killing
    verb's subject (the gunmen) is its agent, never a victim, so no record of one killed perpetrator is made;
    an intransitive verb ('two drown') keeps its subject as the victims."""
    got = [(c.place, c.killed_min, c.perpetrator_killed_min) for c in extract_text(text, "2025-06-02").casualties]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("A bus overturned near Kasese on Friday. Nine passengers were taken to hospital.", (None, None, 9, 9)),
    ("Firefighters rushed five workers to a clinic after the silo exploded in Kasese.", (None, None, 5, 5)),
    ("A gas leak in Kasese killed two people, and 11 neighbours were treated for smoke inhalation.", (2, 2, 11, 11)),
    ("Three climbers were treated as heroes after the rescue in Kasese.", None),
])
def test_casualties_patients_taken_to_or_treated_in_hospital_are_injured(extract_text, text, expected):
    """Invented: a verb of care with a place of care ('taken to hospital', 'rushed to a clinic') or an injury
    ('treated for smoke inhalation') counts its patients (subject of the passive, object of the active) as
    injured; 'treated as heroes' is no care."""
    cas = extract_text(text, "2025-06-02").casualties
    if expected is None:
        assert cas == []
    else:
        c = only(extract_text(text, "2025-06-02"))
        assert (c.killed_min, c.killed_max, c.injured_min, c.injured_max) == expected


@pytest.mark.parametrize("text, missing", [
    ("After the mudslide in Kasese, at least nine villagers were unaccounted for.", (9, None)),
    ("The mudslide left four dead, 20 hurt and 13 unaccounted for in Kasese.", (13, 13)),
])
def test_casualties_unaccounted_for_is_missing(extract_text, text, missing):
    """Invented: 'unaccounted for' is the missing category, as a predicate (the parser hangs its subject on the
    auxiliary) and as a state in a list that 'left' governs."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.missing_min, c.missing_max) == missing
    assert c.killed_min in (None, 4)


def test_casualties_a_relative_clause_death_counts_its_noun(extract_text):
    """Invented: in 'the four fishermen who drowned', the relative pronoun subject stands for the counted noun
    before it, even inside reported speech; 'the fisherman who drowned' (definite, no number) refers back to a
    death reported before and is no new count."""
    c = only(extract_text("The coast guard said the four fishermen who drowned off Mombasa had ignored the "
                          "storm warning.", "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max) == ("Mombasa", 4, 4)
    assert extract_text("The fisherman who drowned off Mombasa was a father of three.", "2025-06-02").casualties == []


def test_casualties_a_part_of_the_attackers_is_no_victim(extract_text):
    """Invented: 'nine of the gunmen' (a number with 'of' and a perpetrator noun) killed is counted apart from
    the victims, not added to them."""
    c = only(extract_text("Six guards were killed when gunmen raided a depot near Kasese, and nine of the gunmen "
                          "also died, the army said.", "2025-06-02"))
    assert (c.killed_min, c.killed_max, c.perpetrator_killed_min) == (6, 6, 9)


def test_casualties_a_toll_rising_by_a_number_to_another_is_the_second(extract_text):
    """Invented: 'the death toll rose by six to 40' states the new total (40), the change (six) being no count."""
    c = only(extract_text("The death toll from the mine collapse in Kasese rose by six to 40 on Tuesday.", "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max) == ("Kasese", 40, 40)


@pytest.mark.parametrize("text, expected", [
    ("Three deckhands were hurt when their boat capsized near Mwanza.", (None, 3)),
    ("Four cooks were injured when a tank exploded in Mwanza.", (None, 4)),
    ("Two motions were killed in committee in Mwanza.", None),
    ("Two hundred sardines died when the tank failed in Mwanza.", None),
])
def test_casualties_an_injury_verb_counts_its_unknown_subject(extract_text, text, expected):
    """Invented: a counted noun no word list holds ('deckhands', 'cooks') is people when it is the subject of an
    injury verb ('were hurt', 'were injured'); 'killed' says nothing of things ('two motions'), and 'died' nothing of
    an unknown noun (animals die: 'sardines')."""
    cas = extract_text(text, "2025-06-02").casualties
    assert ([(c.killed_min, c.injured_min) for c in cas] or [None]) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Three hikers died of cholera in Kasese, officials said. The WHO puts the current cholera death toll at 4,200.",
     [("Kasese", 3), (None, 4200)]),
    ("An earthquake struck near Kasese on Sunday, killing 12 people. Officials put the death toll at 140 on Monday.",
     [("Kasese", 140)]),
    ("Floods hit Kasese on Sunday, killing 12 people. The death toll rose to 900 by Friday.", [("Kasese", 900)]),
])
def test_casualties_a_placeless_toll_of_a_wider_scope_is_no_update(extract_text, text, expected):
    """Invented: a toll whose sentence names no place and that is many times the article's event (50 times and 500
    more) counts a wider scope (an outbreak's toll worldwide): a record of its own without the place of the sentences
    before, not an update of the event; a toll said to have risen, or a few times larger, is the event's update."""
    got = [(c.place, c.killed_min) for c in extract_text(text, "2025-06-02").casualties]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("Between eight and 15 guards were killed in Kasese.", {"killed_min": 8, "killed_max": 15}),
    ("Five people were killed and two dozen injured in Kasese.", {"killed_min": 5, "injured_min": 24}),
    ("Four people died in Kasese and up to 20 are still missing.", {"killed_min": 4, "missing_max": 20}),
])
def test_casualties_counts_the_parser_hangs_apart(extract_text, text, expected):
    """Invented: counts the parser separates from their verb: a range opening a passive clause ('Between six and
    15 guards were killed': the parser's preposition), a multiplier after a number ('two dozen injured'), and a
    bare count before the auxiliaries of a state word ('up to 20 are still missing')."""
    c = only(extract_text(text, "2025-06-02"))
    assert {k: getattr(c, k) for k in expected} == expected


@pytest.mark.parametrize("text, expected", [
    ("A mortar round killed three people at a market in Kunduz on Monday, while in Baghlan a landmine wounded five "
     "farmers, officials said.", [("Kunduz", 3, None), ("Baghlan", None, 5)]),
    ("Gunmen killed four herders near Gao on Friday, and in a separate attack near Menaka two soldiers were killed.",
     [("Gao", 4, None), ("Menaka", 2, None)]),
    # one place: one event, whatever the clause after the comma says
    ("A shell killed two people and wounded five in Kharkiv, while rescuers searched the rubble.", [("Kharkiv", 2, 5)]),
])
def test_casualties_two_events_in_one_sentence(extract_text, text, expected):
    """Invented: a clause after a comma opened by a contrast or separation word (', while in B ...', ', and in a
    separate attack near B ...') with a count and a place of its own is an event of its own, not added to the
    first; a sentence with one place stays one record."""
    got = [(c.place, c.killed_min, c.injured_min) for c in extract_text(text, "2025-06-02").casualties]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("In a separate attack near Menaka two soldiers were killed.", [("Menaka", 2)]),  # "soldiers" parsed under "near"
    ("Officials first said 14 people had died in the mudslide in Chiclayo. On Thursday they lowered the toll to 11.",
     [("Chiclayo", 11)]),
    ("Officials first said 14 people had died in the mudslide in Chiclayo, but on Thursday the toll was revised to 11.",
     [("Chiclayo", 11)]),
])
def test_casualties_a_lowered_toll_and_a_count_the_parser_hung_on_a_place(extract_text, text, expected):
    """Invented: a toll lowered or revised replaces the figure first given (in the next sentence or the same one),
    as a raised toll does; a passive's counted subject the parser took for the object of the place's preposition
    is the victims' count."""
    got = [(c.place, c.killed_min) for c in extract_text(text, "2025-06-02").casualties]
    assert got == expected


def test_casualties_fact_box_lines_under_a_lede(extract_text):
    """Invented: a fact box of label lines under a lede ('Killed: 9', 'Injured: 40', 'Missing: 2') is the lede's
    event, at its place; a line of another label ('Homes flooded: 3,100') counts nothing, nor a label with words
    after its number."""
    text = ("Floods swept through Sylhet on Monday. The district office gave these figures:\n\n"
            "Killed: 9\nInjured: 40\nMissing: 2\nHomes flooded: 3,100")
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max, c.injured_min, c.missing_min) == ("Sylhet", 9, 9, 40, 2)
    assert extract_text("Floods swept through Sylhet on Monday.\nDead: 9 cattle and 40 goats", "2025-06-02").casualties == []


@pytest.mark.parametrize("text, expected", [
    ("Eleven miners were killed in clashes near Bukavu on Sunday, officials said. A union said three of its members "
     "had also died in the fighting.", [("Bukavu", 14)]),
    ("Six people were killed when a ferry capsized near Mwanza on Friday. Two more of the victims died in hospital "
     "on Saturday.", [("Mwanza", 8)]),
    ("Six people were killed when a ferry capsized near Mwanza on Friday. Two of the victims were children.",
     [("Mwanza", 6)]),  # who they were, not more
])
def test_casualties_more_victims_of_an_event_told_before_add_to_it(extract_text, text, expected):
    """Invented: a later count marked as more victims of the event told just before ("had also died", "two more
    of the victims") adds to its record, not a record of its own nor a subset; "two of the victims" is a subset."""
    got = [(c.place, c.killed_min) for c in extract_text(text, "2025-06-02").casualties]
    assert got == expected


def test_casualties_bulleted_figures_under_a_lede(extract_text):
    """Invented: counts in a bulleted list under a lede ("- 31 people died") are the lede's event (a bullet's
    hyphen is no number word)."""
    text = "Floods struck Sylhet on Monday. Officials gave these figures:\n- 31 people died\n- 212 were injured\n- 9,000 homes flooded"
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.injured_min) == ("Sylhet", 31, 212)


@pytest.mark.parametrize("text, expected", [
    ("A bus overturned near Naivasha on Monday, killing four. Twelve injured passengers were airlifted to Nairobi.",
     [("Naivasha", 4, 12)]),
    ("A lorry hit a minibus near Kericho on Friday, killing six. Nine injured people were taken to hospitals in "
     "Nakuru and Eldoret. Police later said seven people had died.", [("Kericho", 7, 9)]),
    ("Two people were killed in a blast at a hospital in Kandahar.", [("Kandahar", 2, None)]),  # the event's place
])
def test_casualties_the_place_of_care_is_not_the_event_place(extract_text, text, expected):
    """Invented: the town of the hospital the injured were taken to or treated at, or a hospital verb's destination
    ('airlifted to Nairobi'), is not the event's place, for that sentence or a later one that inherits a place; a
    hospital where people were killed is."""
    got = [(c.place, c.killed_min, c.injured_min) for c in extract_text(text, "2025-06-02").casualties]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("Floods killed four people in Sylhet on Monday, six on Tuesday and two more on Wednesday.", ("Sylhet", 12, None)),
    ("Shelling killed 9 people in Kherson on Saturday and five on Sunday.", ("Kherson", 14, None)),
    ("Shelling killed 9 people in Kherson on Saturday and wounded five on Sunday.", ("Kherson", 9, 5)),
])
def test_casualties_counts_of_one_event_given_day_by_day(extract_text, text, expected):
    """Invented: counts listed day by day after one casualty verb ("four on Monday, six on Tuesday") are added up,
    as counts listed place by place are."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.injured_min) == expected


def test_casualties_a_toll_update_without_a_place_updates_the_event_not_a_place_named_between(extract_text):
    """Invented: "the death toll had risen to N" with no place of its own updates the event reported, not a place
    named in a sentence between them ("told reporters in Moscow")."""
    text = ("A missile strike killed 9 people in Sumy on Monday, governor Ivan Hrin said. The Kremlin told reporters "
            "in Moscow that it had hit military targets. Later on Monday, Hrin said the death toll had risen to 14.")
    assert [(c.place, c.killed_min) for c in extract_text(text, "2025-06-02").casualties] == [("Sumy", 14)]


@pytest.mark.parametrize("text, expected", [
    ("Floods hit Sylhet on Monday. The death toll rose from seven to 12 on Wednesday.", ("Sylhet", 12, 12)),
    ("Floods hit Sylhet on Monday, killing seven. Officials raised the toll from seven to 12.", ("Sylhet", 12, 12)),
    ("Floods hit Sylhet on Monday. The number of people confirmed dead rose to 12.", ("Sylhet", 12, 12)),
    ("Floods hit Sylhet on Monday. The number of people confirmed dead after a dam burst near Sylhet climbed from "
     "seven to 12 on Tuesday.", ("Sylhet", 12, 12)),
])
def test_casualties_a_toll_rising_from_one_count_to_another_is_an_update_not_a_range(extract_text, text, expected):
    """Invented: "rose from N to M" (the parser hangs "to M" on "from") is the toll's new value M, never the range
    N-M; "the number of people confirmed dead" is a toll even when the parser makes "confirmed" its verb."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max) == expected


@pytest.mark.parametrize("text", [
    "Militants shot dead two soldiers escorting a convoy in Quetta on Friday.",  # the parser reads "dead soldiers"
    "Gunmen shot two guards dead at a bank in Quetta on Friday.",  # "dead" after the object, parsed as its modifier
    "Gunmen shot two guards dead in Quetta on Friday.",  # ... or as a clause of the verb's
])
def test_casualties_shot_dead_is_a_killing_wherever_the_parser_hangs_dead(extract_text, text):
    """Invented: "shot dead N" (dead parsed as the object's modifier) and "shot N dead" are killings, never
    woundings."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max, c.injured_min) == ("Quetta", 2, 2, None)


def test_casualties_a_toll_of_the_dead_of_a_group_is_read_when_dead_is_parsed_as_a_clause(extract_text):
    """Invented: "put the number of Chilean dead at eight" (the parser takes "dead" for a clause of "put") is a toll
    of eight, not a count of one "number"."""
    c = only(extract_text("Clashes broke out in Arica on Sunday. Officials put the number of Chilean dead at eight, "
                          "with 30 wounded.", "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max, c.injured_min) == ("Arica", 8, 8, 30)



@pytest.mark.parametrize("text, expected", [
    ("A fire gutted a warehouse in Gazipur on Monday. Two guards were badly hurt and nine suffered minor burns.",
     ("Gazipur", None, 11)),
    ("A gas cylinder exploded at a market in Quetta on Friday. Seven people sustained injuries.", ("Quetta", None, 7)),
    ("A gas cylinder exploded at a market in Quetta on Friday, killing three. Eighteen people are in hospital, two of "
     "them in serious condition.", ("Quetta", 3, 18)),
    ("A gas cylinder exploded at a market in Quetta on Friday, killing three. Five people remain in hospital.",
     ("Quetta", 3, 5)),
    ("A gas cylinder exploded at a market in Quetta on Friday, killing three. The stall owner suffered burns.",
     ("Quetta", 3, None)),  # the one told of before: no new count
    ("A bus overturned near Quetta on Friday. Two passengers suffered fatal injuries.", ("Quetta", 2, None)),
])
def test_casualties_injuries_suffered_and_a_stay_in_hospital_count_the_injured(extract_text, text, expected):
    """Invented: "N suffered/sustained burns (injuries)" and "N are / remain in hospital" count N injured ("fatal
    injuries" are deaths); a definite subject ("the stall owner") is a victim told of before, no new count."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.injured_min) == expected


def test_casualties_people_in_the_hospital_when_it_was_hit_are_no_casualties(extract_text):
    """Invented: "were in the hospital" (an article before the place of care) says where people were, not that
    they were hurt."""
    assert extract_text("A shell hit a clinic in Quetta on Friday. Forty patients were in the clinic at the time.",
                        "2025-06-02").casualties == []


@pytest.mark.parametrize("text, expected", [
    ("Both drivers were killed and a tram attendant was injured when two trams collided in Lyon on Sunday.",
     ("Lyon", 2, 1)),
    ("Two trams collided in Lyon on Sunday. Both of them were killed.", ("Lyon", 2, None)),
    ("Two trams collided in Lyon on Sunday. One steward was injured.", ("Lyon", None, 1)),
    ("Two workers were killed in Lyon on Sunday when a crane fell on their cabin, killing both men.", ("Lyon", 2, None)),
])
def test_casualties_counts_given_by_a_determiner(extract_text, text, expected):
    """Invented: "both" counts two (determiner_counts), unless it restates a count of two told before it in the
    sentence ("killing both men": the same two); "a"/"one" before a person noun in no word list counts one when it
    is the subject of an injury verb ("a tram attendant was injured")."""
    c = only(extract_text(text, "2025-06-02"))
    assert (c.place, c.killed_min, c.injured_min) == expected


def test_casualties_a_thing_hurt_is_no_casualty(extract_text):
    """Invented: "hurt" is also said of things: a single noun that names no person is no casualty as its subject
    ("a sector was hurt"), where a verb used of bodies only counts one ("a tram attendant was injured")."""
    assert extract_text("A fishing sector was hurt by the sanctions imposed in Lyon on Sunday.", "2025-06-02").casualties == []


def test_casualties_dead_with_a_subject_of_its_own_counts_that_subject_not_the_verbs_object(extract_text):
    """Invented: in "received 30 casualties ..., eight of them dead", "dead" (parsed as a clause of the verb's) counts its own
    subject, never the verb's object."""
    c = only(extract_text("A bus plunged into a gorge near Cusco on Friday. The regional hospital said it had received "
                          "30 casualties from the crash, eight of them dead on arrival.", "2025-06-02"))
    assert (c.place, c.killed_min, c.killed_max) == ("Cusco", 8, 8)


@pytest.mark.parametrize("text, expected", [
    ("Five hikers went missing on Sunday when a storm hit the trail above Zermatt. On Tuesday rescuers found three of them "
     "dead. The other two are still missing.", [("Zermatt", 3, 2)]),
    ("Seven miners were missing after a shaft flooded near Potosi on Monday. Rescuers recovered four bodies on Thursday.",
     [("Potosi", 4, 3)]),
    ("Four climbers went missing near Zermatt on Friday. A bus crash near Potosi killed three people on Saturday.",
     [("Zermatt", None, 4), ("Potosi", 3, None)]),
])
def test_casualties_missing_people_found_dead_are_one_event(extract_text, text, expected):
    """Invented: a death count right after an event that counted only missing people, in a sentence reporting a
    recovery (recovery_lemmas: "found three of them dead", "the bodies of four were recovered"), tells those
    people found: one event, its dead and the rest still missing (the missing told again adds nothing); a death
    count at a place of its own is another event."""
    ex = extract_text(text, "2025-06-02")
    assert [(c.place, c.killed_min, c.missing_min) for c in ex.casualties] == expected


def test_casualties_went_missing_before_a_place_counts(extract_text):
    """Invented: "went missing near X" counts the subject, though the parser takes "missing" for a clause of its own
    when a place follows (it gave no record)."""
    c = only(extract_text("Four climbers went missing near Zermatt on Friday.", "2025-06-02"))
    assert (c.place, c.missing_min, c.missing_max) == ("Zermatt", 4, 4)


def test_casualties_incidents_on_different_days_stay_apart(extract_text):
    """Invented: a count whose sentence dates it to another day than the event before it is another incident, even
    at the same place and with a new category ("... killed six on Monday. On Wednesday, a grenade ... wounded
    nine"); a sentence without a day of its own still adds to the event."""
    ex = extract_text("A car bomb killed six people at a checkpoint in Baidoa on Monday. On Wednesday, a grenade thrown "
                      "into a market in the city wounded nine traders.", "2025-06-06")
    assert [(c.place, c.killed_min, c.injured_min, c.date) for c in ex.casualties] == [
        ("Baidoa", 6, None, "2025-06-02"), ("Baidoa", None, 9, "2025-06-04")]
    ex = extract_text("A car bomb killed six people at a checkpoint in Baidoa on Monday. Another nine traders were "
                      "wounded.", "2025-06-06")
    assert [(c.place, c.killed_min, c.injured_min, c.date) for c in ex.casualties] == [("Baidoa", 6, 9, "2025-06-02")]


def test_casualties_a_river_placed_at_the_event_joins_it(extract_text):
    """Invented: missing people reported after "the X River burst its banks" join the flood at the town before (the
    river is a feature placed there), not a separate event at the area named after the river."""
    c = only(extract_text("Floods swept through Garissa on Friday, killing nine people. Another 12 people were missing "
                          "after the Tana River burst its banks.", "2025-06-02"))
    assert (c.place, c.killed_min, c.missing_min) == ("Garissa", 9, 12)


@pytest.mark.parametrize("text, expected", [
    ("As many as 40 people may have died when a ferry sank near Mopti on Tuesday.", [("Mopti", None, 40, "at_most")]),
    ("Six miners might have been killed when a shaft collapsed near Mopti on Tuesday.", [("Mopti", None, 6, "at_most")]),
    ("Six miners would have been killed if the shaft had collapsed near Mopti.", []),
    ("Six miners could have been killed near Mopti on Tuesday.", []),
    ("Critics claim that Judge Lena Ortiz may have been murdered in Mopti.", []),  # a surmise about someone, no toll
])
def test_casualties_an_estimated_past_toll_is_an_upper_bound(extract_text, text, expected):
    """Invented: an epistemic modal before a perfect ("may have died", "might have been killed") estimates deaths that
    happened: counted up to the number; "would/could have been killed" imagines them: no record."""
    ex = extract_text(text, "2025-06-02")
    assert [(c.place, c.killed_min, c.killed_max, c.killed_qualifier) for c in ex.casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("A car bomb exploded near the port of Berbera on Monday. Killed were four police officers and two children. Wounded "
     "were 17 people.", [("Berbera", 6, 17)]),
    ("A bus overturned near Mopti on Sunday. The dead were three soldiers and a nurse.", [("Mopti", 4, None)]),
    ("A bus overturned near Mopti on Sunday. The dead were buried on Monday.", []),
])
def test_casualties_inverted_copula_lists_the_victims(extract_text, text, expected):
    """Invented: a clause opened by a casualty participle or adjective and "be" ("Killed were ...", "Wounded were ...",
    "The dead were ...") counts the people after "be", summed over the list."""
    ex = extract_text(text, "2025-06-02")
    assert [(c.place, c.killed_min, c.injured_min) for c in ex.casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("The bus hit a tree near Kitale on Sunday, killing all but two of the 19 people on board.", [("Kitale", 17, None)]),
    ("All but three of the 40 passengers were killed when the ferry capsized off Mwanza on Friday.", [("Mwanza", 37, None)]),
    ("Five (5) persons were confirmed dead while four (4) others sustained varying degrees of injuries in the crash at "
     "Ibadan on Monday.", [("Ibadan", 5, 4)]),
    ("One hundred and twelve people were killed and two hundred and thirty injured when the dam burst near Derna on "
     "Sunday.", [("Darnah", 112, 230)]),
    ("Twelve people were killed and one hundred and five injured in the blast in Quetta on Sunday.", [("Quetta", 12, 105)]),
], ids=["exceptive-object", "exceptive-subject", "bracketed-digits", "written-number-ellipsis", "number-on-first-verb"])
def test_casualties_count_phrases_in_their_written_forms(extract_text, text, expected):
    """Invented: an exceptive "all but N of the M" is M - N (never N); a number word restated in bracketed digits
    ("Five (5) persons") is one number; a long written number before an elliptical "and ... injured" counts whole
    ("two hundred and thirty", however the parser splits it, never 200 nor 260) even when the parser hangs it on the
    first verb; "sustained varying degrees of injuries" is an injury taken."""
    ex = extract_text(text, "2024-03-12")
    assert [(c.place, c.killed_min, c.injured_min) for c in ex.casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("A lorry hit a minibus near Tamale on Monday, killing five people. The two survivors, the driver and a schoolgirl, "
     "were flown to Accra with serious injuries.", [("Tamale", 5, 2)]),
    ("Gunmen attacked a prison near Maiduguri on Monday, killing three people, a warden and two children.",
     [("Maiduguri", 3, None)]),
    # carried somewhere with something else than an injury: no casualty
    ("A minibus overturned near Gulu on Tuesday, killing four people. Three passengers were taken to Lira with their "
     "luggage.", [("Gulu", 4, None)]),
], ids=["appositive-items", "appositive-items-counted", "carried-with-luggage"])
def test_casualties_an_appositive_naming_the_counted_people_adds_nobody(extract_text, text, expected):
    """Invented: "The two survivors, the driver and a schoolgirl," names the two counted people one by one (the items
    count what the head counts), so it adds nobody; patients carried somewhere "with serious injuries" are injured."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.place, c.killed_min, c.injured_min) for c in ex.casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("Half a dozen miners were killed when a tunnel collapsed near Obuasi on Monday.", [(6, 6)]),
    ("Ethiopia records about 4,000 road deaths a year, the transport ministry said on Monday.", []),
    ("Malaria kills more than 20,000 people in Uganda every year, health officials said.", []),
    ("About 300 people die every day from malaria in Nigeria, the agency said.", []),
    ("Gunmen killed 12 people a day after the vote in Jos, police said on Monday.", [(12, 12)]),
    ("Residents say there are about 54 crashes on the road each year which result in about 47 injuries.", []),
], ids=["half-a-dozen", "a-year", "every-year", "every-day", "a-day-after", "rate-on-the-clause"])
def test_casualties_half_a_dozen_and_rates(extract_text, text, expected):
    """Invented: "half a dozen" is six; a rate ("4,000 road deaths a year", "kills 20,000 people every year", "die
    every day") is no event, while "a day after the vote" dates one."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.killed_min, c.killed_max) for c in ex.casualties] == expected


def test_casualties_wounded_who_died_and_a_fire_brigade(extract_text):
    """Invented: "eight wounded people died in hospital" raises the toll and adds no injured (they are dead now); a
    "fire brigade" that searched for missing people is a body, not the cause "fire"."""
    ex = extract_text("Gunmen attacked a market in Kaya on Friday, killing 23 people. The death toll rose to 31 on Sunday "
                      "after eight wounded people died in hospital in Kaya.", "2024-03-13")
    assert [(c.killed_min, c.injured_min) for c in ex.casualties] == [(31, None)]
    ex = extract_text("Two fishermen were missing off Achill Island on Monday after their boat capsized, the fire "
                      "brigade said.", "2024-03-13")
    assert [(c.missing_min, c.cause) for c in ex.casualties] == [(2, None)]


def test_casualties_a_persons_hometown_is_no_event_place(extract_text):
    """Invented: "Capt. X, a company commander, from Bismarck, N.D." names where the captain is from; the killing in
    the next sentence, with no place of its own, is not placed there (nor in the state of the hometown)."""
    ex = extract_text("Patrol comes under fire\n\nThe village is a safe haven for insurgents, said Capt. Aaron Cole, a "
                      "company commander, from Bismarck, N.D.\nSecurity forces returned fire, killing one insurgent and "
                      "wounding two others.", "2024-03-13")
    assert [(c.place, c.killed_min, c.injured_min) for c in ex.casualties] == [(None, 1, 2)]


def test_casualties_a_toll_over_a_spread_across_continents_is_no_event(extract_text):
    """Invented: a toll told of a spread over several continents ("has spread throughout Europe, northern Africa
    (including neighbouring Egypt) and central Asia, and has killed about 100 people") is no single event, never
    filed under the one country the sentence also names; a toll at one place stays."""
    ex = extract_text("Bird flu in Egypt\n\nThe virus, which has spread throughout Europe, northern Africa (including "
                      "neighbouring Egypt) and central Asia, has already killed about 100 people.", "2024-03-13")
    assert ex.casualties == []
    ex = extract_text("Ferry sinks off Zanzibar\n\nA ferry sank off Zanzibar on Monday, killing 12 people, officials "
                      "said.", "2024-03-13")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Zanzibar", 12)]


@pytest.mark.parametrize("text, expected", [
    ("Floods and landslides killed 40 and 12 people in Assam and Meghalaya, respectively, on Monday, officials said.",
     [("Assam", 40), ("Meghalaya", 12)]),
    ("Two air strikes killed nine and four civilians respectively in Idlib and Aleppo provinces on Sunday, a monitor said.",
     [("Idlib", 9), ("Aleppo", 4)]),
    ("In Kano and Kaduna, gunmen killed 4 and 9 villagers respectively, police said.", [("Kano", 4), ("Kaduna", 9)]),
    ("Gunmen killed 4 and 9 villagers respectively in Kano, police said.", [("Kano", 13)]),
], ids=["after-places", "before-places", "places-first-rising", "one-place-only"])
def test_casualties_respectively_pairs_counts_with_places(extract_text, text, expected):
    """Invented: "killed 40 and 12 people in A and B, respectively" pairs the i-th count with the i-th place, one
    record each (never one record of the last number, nor a range "4 to 9"); with one place the lists differ in
    length and nothing is split: the counts' sum is the toll."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.place, c.killed_min) for c in ex.casualties if c.killed_min == c.killed_max] == expected


@pytest.mark.parametrize("text, expected", [
    ("An elderly couple and their twin grandsons were killed when a fire swept through their home in Tamale on Monday.",
     [(4, 4, None)]),
    ("A pair of hikers died in a rock fall near Bamenda on Sunday.", [(2, 2, None)]),
    ("One porter was killed and another was injured when a bridge gave way near Tamale on Monday.", [(1, 1, 1)]),
    ("Three triplet sisters were killed in the crash near Tamale on Monday.", [(3, 3, None)]),
], ids=["couple-and-twin-grandsons", "pair-of", "another-as-subject", "stated-number-wins"])
def test_casualties_groups_of_a_fixed_size_and_another(extract_text, text, expected):
    """Invented: a noun naming a group of fixed size ("couple", "pair") or a plural given that size ("twin grandsons")
    counts its people; "another" as the subject of a casualty verb is one more; a stated number wins."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.killed_min, c.killed_max, c.injured_min) for c in ex.casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("Gunmen opened fire outside a bar in Kingston on Saturday. The dead were identified as Kwame Asante, 34; Kofi "
     "Mensa, 29; and Yaw Osei, 41.", [(3, 3)]),
    ("Gunmen opened fire outside a bar in Kingston on Saturday. Police named the dead as Kwame Asante and Kofi Mensa.",
     [(2, 2)]),
], ids=["identified-as-with-ages", "named-as"])
def test_casualties_the_dead_identified_by_name(extract_text, text, expected):
    """Invented: "The dead were identified as A, 34; B, 29; and C, 41" counts one victim per name listed (the ages are
    no victims), as does "named the dead as A and B"."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.killed_min, c.killed_max) for c in ex.casualties] == expected


def test_casualties_the_country_is_the_country_named_most_before(extract_text):
    """Invented: "an outbreak sweeping across the country has killed 40" with no place of its own is in the country
    named most often before it, not in a town named in between ("flights to Paris") nor in a country named in passing
    ("ties with France")."""
    ex = extract_text("Malawi reports measles outbreak\n\nMalawi has closed schools in two districts. Malawi has close "
                      "ties with France. Flights to Paris were not affected, the airline said. A measles outbreak "
                      "sweeping across the country has killed at least 40 children since May.", "2024-03-13")
    assert [(c.place, c.country, c.killed_min) for c in ex.casualties] == [("Malawi", "MW", 40)]


@pytest.mark.parametrize("text, expected", [
    ("A mudslide buried homes in Kisoro on Sunday. Soldiers searched for three people believed to be missing.", [3]),
    ("Police in Kisoro are looking for four hikers reported missing since Sunday.", [4]),
], ids=["believed-to-be-missing", "reported-missing"])
def test_casualties_people_described_as_missing(extract_text, text, expected):
    """Invented: a count of people a participle describes as missing ("three people believed to be missing", "four
    hikers reported missing") is the missing count, though the state word is no verb of theirs."""
    ex = extract_text(text, "2024-03-13")
    assert [c.missing_min for c in ex.casualties] == expected


def test_casualties_a_subset_by_place_breaks_the_toll_down(extract_text):
    """Invented: "Twelve of the dead were in Manica, and 18 in Sofala" after "killed at least 30 people" adds no
    victims and is the toll's breakdown by place."""
    ex = extract_text("Floods killed at least 30 people in the provinces of Manica and Sofala, officials said on Sunday. "
                      "Twelve of the dead were in Manica, and 18 in Sofala, the ministry said.", "2024-03-13")
    assert [(c.killed_min, [(p.place, p.killed_min) for p in c.parts]) for c in ex.casualties] == [
        (30, [("Manica", 12), ("Sofala", 18)])]


@pytest.mark.parametrize("text, expected", [
    ("A ferry capsized on Lake Kivu near Goma on Sunday. Villagers buried the dead, 23 in all, on Monday.", [23]),
    ("A bus plunged into a ravine near Quetta on Sunday. The dead, 19 in all, included six children.", [19]),
], ids=["buried-the-dead", "dead-included"])
def test_casualties_a_total_set_off_after_the_dead(extract_text, text, expected):
    """Invented: "the dead, 23 in all," gives the toll in apposition to a definite casualty noun, also under a verb that
    reports no death ("buried"); the victims it "included" are among them."""
    ex = extract_text(text, "2024-03-13")
    assert [c.killed_min for c in ex.casualties] == expected


@pytest.mark.parametrize("text, place", [
    ("In Gaza, tank fire near a school in Bayt Lahya killed six people on Sunday, medics said.", "Bayt Lahya"),
    ("In Gaza, shelling near a clinic in Deir al-Balah killed three people on Monday, medics said.", "Dayr al Balah"),
], ids=["scene-and-site", "site-spelt-another-way"])
def test_casualties_the_site_named_inside_a_scene_setting_opening(extract_text, text, place):
    """Invented: "In Gaza, ... near a school in Bayt Lahya killed six": the opening "In X," sets the scene and the town
    of the same kind the sentence names for the event is its place; a town spelt another way than the gazetteer's
    ("Deir al-Balah", Dayr al Balah) is found in the country of the article's other places though no country is
    named."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.place, c.country) for c in ex.casualties] == [(place, "PS")]


@pytest.mark.parametrize("text, expected", [
    ("A ferry carrying 36 people sank off Mwanza on Sunday. A third of the 36 passengers drowned, police said.",
     [(12, 12, None)]),
    ("A tunnel collapsed near Obuasi on Sunday. Two-thirds of the 30 workers were killed, officials said.",
     [(20, 20, None)]),
    ("Floods in Kisumu on Sunday killed in excess of 30 people, officials said.", [(31, None, None)]),
    ("Floods hit Uttarkashi on Sunday. Twelve people remain untraced, officials said.", [(None, None, 12)]),
    ("Nine people were killed and upwards of 30 injured when a bus overturned near Jos on Sunday.", [(9, 9, None)]),
], ids=["a-third-of", "two-thirds-of", "in-excess-of", "untraced", "upwards-of-hung-elsewhere"])
def test_casualties_fractions_bounds_and_untraced(extract_text, text, expected):
    """Invented: a fraction of a stated whole ("A third of the 36 passengers") is that share; "in excess of 30" and
    "upwards of 30" are more than 30 even where the parser hangs the bound elsewhere; "remain untraced" (Indian
    English) is missing."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.killed_min, c.killed_max, c.missing_min) for c in ex.casualties] == expected
    if "upwards" in text:
        assert [(c.injured_min, c.injured_max) for c in ex.casualties] == [(31, None)]


def test_casualties_the_place_a_possessive_area_qualifies(extract_text):
    """Invented: "in Uttarakhand's Uttarkashi district" is in the district, not the state written as its possessor."""
    ex = extract_text("A flash flood killed five pilgrims in Uttarakhand's Uttarkashi district on Monday, officials said.",
                      "2024-03-13")
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Uttarkashi", 5)]


def test_casualties_left_in_hospital_and_a_victims_hometown(extract_text):
    """Invented: "leaving one man dead and four people in hospital" counts four injured; "a 58-year-old man from
    Basingstoke died at the scene" is the victim's home town, never a second event; the injured "taken to" a
    hospital in another town are the event's, counted once."""
    ex = extract_text("A van crashed into a bus stop in Andover on Monday evening, leaving one man dead and four people in "
                      "hospital.\n\nPolice said a 58-year-old man from Basingstoke died at the scene. Two of the injured "
                      "were taken to hospital in Winchester and two to Southampton.", "2024-03-13")
    assert [(c.place, c.killed_min, c.injured_min) for c in ex.casualties] == [("Andover", 1, 4)]


def test_casualties_a_country_naming_where_is_no_actor(extract_text):
    """Invented: "An explosion at a quarry in Kerman, Iran, killed 12 workers" has no actor (Iran says where); "Russian
    forces shelled Kherson" keeps Russia."""
    ex = extract_text("An explosion at a quarry in Kerman, Iran, killed 12 workers on Sunday, state media said.", "2024-03-13")
    assert [(c.killed_min, c.actor) for c in ex.casualties] == [(12, None)]
    ex = extract_text("Russian forces shelled Kherson on Sunday, killing four people.", "2024-03-13")
    assert [(c.killed_min, c.actor) for c in ex.casualties] == [(4, "Russia")]


@pytest.mark.parametrize("text, expected", [
    # the back reference names the cause with another word ("bomb" / "blast")
    ("A bomb killed seven people at a bus station in Quetta on Monday, police said on Tuesday.\n\nTwenty people were "
     "wounded in the blast, which went off during the morning rush.", [("Quetta", 7, 20, "2024-03-11")]),
    # its sentence dates the incident itself, not the report that gave the dead
    ("Divers have now recovered 11 bodies from a ferry that sank off Mwanza, up from six on Monday, officials said on "
     "Tuesday.\n\nFifteen passengers were hurt in the sinking, which happened on Sunday.", [("Mwanza", 11, 15, "2024-03-10")]),
    # "a separate" incident stays apart
    ("A bomb killed seven people at a bus station in Quetta on Monday, police said.\n\nTwenty people were wounded in a "
     "separate blast on Tuesday.", [("Quetta", 7, None, "2024-03-11"), ("Quetta", None, 20, "2024-03-12")]),
])
def test_casualties_the_incident_referred_back_to(extract_text, text, expected):
    """Invented: victims hurt "in the blast" / "in the sinking" are the incident's told before, whatever word named its
    cause there and whatever day the earlier sentence gave; a relative clause on that noun dates the incident."""
    ex = extract_text(text, "2024-03-13")
    assert [(c.place, c.killed_min, c.injured_min, c.date) for c in ex.casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("A total of 38 people have died in floods in Tarija since Friday, officials said.", [("Tarija", 38, None)]),
    ("A total of 16 people were injured when a ferry hit a jetty in Mwanza on Monday.", [("Mwanza", None, 16)]),
    ("Five police officers as well as a bystander were killed in the attack in Bannu on Monday.", [("Bannu", 6, None)]),
    ("Two nurses, along with three patients, were injured when the roof fell in at a clinic in Gulu on Monday.",
     [("Gulu", None, 5)]),
    ("The bodies of 14 fishermen washed up near Mombasa on Monday.", [("Mombasa", 14, None)]),
    ("A minibus travelling from Lusaka to Kabwe overturned near Kapiri Mposhi on Monday, killing nine people.",
     [("Kapiri Mposhi", 9, None)]),
    ("Two bodies representing farmers said the tax would ruin them.", []),  # a body that acts is no dead body
])
def test_casualties_sums_companions_bodies_and_journeys(extract_text, text, expected):
    """Invented: "A total of N people" counts the people of its "of" phrase (total_nouns); "as well as" and "along
    with" add their victims to the subject's; counted bodies that washed up or floated (body_verbs) are dead; a
    journey's ends ("from A to B") are not the place of the crash when the sentence names it."""
    assert [(c.place, c.killed_min, c.injured_min) for c in extract_text(text, "2024-03-13").casualties] == expected


@pytest.mark.parametrize("text, expected", [
    ("Separate bomb attacks killed 17 people in Kandahar and six in Lashkar Gah on Friday, police said.",
     [("Kandahar", 17), ("Lashkar Gah", 6)]),
    ("Bomb attacks killed 17 people in Kandahar and six in Lashkar Gah on Friday, police said.",
     [("Afghanistan", 23)]),  # one event at the country, broken down by place
])
def test_casualties_separate_incidents_in_one_sentence(extract_text, text, expected):
    """Invented: counts at two places in one sentence that calls the incidents separate are two events, not one
    summed at their country (without "separate" they stay one event with its breakdown)."""
    assert [(c.place, c.killed_min) for c in extract_text(text, "2024-03-16").casualties] == expected


def test_casualties_machines_are_no_victims(extract_text):
    """Invented: "shot down 12 of the 20 drones" counts machines (machine_nouns), never injured people."""
    assert extract_text("The army said it had shot down 12 of the 20 drones launched at Odesa overnight.",
                        "2024-03-16").casualties == []


@pytest.mark.parametrize("text, expected", [
    ("At least 25 miners, and possibly as many as 40, were killed when the shaft collapsed near Kitwe on "
     "Monday.", (25, 40, "range")),
    ("At least 25 and up to 40 miners were killed when the shaft collapsed near Kitwe on Monday.", (25, 40, "range")),
    ("At least 25 miners were killed when the shaft collapsed near Kitwe on Monday.", (25, None, "at_least")),
])
def test_casualties_a_lower_and_an_upper_bound_together(extract_text, text, expected):
    """Invented: a lower bound and an upper bound stated together ("At least 25 ..., and possibly as many as 40,",
    "At least 25 and up to 40 ...") are one range, not an open lower bound."""
    c = extract_text(text, "2024-03-13").casualties
    assert [(x.killed_min, x.killed_max, x.killed_qualifier) for x in c] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Two suicide bombers struck a checkpoint in Kismayo on Friday, each killing three soldiers and wounding at least "
     "five.", (6, 10)),
    ("Two suicide bombers struck a checkpoint in Kismayo on Friday, killing three soldiers.", (3, None)),
])
def test_casualties_a_distributive_each(extract_text, text, expected):
    """Invented: "Two bombers ..., each killing three" repeats the count for each of the two (6; the wounding that
    shares the "each" too); without "each" the count is the clause's own."""
    assert [(c.killed_min, c.injured_min) for c in extract_text(text, "2024-03-16").casualties] == [expected]



def test_casualties_an_area_toll_and_its_towns_shares(extract_text):
    """Invented: a toll at a state ("killed at least 30 people in raids on villages in Kaduna state") and the later
    sentences' counts at towns of that state ("In Kachia, 12 people were killed ...", "In Kajuru, attackers killed 9
    ..., while in Kafanchan, 6 people died") are one event of 30 with the towns as parts, each count at its own
    clause's town, never 30 + 12 + 15 killed; "killed 30 people in raids" sums no raids."""
    ex = extract_text("Gunmen kill 30 in Kaduna raids\n\nGunmen killed at least 30 people in raids on villages in Nigeria's "
                      "Kaduna state overnight, officials said on Monday.\n\nIn Kachia, 12 people were killed and eight "
                      "wounded, a local official said. In Kajuru, attackers killed 9 villagers and burned homes, while in "
                      "Kafanchan, 6 people died.", "2024-03-18")
    assert [(c.place, c.killed_min, [(p.place, p.killed_min) for p in c.parts]) for c in ex.casualties] == [
        ("Kaduna", 30, [("Kachia", 12), ("Kajuru", 9), ("Kafanchan", 6)])]


def test_casualties_a_bare_number_in_apposition_is_a_subset(extract_text):
    """Invented (by a new user): "Eleven protesters have been taken to hospital, two in serious condition" counts
    eleven injured, the two among them, never thirteen."""
    ex = extract_text("Riot police fired tear gas at protesters in Tbilisi overnight. Eleven protesters have been taken "
                      "to hospital, two in serious condition, the health ministry said.", "2024-03-18")
    assert [(c.place, c.injured_min) for c in ex.casualties] == [("Tbilisi", 11)]
