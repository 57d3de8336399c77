"""Tests for components.extract.places: recognition, rejection and resolution of toponyms."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from .conftest import SHARED, load_case

SEED = SHARED / "seed" / "000_d227dde8fd7d9ec0.txt"


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def names(extraction) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in extraction.places]


# ----------------------------------------------------------------------------- shared cases
@pytest.mark.parametrize("case_id", ["P21", "P23", "C24", "C25", "C27"])
def test_places_case_expected_places(extract_text, case_id):
    """Test that each case yields exactly its expected places (name and country)."""
    case = load_case(case_id)
    got = sorted(set(names(extract_text(case["text"]))))
    assert got == sorted({(p["name"], p["country"]) for p in case["places"]})


def test_places_case_p21_jordan_is_a_person(extract_text):
    ex = extract_text(load_case("P21")["text"])
    assert all(p.country != "JO" and p.mention != "Jordan" for p in ex.places)


def test_places_case_p23_washington_post_is_not_a_place(extract_text):
    ex = extract_text(load_case("P23")["text"])
    assert all("Washington" not in (p.mention or "") for p in ex.places)


@pytest.mark.parametrize("case_id", ["Q01", "Q04"])
def test_places_case_q_no_places(extract_text, case_id):
    """Q01 ('checkpoint') and Q04 ('EU') name no place."""
    assert extract_text(load_case(case_id)["text"]).places == []


def test_places_case_q19_washington_is_not_the_state(extract_text):
    """Q19: White House and Kremlin are not places; Washington is the US capital, never WA."""
    ex = extract_text(load_case("Q19")["text"])
    mentions = {p.mention for p in ex.places}
    assert "White House" not in mentions and "Kremlin" not in mentions
    for p in ex.places:
        assert p.country == "US" and p.kind != "admin"
        assert km(p.lat, p.lon, 38.895, -77.036) < 25


# ----------------------------------------------------------------------------- seed gold
def test_places_seed_gold_f1_and_city_distance(extract_text):
    """Seed article: place F1 >= 0.95 over distinct places; every city within 25 km of gold."""
    gold = yaml.safe_load((SHARED / "gold" / "seed.yaml").read_text(encoding="utf-8"))
    ex = extract_text(SEED.read_text(encoding="utf-8"), "2024-12-01")
    pred = {}
    for p in ex.places:
        pred.setdefault(p.name.lower(), p)
    not_places = {n.lower() for n in gold["not_places"]}
    assert not any((p.mention or "").lower() in not_places for p in ex.places)
    tp = fn = 0
    matched = set()
    for g in gold["places"]:
        keys = {g["name"].lower(), *(a.lower() for a in g.get("aliases", []))}
        hit = next((pred[k] for k in keys if k in pred), None)
        ok = hit is not None and (
            g["kind"] != "city" or km(hit.lat, hit.lon, g["lat"], g["lon"]) <= 25
        ) and (g["kind"] != "country" or hit.country == g["country"])
        if ok:
            tp += 1
            matched.add(hit.name.lower())
        elif not g.get("optional"):
            fn += 1
    fp = len([k for k in pred if k not in matched])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert 2 * precision * recall / (precision + recall) >= 0.95


# ----------------------------------------------------------------------------- constructions
def test_places_mis_tagged_person_recovered(extract_text):
    """Test that a city the small model tags PERSON after 'city of' is recovered ("Kherson")."""
    ex = extract_text("The southern Ukrainian city of Kherson was struck again.")
    assert names(ex) == [("Kherson", "UA")]
    assert ex.places[0].kind == "city" and km(ex.places[0].lat, ex.places[0].lon, 46.63695, 32.61458) < 25


def test_places_demonym_is_not_a_place(extract_text):
    assert extract_text("Ukrainian and Canadian officials met French diplomats.").places == []


def test_places_organisations_are_not_places(extract_text):
    text = "The White House, NATO and the EU responded, the Guardian and ABC News reported."
    assert extract_text(text).places == []


def test_places_qualifier_state_disambiguates(extract_text):
    """Test that "Paris, Texas" resolves to the Texan town, not the French capital."""
    ex = extract_text("The storm hit Paris, Texas, on Monday.")
    paris = [p for p in ex.places if p.mention == "Paris"][0]
    assert (paris.country, paris.admin1) == ("US", "Texas")


def test_places_plain_paris_is_france(extract_text):
    ex = extract_text("Leaders gathered in Paris on Monday.")
    assert names(ex) == [("Paris", "FR")]


def test_places_article_context_disambiguates(extract_text):
    """Test that the countries an article names decide between namesakes before population."""
    ex = extract_text("Flooding hit Texas this week. Officials in Paris said roads were closed.")
    paris = [p for p in ex.places if p.mention == "Paris"][0]
    assert paris.country == "US"


def test_places_admin_suffix_gives_admin_kind(extract_text):
    ex = extract_text("Insurgents were detained in Andar district, Ghazni province, yesterday.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [("Ghazni", "admin", "AF")]


def test_places_country_alias_and_offsets(extract_text):
    text = "Officials in the U.S. and Germany's government agreed."
    ex = extract_text(text)
    assert names(ex) == [("United States", "US"), ("Germany", "DE")]
    assert [text[p.start:p.end] for p in ex.places] == ["U.S.", "Germany"]


def test_places_capital_preferred_for_bare_name(extract_text):
    ex = extract_text("Talks were held in Washington on Friday.")
    p = ex.places[0]
    assert p.country == "US" and p.kind == "city" and km(p.lat, p.lon, 38.895, -77.036) < 25


def test_places_month_name_is_not_a_place(extract_text):
    assert extract_text("In August the outbreak spread.").places == []


def test_places_one_place_per_mention_in_text_order(extract_text):
    ex = extract_text("Kyiv and Moscow traded accusations; Kyiv said it would respond.")
    assert [p.name for p in ex.places] == ["Kyiv", "Moscow", "Kyiv"]
    assert [p.start for p in ex.places] == sorted(p.start for p in ex.places)


def test_places_admin_that_contains_another_place_beats_namesake_country(extract_text):
    """Test that "Georgia" with "Atlanta" in the article is the US state, not the country."""
    ex = extract_text("Officials in Georgia said the virus had spread to Atlanta.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [("Georgia", "admin", "US"), ("Atlanta", "city", "US")]


def test_places_country_not_supported_by_itself(extract_text):
    ex = extract_text("Georgia's president met Russian officials in Tbilisi.")
    assert [(p.name, p.country) for p in ex.places] == [("Georgia", "GE"), ("Tbilisi", "GE")]


def test_places_person_tagged_place_after_cue(extract_text):
    """Test that a place the model tags PERSON ("Milton Keynes") is not barred by its own name parts."""
    ex = extract_text("He was admitted to a hospital in Milton Keynes, but later died.")
    assert names(ex) == [("Milton Keynes", "GB")]


def test_places_org_tagged_town_after_locative_cue(extract_text):
    """Test that a mid-sized town tagged ORG after "in" ("a lab in Lelystad") is a place."""
    ex = extract_text("The case was found in a zoo in Rotterdam. A lab in Lelystad confirmed the result.")
    assert names(ex) == [("Rotterdam", "NL"), ("Lelystad", "NL")]


@pytest.mark.parametrize("text, expected", [
    # "the Andes": a range (only towns carry the name in the gazetteer), not Andes, Colombia
    ("Rescuers reached villages high in the Andes near Cusco on Friday.", [("Cusco", "PE")]),
    # a country and a city whose own name holds "The" keep their article
    ("Ministers from the Gambia met in The Hague.", [("Gambia", "GM"), ("The Hague", "NL")]),
])
def test_places_the_before_a_town_name_is_a_feature(extract_text, text, expected):
    assert names(extract_text(text)) == expected


def test_places_small_town_of_the_named_state_beats_a_big_namesake_elsewhere(extract_text):
    """Test that a town of the state the article names, near the places it resolves there, is read over
    a big city of the same name in another state (Stockton, Missouri, not Stockton, California)."""
    ex = extract_text("Storm cleanup\n\nGREENFIELD, Mo. - Volunteers from Greenfield and Stockton filled sandbags "
                      "on Friday as the lake rose.\n")
    assert [(p.mention, p.admin1) for p in ex.places] == [
        ("GREENFIELD", "Missouri"), ("Mo.", "Missouri"), ("Greenfield", "Missouri"), ("Stockton", "Missouri")]


@pytest.mark.parametrize("text, expected", [
    ("A cargo ship ran aground off Zanzibar after the storm.", [("Zanzibar", "TZ")]),
    ("Aid convoys waited for a week inside Mozambique before crossing.", [("Mozambique", "MZ")]),
])
def test_places_untagged_place_after_spatial_preposition(extract_text, text, expected):
    """Test that "off", "inside", "within", "along", "beyond" announce a place the model left untagged."""
    assert names(extract_text(text)) == expected


def test_places_unlabelled_run_stops_at_next_entity(extract_text):
    """Test that an untagged country name followed by a person ("for South Sudan David Shearer") is found."""
    ex = extract_text("Special Representative of the UN Secretary-General for South Sudan David Shearer said in response to the attack that it was shocking.")
    assert names(ex) == [("South Sudan", "SS")]


def test_places_named_sea_and_macro_region(extract_text):
    """Test that a hand-listed macro-region is a continent and a sea is water, neither with a country."""
    ex = extract_text("The virus reached West Africa after migrating birds crossed the Black Sea.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [
        ("West Africa", "continent", None), ("Black Sea", "water", None)
    ]


def test_places_gulfs_and_lakes_are_water(extract_text):
    """Test that gulfs and lakes get kind water (GeoNames feature class H), never continent."""
    ex = extract_text("Fishing boats left the Gulf of Aden for Lake Victoria, a trader said.")
    assert [(p.name, p.kind) for p in ex.places] == [("Gulf of Aden", "water"), ("Lake Victoria", "water")]


def test_places_compass_word_before_country_is_dropped(extract_text):
    """Test that "Eastern China" is a mention of China (offsets of "China" only)."""
    text = "Eastern China saw a large number of cases in early March."
    ex = extract_text(text)
    assert names(ex) == [("China", "CN")] and text[ex.places[0].start:ex.places[0].end] == "China"


def test_places_village_with_admin_qualifier(extract_text):
    """Test that a village below 5000 people is found when its admin area qualifies it."""
    ex = extract_text("The bird was found in Palauig, Zambales, in the Philippines.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [
        ("Palauig", "city", "PH"), ("Zambales", "admin", "PH"), ("Philippines", "country", "PH")
    ]


def test_places_village_needs_its_country_named(extract_text):
    """Test that a bare village name is a place only when the article names its country, or when it is the only
    place of its name anywhere and follows a locative preposition ("in Cattai": New South Wales); a village with
    namesakes in other countries needs its country ("in Ashby": the US or Australia)."""
    assert extract_text("Officials said the case in Ashby was isolated.").places == []
    assert [(p.name, p.country) for p in extract_text("Officials said the case in Cattai was isolated.").places] == [("Cattai", "AU")]
    ex = extract_text("Officials in Australia said the case in Cattai was isolated.")
    assert [(p.name, p.country, p.admin1) for p in ex.places] == [
        ("Australia", "AU", None), ("Cattai", "AU", "New South Wales")
    ]


def test_places_state_code_qualifier(extract_text):
    """Test that "Vancouver, WA" is the city in Washington state, not the Canadian one."""
    ex = extract_text("Two cases were reported in Vancouver, WA, on Monday.")
    assert [(p.name, p.country, p.admin1) for p in ex.places] == [("Vancouver", "US", "Washington")]


def test_places_area_code_needs_country_context(extract_text):
    """Test that "NSW" is New South Wales beside an Australian place, and nothing alone."""
    ex = extract_text("Infections were confirmed in Sydney and in regional NSW.")
    assert [(p.mention, p.name, p.kind, p.country) for p in ex.places] == [
        ("Sydney", "Sydney", "city", "AU"), ("NSW", "New South Wales", "admin", "AU")
    ]
    assert extract_text("The NSW rules were changed.").places == []


def test_places_city_inside_named_area_repeats_its_casualty_count(extract_text):
    """Test that the same definite count at a city inside the admin area of an earlier record
    ("Helmand" then "Lashkar Gah district") is one event, not two."""
    ex = extract_text(
        "A security force killed a suspected insurgent in Helmand province yesterday. As the force "
        "approached a compound in Lashkar Gah district, it received fire from an individual. "
        "The combined force returned fire killing him."
    )
    assert [(p.name, p.kind) for p in ex.places] == [("Helmand", "admin"), ("Lashkar Gah", "city")]
    assert [(c.place, c.killed_min, c.killed_max) for c in ex.casualties] == [("Helmand", 1, 1)]


def test_places_bare_compass_word_needs_its_country_named(extract_text):
    """Test that "Southern" in a list of directions is not a province of an unnamed country."""
    ex = extract_text("Operations in Eastern, Southern, Northern Afghanistan continued on Monday.")
    assert names(ex) == [("Afghanistan", "AF")]


def test_places_org_tagged_towns_in_a_list_with_a_place(extract_text):
    """Test that towns tagged ORG are places when listed with one ("from Tacloban and Babatngon")."""
    ex = extract_text("But hog specimens from Tacloban and Babatngon, where 270 swine deaths were reported, tested negative.")
    assert names(ex) == [("Tacloban", "PH"), ("Babatngon", "PH")]


def test_places_island_of_and_one_sense_per_article(extract_text):
    """Test that "the island of Java" is a place and a later "Java's" (tagged PERSON) is the same place."""
    ex = extract_text(
        "More than 650 people have died after a tsunami hit the Indonesian island of Java on Monday. "
        "The wave ravaged a stretch of Java's southern coast."
    )
    assert [(p.mention, p.name, p.kind, p.country) for p in ex.places] == [
        ("Java", "Java", "admin", "ID"), ("Java", "Java", "admin", "ID")
    ]


def test_places_undecomposed_letters_match(extract_text):
    """Test that "Dogubayazit" finds Doğubayazıt (dotless i has no Unicode decomposition), named as written in English."""
    ex = extract_text("The Turkish government has come under fire from officials in Dogubayazit, where three siblings died.")
    assert [(p.mention, p.name, p.country) for p in ex.places] == [("Dogubayazit", "Dogubayazit", "TR")]


def test_places_villages_of_a_list(extract_text):
    """Test that "the Romanian villages of A, B and C" yields the villages GeoNames knows
    (Caraorman is not in cities500) in the country the sentence names."""
    ex = extract_text("The H5N1 strain has already been confirmed in the Romanian villages of Ceamurlia de Jos, Maliuc and Caraorman.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [("Ceamurlia de Jos", "city", "RO"), ("Maliuc", "city", "RO")]


def test_places_org_tagged_village_after_village_of(extract_text):
    """Test that "The village of Ciocile" (tagged ORG) is the Romanian village."""
    ex = extract_text("The village of Ciocile in the Romanian county of Braila has been quarantined.")
    assert names(ex) == [("Ciocile", "RO"), ("Braila", "RO")]


def test_places_hyphenated_country_is_one_place(extract_text):
    """Test that "Guinea-Bissau" (the model tags only "Guinea") is Guinea-Bissau, not Guinea."""
    ex = extract_text("Burkina Faso, Cote d'Ivoire, Guinea, Guinea-Bissau, Liberia and Mali have all been hit.")
    assert ("Guinea-Bissau", "GW") in names(ex) and names(ex).count(("Guinea", "GN")) == 1


# ----------------------------------------------------------------------------- tester findings (spellings, namesakes)
def places_of(extraction) -> list[tuple[str, str, str, str | None]]:
    return [(p.mention, p.name, p.kind, p.country) for p in extraction.places]


def test_places_strike_on_x_is_a_place(extract_text):
    """Test that the object of "a missile strike on X" is recognised and resolved to the city."""
    got = places_of(extract_text("Two people were hurt in a missile strike on Odesa, officials said."))
    assert got == [("Odesa", "Odesa", "city", "UA")]


def test_places_spelling_variants_resolve_to_the_city(extract_text):
    """Test that Odesa/Odessa and Kyiv/Kiev are the cities, and "Zaporizhzhia" (alternate) is found."""
    text = (
        "Russia attacked Odesa and Odessa on Monday. Officials in Mykolaiv, Zaporizhzhia, Dnipro and "
        "Lviv reported damage. Kyiv, Kiev."
    )
    got = {(m, n, k) for m, n, k, c in places_of(extract_text(text))}
    assert {("Odessa", "Odesa", "city"), ("Zaporizhzhia", "Zaporizhzhya", "city"), ("Kyiv", "Kyiv", "city"), ("Kiev", "Kyiv", "city")} <= got


def test_places_gaza_is_gaza_not_the_country(extract_text):
    """Test that "Gaza" resolves to Gaza (PS), not the country record."""
    got = places_of(extract_text("Strikes killed 27 people in Gaza overnight."))
    assert got == [("Gaza", "Gaza", "city", "PS")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Guterres said in a statement from New York.", ("New York City", "city")),
        ("He grew up in upstate New York.", ("New York", "admin")),
        ("New York Governor Jane Doe declared an emergency.", ("New York", "admin")),
        ("Officials in New York, New Jersey and Connecticut declared emergencies.", ("New York", "admin")),
    ],
)
def test_places_new_york_city_unless_state_cue(extract_text, text, expected):
    """Test that a bare "New York" is the city; "upstate", "Governor" or a list of states make it the state."""
    p = extract_text(text).places[0]
    assert (p.name, p.kind) == expected


def test_places_dateline_and_demonym_beat_small_us_namesake(extract_text):
    """Test that "GENEVA — Swiss ... in Geneva ... from New York" puts Geneva in CH, not Geneva, NY."""
    text = (
        "GENEVA — Swiss Foreign Minister Jan Roe said on Tuesday that the talks are at an impasse. "
        "\"We remain committed,\" Roe told reporters in Geneva. The UN chief spoke in a statement from New York."
    )
    got = {(p.name, p.country) for p in extract_text(text).places}
    assert ("Geneva", "CH") in got and ("Geneva", "US") not in got


def test_places_country_context_alone_does_not_pick_a_small_namesake(extract_text):
    """'U.S. ... officials met in Geneva': naming the US is no reason for Geneva, Illinois (pop. 22k)
    over Geneva, Switzerland (pop. 200k); naming Illinois would be."""
    ex = extract_text("Talks\n\nU.S. and Russian officials met in Geneva on Monday.\n")
    assert [(p.name, p.country, p.kind) for p in ex.places] == [("United States", "US", "country"), ("Geneva", "CH", "city")]
    ex = extract_text("Fair opens\n\nThe county fair in Geneva, Illinois, drew record crowds on Monday.\n")
    assert [(p.name, p.country, p.admin1) for p in ex.places if p.name == "Geneva"] == [("Geneva", "US", "Illinois")]


def test_places_name_without_transliteration_marks_when_geonames_lists_it(extract_text):
    """GeoNames' 'Rafaḩ' and 'Khān Yūnis' are shown as English news writes them (both spellings are
    GeoNames alternate names)."""
    ex = extract_text("Strikes\n\nStrikes hit Rafah and Khan Younis on Monday.\n")
    assert [(p.name, p.country) for p in ex.places] == [("Rafah", "PS"), ("Khan Yunis", "PS")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the country named in the same sentence beats a capital abroad
        ("Strike\n\nIn northern Lebanon, an Israeli drone strike on a car near Tripoli killed two members of Hamas.\n",
         [("Lebanon", "LB", None), ("Tripoli", "LB", "Liban-Nord")]),
        # "the Kharkiv region" names the area, so its Zolochiv beats the bigger one in Lviv oblast
        ("Strike\n\nIn the Kharkiv region, a drone attack on the village of Zolochiv killed one woman.\n",
         [("Kharkiv", "UA", "Kharkiv"), ("Zolochiv", "UA", "Kharkiv")]),
        # "the city of X" is the city even when the article names the area elsewhere
        ("Shelling\n\nShelling killed a man in the village of Bilozerka. In the city of Kherson itself, four people were wounded.\n",
         [("Bilozerka", "UA", "Kherson"), ("Kherson", "UA", "Kherson")]),
        # a place name modifying a street noun is a landmark, not the country; a big city by another spelling after "In"
        ("Strike\n\nIn Khan Younis, at least seven people were killed near the Kuwait roundabout, witnesses said.\n",
         [("Khan Yunis", "PS", "Gaza Strip")]),
    ],
)
def test_places_sentence_context_cues_and_landmarks(extract_text, text, expected):
    ex = extract_text(text)
    assert [(p.name, p.country, p.admin1) for p in ex.places] == expected
    if "city of Kherson" in text:
        assert [p.kind for p in ex.places] == ["city", "city"]


# ----------------------------------------------------------------------------- issue 11: local news forms, context
def _places(extract_text, text):
    return [(p.mention, p.name, p.admin1, p.country) for p in extract_text(text).places]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an upper-case dateline after the headline, with and without a country qualifier
        ("Dam repairs begin. ROANOKE -- Crews began work on Monday near the old mill, officials said.",
         [("ROANOKE", "Roanoke", "Virginia", "US")]),
        ("Quake shakes region. MALATYA, Turkey — Rescuers searched collapsed buildings on Monday.",
         [("MALATYA", "Malatya", "Malatya", "TR"), ("Turkey", "Turkey", None, "TR")]),
        ("Bridge closes. DeKALB – The bridge closed on Friday, the city said.",
         [("DeKALB", "DeKalb", "Illinois", "US")]),
        # a wire credit before the dash, a colon, a byline's date before the dateline
        ("Flood waters rise. TULSA, Okla. (AP) - The river crested on Monday.",
         [("TULSA", "Tulsa", "Oklahoma", "US"), ("Okla.", "Oklahoma", "Oklahoma", "US")]),
        ("Port reopens. MOBILE: The port reopened on Friday.", [("MOBILE", "Mobile", "Alabama", "US")]),
        ("By Ann Lee. May 3, 2009 MOLINE -- The council met on Monday.", [("MOLINE", "Moline", "Illinois", "US")]),
        # letters beyond ASCII in a dateline in capitals
        ("Ferry strike ends. ÅLESUND, Norway — The crews returned to work on Tuesday.",
         [("ÅLESUND", "Alesund", "More og Romsdal", "NO"), ("Norway", "Norway", None, "NO")]),
    ],
)
def test_places_upper_case_dateline_after_headline(extract_text, text, expected):
    assert _places(extract_text, text) == expected


def test_places_ap_state_abbreviations_as_qualifier_and_toponym(extract_text):
    got = _places(extract_text, "Police in Marion, Ill., arrested a man who had driven from a W.Va. farm.")
    assert got == [("Marion", "Marion", "Illinois", "US"), ("Ill.", "Illinois", "Illinois", "US"),
                   ("W.Va.", "West Virginia", "West Virginia", "US")]


def test_places_ap_abbreviation_without_place_before_is_not_a_state(extract_text):
    assert _places(extract_text, "Miss. Carter and Ind. voters met on Monday.") == []


def test_places_party_label_home_town_is_a_us_place(extract_text):
    assert _places(extract_text, "Sen. Jane Doe, R-Elbow Lake, proposed the bill on Tuesday.") == [
        ("Elbow Lake", "Elbow Lake", "Minnesota", "US")]


def test_places_county_opening_a_local_body_is_a_toponym_placed_by_its_neighbour(extract_text):
    got = _places(extract_text, "The Madison County Health Department said the clinic in Huntsville would open in May.")
    assert got == [("Madison County", "Madison County", "Alabama", "US"), ("Huntsville", "Huntsville", "Alabama", "US")]


def test_places_national_department_names_no_town(extract_text):
    assert _places(extract_text, "The Justice Department said the case was closed.") == []


def test_places_neighbours_pick_the_namesake_near_the_other_places(extract_text):
    got = _places(extract_text, "Firefighters from Alexandria and Pineville battled the blaze on Monday.")
    assert got == [("Alexandria", "Alexandria", "Louisiana", "US"), ("Pineville", "Pineville", "Louisiana", "US")]


def test_places_us_state_beats_country_of_the_same_name_among_its_towns(extract_text):
    got = _places(extract_text, "The storm moved across Georgia after hitting Savannah and Macon.")
    assert got[0] == ("Georgia", "Georgia", "Georgia", "US")


def test_places_one_reading_per_name_follows_the_qualified_mention(extract_text):
    got = _places(extract_text, "Officials in Alexandria, Va., opened a shelter. Alexandria has 150,000 residents.")
    assert [g for g in got if g[0] == "Alexandria"] == [("Alexandria", "Alexandria", "Virginia", "US")] * 2


def test_places_signals_switch_off(nlp):
    """Each signal of places.SIGNALS changes the result when switched off (here: neighbours)."""
    from components.extract import places

    doc = nlp("Firefighters from Alexandria and Pineville battled the blaze on Monday.")
    places.SIGNALS["neighbours"] = False
    try:
        first = places.toponyms(doc)[0]
    finally:
        places.SIGNALS["neighbours"] = True
    assert (first.name, first.country) == ("Alexandria", "EG")


def test_places_region_above_the_divisions_names_no_division(nlp):
    """A region such as "the Midwest" is an area with no first-level division: it adds none to the
    article's context (it once crashed the geocoder when a country-named state was also mentioned)."""
    from components.extract.places import toponyms

    found = [(p.name, p.country, p.admin1) for p in toponyms(nlp("Storms swept the Midwest on Sunday, and Georgia was spared."))]
    assert found[0] == ("Midwest", "US", None)
    assert [n for n, _, _ in found] == ["Midwest", "Georgia"]

# ----------------------------------------------------------------------------- issue 11: county forms, residents
def test_places_county_name_at_the_head_of_any_entity(extract_text):
    """"X County" is a toponym inside a longer name, whatever the model tags the name (here LOC)."""
    got = _places(extract_text, "Deputies from the Oconee County Sheriff's Office searched a barn near Westminster, S.C., on Friday.")
    assert got == [("Oconee County", "Oconee County", "South Carolina", "US"), ("Westminster", "Westminster", "South Carolina", "US"),
                   ("S.C.", "South Carolina", "South Carolina", "US")]


def test_places_names_listed_before_counties_are_counties(extract_text):
    got = _places(extract_text, "Layoffs have slowed in Pickens, Oconee and Anderson counties, the board said.")
    assert got == [("Pickens", "Pickens County", "South Carolina", "US"), ("Oconee", "Oconee County", "South Carolina", "US"),
                   ("Anderson", "Anderson County", "South Carolina", "US")]


def test_places_state_opening_a_state_body_is_a_toponym(extract_text):
    got = _places(extract_text, "The Ohio National Guard sent trucks to Marietta on Sunday.")
    assert got == [("Ohio", "Ohio", "Ohio", "US"), ("Marietta", "Marietta", "Ohio", "US")]


def test_places_towns_saying_where_people_are_from(extract_text):
    """A town before a resident noun or "-based", or after a person's age and "of", is a toponym."""
    got = _places(extract_text, "A Greenwood man was charged Tuesday. Pat Lane, 33, of Clinton, was released. "
                                "The Abbeville-based firm closed.")
    assert got == [("Greenwood", "Greenwood", "South Carolina", "US"), ("Clinton", "Clinton", "South Carolina", "US"),
                   ("Abbeville", "Abbeville", "South Carolina", "US")]


@pytest.mark.parametrize("text", ["Canadian Food Inspection Agency officials met on Monday.",
                                  "The Smith family moved to a new home."])
def test_places_resident_cue_needs_a_town_not_an_organisation_or_family(extract_text, text):
    assert _places(extract_text, text) == []


def test_places_lexicon_rejects_unknown_lists(tmp_path):
    from components import lexicon as L
    from components.errors import LexiconError
    from components.yamlio import load_lexicon

    bad = tmp_path / "places.yaml"
    bad.write_text((L.LEXICON_DIR / "places.yaml").read_text(encoding="utf-8") + "\nstray_list: [a]\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        load_lexicon(bad, L.PlacesLexicon)
    assert "county" in L.COUNTY_WORDS and "town hall" in L.JURISDICTION_PHRASES


def test_places_party_labels_with_dfl_and_state_abbreviations(extract_text):
    got = _places(extract_text, "Sen. Ann Roe, DFL-Bemidji, said the bill failed; Sen. John Poe, D-Ore., agreed.")
    assert got == [("Bemidji", "Bemidji", "Minnesota", "US"), ("Ore.", "Oregon", "Oregon", "US")]


def test_places_compass_word_before_a_state_of_the_article_country(extract_text):
    got = _places(extract_text, "Snow fell across Western Massachusetts on Monday, and roads near Springfield closed.")
    assert got == [("Massachusetts", "Massachusetts", "Massachusetts", "US"), ("Springfield", "Springfield", "Massachusetts", "US")]


def test_places_compass_area_name_abroad_is_not_another_country_area(extract_text):
    """"Central Plateau" in Haiti is not Nigeria's Plateau state: no place of Nigeria is named; the
    plateau is a feature placed at the country the article names."""
    assert _places(extract_text, "Cases rose in the Central Plateau of Haiti.") == [
        ("Central Plateau", "Central Plateau", None, "HT"), ("Haiti", "Haiti", None, "HT")]


# ----------------------------------------------------------------------------- issue 11: resolution priors
def test_places_named_states_weigh_by_their_share_of_the_article(extract_text):
    """A state named once among others ("New York Governor", "Texas officials") does not pull
    Boston to its namesake village in New York: Boston, Massachusetts."""
    got = _places(extract_text, "New York Governor Jane Roe closed schools, Texas officials urged vaccination, "
                                "and the mayor of Boston declared an emergency.")
    assert got[-1] == ("Boston", "Boston", "Massachusetts", "US")


def test_places_bare_county_name_yields_to_the_big_city_of_its_state():
    """"the Houston region" with a town near Houston County, Texas: the city, not the county."""
    from collections import Counter

    from components.extract.places import Context, Mention, resolve
    from components.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    ctx = Context(Counter({"US": 2}), Counter({("US", "Texas"): 1}))
    ctx.points.append(("crockett", 31.32, -95.46))  # a town resolved inside Houston County
    rec = resolve(Mention(0, 7, "Houston", admin_cue=True), gaz, ctx)
    assert (rec.name, rec.kind, rec.admin1) == ("Houston", "city", "Texas")
    # written with its county word it is the county
    rec = resolve(Mention(0, 14, "Houston County"), gaz, ctx)
    assert (rec.name, rec.admin1) == ("Houston County", "Texas")


def test_places_names_listed_before_provinces_are_areas(extract_text):
    got = _places(extract_text, "Cases were reported in the Matabeleland North, Manicaland and Masvingo provinces since May.")
    assert got == [("Matabeleland North", "Matabeleland North", "Matabeleland North", "ZW"),
                   ("Manicaland", "Manicaland", "Manicaland", "ZW"), ("Masvingo", "Masvingo", "Masvingo", "ZW")]


def test_places_hyphenated_area_in_a_list_but_not_a_hyphenated_pair(extract_text):
    got = _places(extract_text, "Trucks reached Telemark, Vestfold, and Vest-Agder on Friday.")
    assert [g[1] for g in got] == ["Telemark", "Vestfold", "Vest-Agder"]
    got = _places(extract_text, "The talks covered the Lebanon-Syria border and Beirut.")
    assert [g[1] for g in got] == ["Lebanon", "Syria", "Beirut"]


def test_places_town_and_area_written_as_qualifier(extract_text):
    """"from Wonogiri, Central Java": the model tags the town ORG and the area PERSON; both are read."""
    got = _places(extract_text, "The 26-year-old trader from Wonogiri, Central Java, died on Monday.")
    assert got == [("Wonogiri", "Wonogiri", "Central Java", "ID"), ("Central Java", "Central Java", "Central Java", "ID")]


def test_places_person_before_a_state_name_is_no_qualified_town(extract_text):
    assert [g[0] for g in _places(extract_text, "The award went to Ann Poe, Ohio, on Friday.")] == ["Ohio"]


def test_places_area_name_with_its_kind_tagged_loc_is_the_area(extract_text):
    """"the Akita Prefecture" (the model tags it LOC, the gazetteer knows "Akita") is the prefecture;
    a LOC whose name before "Province" is no gazetteer area stays unread."""
    got = _places(extract_text, "A flu virus was found in a village located in the Akita Prefecture of northern Japan.")
    assert got == [("Akita", "Akita", "Akita", "JP"), ("Japan", "Japan", None, "JP")]
    assert _places(extract_text, "Officials in the Rift Valley Province said so.") == []


def test_places_area_spelt_another_way_in_the_articles_country(extract_text):
    """Test that a governorate transliterated differently from the gazetteer ("Menoufia") is read
    in an article on its country, and that a misspelt province ("Ghanzi province" for Ghazni) in a
    report on Afghanistan is Ghazni, while "Ghanzi, Botswana" stays in Botswana."""
    got = _places(extract_text, "Egypt reported two new deaths on Friday: a woman from Menoufia who had kept ducks.")
    assert got == [("Egypt", "Egypt", None, "EG"), ("Menoufia", "Muhafazat al Minufiyah", "Muhafazat al Minufiyah", "EG")]
    got = _places(extract_text, "KABUL, Afghanistan - Coalition forces detained two suspects in Ghanzi province on Monday.")
    assert got[-1] == ("Ghanzi", "Ghazni", "Ghazni", "AF")
    got = _places(extract_text, "A farmer in Ghanzi, Botswana, lost cattle to drought.")
    assert [g[3] for g in got] == ["BW", "BW"]


def test_places_city_opening_its_office_title(extract_text):
    """Test that a big city before its government's office title ("the Lima Health Secretary",
    the model tagging only "Lima Health") is the city, while a small namesake town before a
    national office title ("Homeland Security Secretary", Homeland, California) is not read."""
    assert _places(extract_text, "The Lima Health Secretary said the clinics were full.") == [("Lima", "Lima", "Lima", "PE")]
    got = _places(extract_text, "Officials in California met on Monday. Homeland Security Secretary Jane Roe spoke.")
    assert got == [("California", "California", "California", "US")]


def test_places_generic_phrase_in_title_case_headline_needs_support(extract_text):
    """Test that a capitalised common phrase of a title-case headline that a gazetteer lists as a
    small town's alternate name ("Port City", Brunswick, Georgia) is no place in an article set
    elsewhere, and is read when the article names the town's country."""
    headline = "Storm Batters Boats Near Port City as Crews Wait\n\n"
    got = _places(extract_text, headline + "Fishermen in Bangladesh said on Monday that the storm sank twelve boats off Chittagong.")
    assert got == [("Bangladesh", "Bangladesh", None, "BD"), ("Chittagong", "Chattogram", "Chittagong", "BD")]
    got = _places(extract_text, headline + "Fishermen in Texas said on Monday that the storm sank twelve boats.")
    assert got == [("Port City", "Brunswick", "Georgia", "US"), ("Texas", "Texas", "Texas", "US")]


def test_places_town_after_residents_of(extract_text):
    """Test that a town the model leaves untagged after "residents of" is read."""
    got = _places(extract_text, "Residents of Winona queued for water on Monday, officials said.")
    assert got == [("Winona", "Winona", "Minnesota", "US")]


def test_places_dateline_written_as_its_own_line(extract_text):
    """Test that a line "PLACE, COUNTRY, DATE" opening an article gives its place, and that a
    person's name before a date on such a line gives none."""
    got = _places(extract_text, "Kisumu, Kenya, April 5, 2024\n\nThe finance minister said prices would fall.")
    assert got == [("Kisumu", "Kisumu", "Kisumu", "KE"), ("Kenya", "Kenya", None, "KE")]
    assert _places(extract_text, "Jane Okoro, 3 March 2024\n\nThe finance minister said prices would fall.") == []


def test_places_name_before_a_possessive_facility_noun_is_no_place(extract_text):
    """Test that "St. Peter's" tagged as a place before "Square" is read as part of the square's
    name (not Saint Peter, Minnesota), placed at the article's nearest place, or not at all when
    the article names none; a possessive before a lowercase noun keeps the place."""
    assert _places(extract_text, "Thousands gathered in St. Peter's Square on Easter morning.") == []
    got = _places(extract_text, "Thousands gathered in St. Peter's Square on Easter morning. The Vatican said so.")
    assert got == [("St. Peter's Square", "Vatican", None, "VA"), ("Vatican", "Vatican", None, "VA")]
    assert _places(extract_text, "Kabul's roads were closed on Monday.") == [("Kabul", "Kabul", "Kabul", "AF")]


def test_places_apposition_naming_the_city_a_place_holds(extract_text):
    """Test that "CITY, the capital of X" / "CITY, a port of X" reads X as the area holding the
    city: Georgia the country beside Batumi, the US state beside Atlanta, in articles that also
    name US places."""
    got = _places(extract_text, "Crowds in Batumi, a port of Georgia, waved flags. Senators in Washington and Ohio criticised the bill.")
    assert got[:2] == [("Batumi", "Batumi", "Ajaria", "GE"), ("Georgia", "Georgia", None, "GE")]
    got = _places(extract_text, "Police in Atlanta, the capital of Georgia, arrested two men. Officials in Kenya spoke.")
    assert got[:2] == [("Atlanta", "Atlanta", "Georgia", "US"), ("Georgia", "Georgia", "Georgia", "US")]


def test_places_italic_dateline_line_of_a_markdown_article(nlp):
    """Test that a Markdown article's italic dateline line ("*Kisumu, 5 April 2024*", read as
    "Kisumu, 5 April 2024") gives its place."""
    from components.extract import extract_doc
    from components.ingest import read_bytes

    md = "# Talks on Water\n\n*Kisumu, 5 April 2024*\n\nThe finance minister said prices would fall.\n"
    article = read_bytes(md.encode("utf-8"), "talk.md", None)[0]
    got = [(p.mention, p.name, p.country) for p in extract_doc(article, nlp(article.text), nlp).places]
    assert got == [("Kisumu", "Kisumu", "KE")]


def test_places_name_after_a_title_or_a_persons_last_name_is_a_person(extract_text):
    """Test that a bare name after a form of address ("coach Hanover", "Mrs. Lincoln") or the
    last name of a person the article names ("Karen Stamford ... Stamford could") is no place,
    while the same kind of name with a locative cue stays one."""
    assert _places(extract_text, 'Coach Hanover praised the team. "We fought hard," said coach Hanover after the match in Fargo, North Dakota.') == [
        ("Fargo", "Fargo", "North Dakota", "US"), ("North Dakota", "North Dakota", "North Dakota", "US")]
    assert _places(extract_text, "Mrs. Lincoln spoke at the museum in Springfield, Illinois.") == [
        ("Springfield", "Springfield", "Illinois", "US"), ("Illinois", "Illinois", "Illinois", "US")]
    assert _places(extract_text, "A jury in Tulsa, Oklahoma, convicted Karen Stamford on Tuesday. Stamford could spend up to ten years in prison.") == [
        ("Tulsa", "Tulsa", "Oklahoma", "US"), ("Oklahoma", "Oklahoma", "Oklahoma", "US")]
    assert [p[0] for p in _places(extract_text, "Karen Stamford moved to Tulsa, Oklahoma. She was born in Stamford.")] == [
        "Tulsa", "Oklahoma", "Stamford"]


def test_places_street_names_and_lower_case_words_are_no_places(extract_text):
    """Test that names listed before a plural street noun ("Oakland and Dayton streets"), a street
    noun left after a compass word ("West Street") and lower-case words ("foie gras") are no
    places, while the same town named on its own is."""
    assert _places(extract_text, "A pipe burst at the corner of Oakland and Dayton streets in Toledo, Ohio, on Monday. Workers from Dayton repaired it.") == [
        ("Toledo", "Toledo", "Ohio", "US"), ("Ohio", "Ohio", "Ohio", "US"), ("Dayton", "Dayton", "Ohio", "US")]
    assert _places(extract_text, "The bakery on West Street in Bristol sells croissants and foie gras.") == [
        ("Bristol", "Bristol", "England", "GB")]


def test_places_river_and_fort_names_placed_at_the_nearest_place(extract_text):
    """Test that a river or valley named by its head word ("the Pawnee River", "River Wensum"),
    which no installed gazetteer holds, is a toponym of kind ``feature`` under its own name, placed at
    the article's nearest resolved city or area; a fort the gazetteer knows ("Fort Bragg") resolves as usual."""
    river, city = extract_text("Anglers lined the Tenmile River below Corvallis, Oregon, on Sunday.").places[:2]
    assert (river.name, river.kind, river.geonameid, (river.lat, river.lon)) == (
        "Tenmile River", "feature", None, (city.lat, city.lon))
    assert _places(extract_text, "Canoeists gathered on the banks of the Pawnee River near Topeka, Kansas, on Saturday.") == [
        ("Pawnee River", "Pawnee River", "Kansas", "US"), ("Topeka", "Topeka", "Kansas", "US"), ("Kansas", "Kansas", "Kansas", "US")]
    assert _places(extract_text, "Volunteers cleaned the shore of the River Wensum in Norwich on Sunday.") == [
        ("River Wensum", "River Wensum", "England", "GB"), ("Norwich", "Norwich", "England", "GB")]
    assert _places(extract_text, "The soldier was stationed at Fort Bragg before he moved to Raleigh, North Carolina.")[0] == (
        "Fort Bragg", "Fort Bragg", "North Carolina", "US")


def test_places_town_read_again_inside_a_local_body_but_not_an_institution(extract_text):
    """Test that a town the article reads as a place is read again where it opens the name of a
    local body ("the Galena Volunteer Fire Department", "the Galena Historical Society"), but not
    of a school, hospital or newspaper ("Galena High School")."""
    text = ("A fire broke out in Galena, Illinois, on Monday. The Galena Volunteer Fire Department and the "
            "Galena Historical Society were called. Students of Galena High School helped.")
    got = [(p.mention, p.start) for p in extract_text(text).places]
    assert got == [("Galena", 20), ("Illinois", 28), ("Galena", 53), ("Galena", 94)]


def test_places_kin_apposition_makes_a_name_a_person_throughout(extract_text):
    """Test that a name in apposition to a kinship noun ("His wife, Florence,") is a person's, and
    so are its later bare mentions ("Florence told officers"), not Florence, Italy."""
    text = ("Police in Macon, Georgia, arrested Dale Hunter on Friday. His wife, Florence, was also detained. "
            "Florence told officers she had seen nothing.")
    assert _places(extract_text, text) == [("Macon", "Macon", "Georgia", "US"), ("Georgia", "Georgia", "Georgia", "US")]


def test_places_bare_compass_word_is_a_team_not_a_town(extract_text):
    """Test that a compass word alone ("Madison Central", "Central will compete") is no town
    (not Central, Louisiana), while towns of the same sentences are kept."""
    got = _places(extract_text, "The mock trial team from Central won in Frankfort, Kentucky. Central will compete in Atlanta.")
    assert [p[0] for p in got] == ["Frankfort", "Kentucky", "Atlanta"]


def test_places_state_abbreviation_before_a_noun(extract_text):
    """Test that an AP state abbreviation modifying a lower-case noun in a headline ("Ariz. farmers")
    is the state, and that "Ind. voters" (independent) is not read as Indiana."""
    got = _places(extract_text, "Ariz. farmers face water cuts\n\nGrowers near Yuma said the cuts would hurt.")
    assert got == [("Ariz.", "Arizona", "Arizona", "US"), ("Yuma", "Yuma", "Arizona", "US")]
    assert _places(extract_text, "Ind. voters backed the measure, officials in Boston said.") == [
        ("Boston", "Boston", "Massachusetts", "US")]


def test_places_township_park_and_city_names_placed_at_the_nearest_place(extract_text):
    """Test that "X Township", "X Park" and "X City" names no gazetteer holds are toponyms placed at
    the article's nearest resolved city ("Mill Creek Township outside Zanesville, Ohio")."""
    assert _places(extract_text, "Crews repaired the road near Mill Creek Township outside Zanesville, Ohio.")[0] == (
        "Mill Creek Township", "Mill Creek Township", "Ohio", "US")
    assert _places(extract_text, "The concert will be held at Brookside Park in Zanesville, Ohio, on Friday.")[0] == (
        "Brookside Park", "Brookside Park", "Ohio", "US")


def test_places_brand_before_its_product_name_is_no_city(extract_text):
    """Test that an ORG-tagged city name before a capitalised product name ("A Toyota Corolla") is
    a brand, not Toyota, Japan; the towns of the sentence are kept."""
    assert _places(extract_text, "A Toyota Corolla hit a tree on the highway near Austin, Texas.") == [
        ("Austin", "Austin", "Texas", "US"), ("Texas", "Texas", "Texas", "US")]


def test_places_first_name_beside_a_full_name_is_a_person(extract_text):
    """Test that a name coordinated with a person's full name ("Florence and Tom Baker") is a
    first name, at its later mentions too, while a town after a locative cue in the same
    construction ("from Cairo and Amal Hassan") stays a place."""
    text = "Florence and Tom Baker, both 30, moved to Macon, Georgia, last year. Florence said the move was hard."
    assert _places(extract_text, text) == [("Macon", "Macon", "Georgia", "US"), ("Georgia", "Georgia", "Georgia", "US")]
    got = _places(extract_text, "Doctors from Cairo and Amal Hassan of the ministry met in Giza on Monday.")
    assert [p[0] for p in got] == ["Cairo", "Giza"]


@pytest.mark.parametrize("text, expected", [
    ("Aid convoys left Sittwe for villages in Rakhine State on Friday.", [("Sittwe", "MM"), ("Rakhine", "MM")]),
    ("Clashes were reported in Kachin State and Shan State overnight.", [("Kachin", "MM"), ("Shan", "MM")]),
])
def test_places_area_with_its_kind_word_tagged_as_a_person(extract_text, text, expected):
    """Test that "X State" / "X Province" the model tagged PERSON or ORG is the first-level area X when the
    gazetteer lists X as one (the kind word is left out of the mention)."""
    assert names(extract_text(text)) == expected


def test_places_area_name_tagged_as_common_noun_before_its_kind_word(extract_text):
    """Test that a capitalised area name the tagger took for a common noun, right before its kind word
    ("Zaporizhzhia Oblast governor ..."), is the first-level area."""
    ex = extract_text("Lviv Oblast governor Maksym Kozytskyi said drones hit a depot.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [("Lviv", "admin", "UA")]


def test_places_area_after_a_city_and_comma_is_that_citys_area(extract_text):
    """Test that a first-level area named like a country, right after a city of that area ("Macon, Georgia"),
    is the area, while the same name elsewhere in the article keeps its country reading when the article
    names a city of that country ("the Georgian capital Tbilisi") and a list after a city names countries."""
    ex = extract_text("Envoys met in Georgia's capital Tbilisi on Monday. In Macon, Georgia, farmers watched the news. "
                      "Trade ministers from Berlin, Georgia and Armenia spoke later.")
    assert [(p.mention, p.country, p.kind) for p in ex.places] == [
        ("Georgia", "GE", "country"), ("Tbilisi", "GE", "city"), ("Macon", "US", "city"), ("Georgia", "US", "admin"),
        ("Berlin", "DE", "city"), ("Georgia", "GE", "country"), ("Armenia", "AM", "country")]


def test_places_country_name_stays_a_country_beside_a_person_of_that_surname(extract_text):
    """Test that a country's name used as a surname elsewhere in the article ("Rita Chad") leaves the
    dateline's and the headline's country a place, while the person's own mention is none."""
    ex = extract_text("Chad, Niger agree border patrols\n\nN'DJAMENA, Chad - The two governments signed the accord on Monday. "
                      "The singer Rita Chad performed at the ceremony.")
    assert [(p.mention, p.country) for p in ex.places] == [
        ("Chad", "TD"), ("Niger", "NE"), ("N'DJAMENA", "TD"), ("Chad", "TD")]


def test_places_city_spelt_another_way_in_a_country_the_article_names(extract_text):
    """Test that a city the gazetteer lists under another transliteration ("Khan Younis" for Khan Yunis,
    "Deir al-Balah" for Dayr al Balah) is found in a country the article names, and nowhere else."""
    ex = extract_text("Shelling hit Deir al-Balah in the Gaza Strip on Monday. Families fled to Khan Younis.")
    assert [(p.mention, p.name, p.country) for p in ex.places] == [
        ("Deir al-Balah", "Dayr al Balah", "PS"), ("Gaza Strip", "Gaza Strip", "PS"), ("Khan Younis", "Khan Yunis", "PS")]


def test_places_capitals_dateline_of_two_words_is_one_place(extract_text):
    """Invented: "PORTO ALEGRE, Brazil (AP) —": the model tags only "ALEGRE" (a town Alegre exists); the
    dateline's words are one gazetteer name, so one place, Porto Alegre."""
    ex = extract_text("Floods sweep southern Brazil\n\nPORTO ALEGRE, Brazil (AP) — Floods in Brazil's southernmost state "
                      "have killed at least 21 people, the state civil defense agency said Thursday.\n")
    assert [(p.mention, p.name, p.country) for p in ex.places if p.mention.isupper()] == [
        ("PORTO ALEGRE", "Porto Alegre", "BR")]


def test_places_name_cut_before_its_particle_runs_on(extract_text):
    """Invented: "the state of Rio Grande do Sul": the model ends the name before "do Sul" (and reads
    "do" as a verb); the longer name is the state, and a toll there is placed in it, not in the country."""
    ex = extract_text("Floods\n\nFloods in Brazil's southern state of Rio Grande do Sul have killed at least 12 "
                      "people, officials said on Monday.\n", "2025-05-06")
    assert [(p.mention, p.kind) for p in ex.places if p.country == "BR" and p.name != "Brazil"] == [
        ("Rio Grande do Sul", "admin")]
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Rio Grande do Sul", 12)]


def test_an_exonym_tagged_as_an_organisation_after_in_is_the_city_of_the_articles_country(extract_text):
    """Invented: 'two in Heraklion' (GeoNames: Irakleion, with Heraklion among its alternate names) in an
    article on Greece, which the small model tags ORG: the Cretan city."""
    ex = extract_text("Storm hits Greece\n\nA storm killed three people in Corfu and two in Heraklion on Sunday.", "2025-03-11")
    assert ("Heraklion", "Irakleion", "GR") in [(p.mention, p.name, p.country) for p in ex.places]


def test_an_abbreviated_first_word_finds_the_towns_written_in_full():
    """Invented: 'Mt. Pleasant' and 'Ft. Worth' find the towns GeoNames writes 'Mount Pleasant' and 'Fort
    Worth' (and the reverse), the largest first."""
    from components.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert [(r.name, r.country, r.admin1) for r in gaz.candidates("Ft. Worth")][:1] == [("Fort Worth", "US", "Texas")]
    top = gaz.candidates("Mt. Pleasant")[0]
    assert (top.name, top.country) == ("Mount Pleasant", "US")
    assert {r.name for r in gaz.candidates("Mount Pleasant")} >= {"Mount Pleasant", "Mt Pleasant"}


@pytest.mark.parametrize("text", ["Students at MIT in Boston said the lab was closed.",
                                  "A fundraiser will be held at Culver’s in Madison, Wisconsin.",
                                  "Troops searched a compound in Archi district, Kunduz province."])
def test_an_acronym_a_shop_or_a_district_is_no_exonym_of_a_city(extract_text, text):
    """Invented: the exonym reading of an ORG after a locative cue skips acronyms, possessives (a shop
    named after its founder) and a name before an area word."""
    ex = extract_text(text)
    assert not [p for p in ex.places if p.mention in ("MIT", "Culver's", "Culver’s") or p.mention == "Archi" and p.kind == "city"]


def test_the_first_part_of_a_hyphenated_name_is_no_place(extract_text):
    """Invented: 'near Al-Rai' (a name the gazetteer lacks, tagged LOC): its first part 'Al' is not read as a
    place of that name elsewhere; the casualty keeps no wrong place."""
    ex = extract_text("Camp deaths\n\nNine children had died of hunger in the camp near Al-Rai, aid workers said.")
    assert [p.mention for p in ex.places if p.mention in ("Al", "Rai")] == []


def test_whole_name_matches_are_the_patterns_matches():
    """Test the str.find search of a whole place name against the pattern's own finditer: the
    same ranges where the name stands alone, and none where a letter, dot or hyphen touches it
    (an invented text)."""
    from components.extract.places import _whole_name_matches, _whole_name_pattern

    text = ("Velmora-based crews left Velmora. Officials in Velmora's port, not xVelmora or Velmora_2 "
            "or .Velmora, met in Velmora")
    got = _whole_name_matches("Velmora", text)
    assert got == [m.span() for m in _whole_name_pattern("Velmora").finditer(text)]
    assert [text[a:b] for a, b in got] == ["Velmora"] * 3
    assert got[0][0] == text.index("left Velmora") + 5 and got[-1][1] == len(text)
    assert _whole_name_matches("U.S.", "the U.S.-led talks, U.S. aid, U.S.A.") == [(20, 24)]


def test_title_case_line_memo_gives_the_same_answers():
    """Test the per-line memo of the title-case headline test: every offset of an invented
    two-line text gets the answer computed without it (first line title case, second not)."""
    from components.extract.places import _title_case_line

    text = "Floods Swamp Harbour Town Near Velmora\nRescuers reached the harbour town of Velmora on Monday."
    memo: dict[int, bool] = {}
    got = [_title_case_line(text, c, memo) for c in range(len(text))]
    assert got == [_title_case_line(text, c) for c in range(len(text))]
    assert got[0] and got[20] and not got[-1] and memo == {0: True, text.index("Rescuers"): False}


@pytest.mark.parametrize("text, expected", [
    ("Fishermen pulled two bodies from the sea off Lampedusa on Monday.", [("Lampedusa", "IT")]),
    ("Heavy rain flooded parts of Bududa overnight.", [("Bududa", "UG")]),
    ("Floods hit a farm in Ashby on Monday.", []),
])
def test_places_the_only_village_of_its_name_after_a_locative_cue(extract_text, text, expected):
    """Invented: after a locative preposition or a portion noun ('off X', 'parts of X'), a village or small town
    that is the only place of its name anywhere (GeoNames cities500) is that place, its country unstated, even
    when the model tags it a person; a town named like its district is the town; a small town's name with
    namesakes ('Ashby', in the US and Australia) still needs its country or area named."""
    ex = extract_text(text)
    assert [(p.name, p.country) for p in ex.places if p.kind == "city"] == expected


def test_places_a_bare_name_of_a_province_and_its_capital_is_the_city(extract_text):
    """Invented: a bare "Barcelona" is the city, not the second-level area named after it that holds it (as a bare
    "Kherson" is the city, not the oblast); "X County" and "X and Y counties" stay the counties."""
    ex = extract_text("Dockers in Barcelona walked out on Tuesday.")
    assert [(p.name, p.kind) for p in ex.places] == [("Barcelona", "city")]
    ex = extract_text("Officials in Houston County said the road was closed.")
    assert [(p.name, p.kind) for p in ex.places] == [("Houston County", "admin")]


@pytest.mark.parametrize("text,expected", [
    ("The convoy left Kathmandu 40 minutes before the landslide.", [("Kathmandu", "NP", "city")]),  # tagged LANGUAGE
    ("Traffic on Loop 286 was closed after the crash.", []),  # "Loop 286" tagged LAW: a road, not Chicago's Loop
    ("The Centre for Disease Control said cases rose.", []),  # a name's joining word: no "Centre" (Burkina Faso)
])
def test_places_a_city_under_a_language_label(extract_text, text, expected):
    """Invented: a big city the model tags as a language is read as the city, as other mis-tagged entities are;
    a name tagged as a law is no place (a road's number belongs to its name)."""
    ex = extract_text(text)
    assert [(p.name, p.country, p.kind) for p in ex.places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Pirates boarded a trawler in the Bight of Benin on Sunday.", []),
    ("The drone fell into the Gulf of Oman, the navy said.", []),
    ("A freighter was seized in the Gulf of Guinea 50 nautical miles south of Cotonou.",
     [("Gulf of Guinea", "feature"), ("Cotonou", "city")]),
    ("A dhow sank in the Gulf of Aden on Friday.", [("Gulf of Aden", "water")]),
])
def test_places_a_body_of_water_named_of_a_country_is_not_the_country(extract_text, text, expected):
    """Invented: "<water noun> of X" names a body of water, not the place X ("Bight of Benin" is not Benin,
    "Gulf of Oman" not Oman); one the gazetteer lacks is a feature at the nearest place the article resolves (or
    nothing without one), a listed one resolves as water."""
    ex = extract_text(text)
    assert [(p.name, p.kind) for p in ex.places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Protesters marched in Bogotá and Medellín on Friday.", ["Bogotá", "Medellín"]),
    ("Protesters marched in Bogota on Friday.", ["Bogota"]),
    ("Fans gathered in São Paulo on Sunday.", ["São Paulo"]),
    ("Shelling resumed near Kiev overnight.", ["Kyiv"]),  # another spelling: the gazetteer's name
    ("Dockers in San Pedro walked out on Friday.", ["San Pedro"]),  # GeoNames: "San-Pedro"
    ("KYIV, Ukraine (AP) - Shelling resumed overnight.", ["Kyiv", "Ukraine"]),  # upper case: the gazetteer's
    ("Storms cut power across the US Virgin Islands.", ["US Virgin Islands"]),  # GeoNames: "U.S. Virgin Islands"
    ("Troops from the U.S. arrived on Monday.", ["United States"]),  # an abbreviation: the gazetteer's name
    ("Floodwater closed schools in Makati on Monday.", ["Makati"]),  # GeoNames: "Makati City"
    ("Dockers struck in New York on Monday.", ["New York City"]),  # "New York": also the state's name
    # one name per place in an article: the dateline's capitals take the accents the body writes
    ("BESANÇON, France (AP) - Floods hit the city.\n\nResidents of Besançon were evacuated.",
     ["Besançon", "France", "Besançon"]),
])
def test_places_a_name_keeps_the_accents_the_article_writes(extract_text, text, expected):
    """Invented: a place keeps the name as the article writes it when that is the gazetteer's name but for accents,
    hyphens and abbreviation stops ("Bogotá", "San Pedro", "US Virgin Islands") or a closing settlement word ("Makati" for
    "Makati City"); another spelling, or a name in capitals, gives the gazetteer's name."""
    assert [p.name for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Welders at the Linz steelworks walked out on Monday.", [("Linz", "AT")]),
    ("Shelling cut power to the Zaporizhzhia nuclear plant overnight.", [("Zaporizhzhya", "UA")]),  # tagged PERSON
    ("Hikers went missing in the Andes on Sunday.", []),  # "the X" alone: a range, not the town
])
def test_places_a_big_city_naming_a_facility_after_the(extract_text, text, expected):
    """Invented: a big city's name modifying a facility noun after "the" ("the Linz steelworks", "the Zaporizhzhia
    nuclear plant") is the city, whatever the model tags it and whichever Latin spelling it has; "the X" standing
    alone still names a range or river, not a town of that name."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Talks resumed in Port of Spain on Monday.", [("Port of Spain", "TT")]),  # the model: "Port", "Spain"
    ("Trinidad and Tobago closed its schools.", [("Trinidad and Tobago", "TT")]),
    ("Floods hit Marche-en-Famenne in Belgium.", [("Marche-en-Famenne", "BE"), ("Belgium", "BE")]),
    ("The Bank of England raised rates.", []),
    ("He flew from London to Paris and Rome.", [("London", "GB"), ("Paris", "FR"), ("Rome", "IT")]),
])
def test_places_a_name_joined_by_of_and_or_a_particle_is_one_place(extract_text, text, expected):
    """Invented: a place name whose parts are joined by "of", "and" or a hyphenated particle ("-en-") is one
    place when the gazetteer knows the whole name, not its parts (no Spain in "Port of Spain", no Trinidad in
    Bolivia); a list of places or an organisation named after one is not joined."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Power was cut across the US Virgin Islands on Wednesday.", [("US Virgin Islands", "VI")]),  # the model: "US"
    ("Officials from South Sudan met in New York City.", [("South Sudan", "SS"), ("New York City", "US")]),
])
def test_places_a_country_name_the_model_cut_is_whole(extract_text, text, expected):
    """Invented: a run of capitalised words that is the name of a country or dependent territory is one place even
    without a joining word, when the model tagged only its first word ("US" of "the US Virgin Islands"); a city's or
    an area's name is left to the model ("New York City", not the state New York)."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Heavy snow closed the roads around St. John's on Monday.", [("St. John's", "CA")]),
    ("Snow fell on Oslo's harbour.", [("Oslo", "NO")]),
])
def test_places_a_possessive_that_is_part_of_a_name_is_kept(extract_text, text, expected):
    """Invented: a trailing possessive belongs to the name when the gazetteer knows the name with it ("St. John's",
    not Saint John, Indiana); otherwise it is the genitive of the place before it."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


def test_places_an_area_whose_namesakes_are_tiny_towns_gives_its_country(extract_text):
    """Invented: a first-level area named in the article whose other readings are towns a hundred times smaller
    ("Andalusia": Andalusia, Alabama) still says its country, so a city of the article is read there; without it,
    the bigger namesake wins."""
    ex = extract_text("Firefighters battled a blaze north of Cordoba on Sunday. The regional government of Andalusia "
                      "sent planes.")
    assert [(p.name, p.country) for p in ex.places] == [("Cordoba", "ES"), ("Andalusia", "ES")]
    assert [(p.name, p.country) for p in extract_text("Heavy rain hit Cordoba on Monday.").places] == [("Cordoba", "AR")]


def test_places_the_river_is_the_feature_not_the_area_named_after_it(extract_text):
    """Invented: "the X River" is the river even where an area bears the same name (Tana River County): a feature
    placed at the article's nearest resolved place, not the county's seat 170 km away."""
    ex = extract_text("Boats ferried stranded families out of Garissa on Sunday after the Tana River rose overnight.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [("Garissa", "city", "KE"), ("Tana River", "feature", "KE")]
    garissa, river = ex.places
    assert (river.lat, river.lon) == (garissa.lat, garissa.lon)


@pytest.mark.parametrize("text, expected", [
    ("Shelling hits homes in Donbas\n\nNEAR KRAMATORSK, Ukraine — Artillery fire damaged at least a dozen homes "
     "overnight, officials said.", [("Donbas", "UA"), ("Kramatorsk", "UA"), ("Ukraine", "UA")]),
    ("Anti-government protests spread on Saturday from Iași and Cluj-Napoca to Târgu Mureș.",
     [("Iași", "RO"), ("Cluj-Napoca", "RO"), ("Târgu Mureș", "RO")]),
], ids=["dateline-after-preposition", "coordinated-entity"])
def test_places_read_out_of_a_preposition_or_a_coordination(extract_text, text, expected):
    """Invented: a capitals dateline opened by a place preposition ("NEAR KRAMATORSK, Ukraine —") names the place
    after it; an entity the model ran over "X and Y" is two places when each part is an exact gazetteer name that
    would count as a place on its own."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("Homes were flooded in Kogi State on Sunday after the Niger and Benue rivers burst their banks.",
     [("Kogi", "NG")]),
    ("Ministers from Niger and Benue met in Abuja on Sunday.", [("Niger", "NG"), ("Benue", "NG"), ("Abuja", "NG")]),
], ids=["rivers", "states"])
def test_places_coordinated_names_before_a_plural_river_head_are_rivers(extract_text, text, expected):
    """Invented: "the Niger and Benue rivers" names two rivers, not the country or the states of those names; the
    same names without the plural head are the states."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("QUAKE JOLTS SOUTHERN PERU, AREQUIPA BUILDINGS CRACK\n\nA magnitude 6.3 earthquake shook southern Peru early on "
     "Thursday, cracking walls in dozens of colonial buildings, the national emergency institute said.",
     [("Arequipa", "PE"), ("Peru", "PE")]),
    ("Floods hit Arequipa\n\nRains swept southern Peru on Sunday.", [("Arequipa", "PE"), ("Peru", "PE")]),
    # a word that reads as a verb or adjective is no headline place, even in a country the article names
    ("Reading List For The Summer\n\nOur critics in Britain chose ten novels.", [("United Kingdom", "GB")]),
], ids=["capitals", "title-case", "common-word"])
def test_places_a_headline_names_a_place_the_model_left_untagged(extract_text, text, expected):
    """Invented: a big city of a country the article names, in a headline in capitals or title case that the model
    leaves untagged, is a place; a headline word that reads as a verb or adjective ("Reading") is not."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("Gang violence in Haiti\n\nGangs attacked Croix-des-Bouquets, east of Port-au-Prince, on Monday, residents said.",
     [("Haiti", "HT"), ("Croix-des-Bouquets", "HT"), ("Port-au-Prince", "HT")]),
    ("Fire in Spain\n\nA fire broke out in Dos Hermanas near Seville on Monday.",
     [("Spain", "ES"), ("Dos Hermanas", "ES"), ("Sevilla", "ES")]),
], ids=["des", "dos"])
def test_places_a_name_joined_by_a_romance_particle_is_one_place(extract_text, text, expected):
    """Invented: a place name joined by "des", "dos" (French, Spanish, Portuguese particles) is one place when the
    gazetteer knows it whole, never its first part ("Croix", a town in France)."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("Clashes in Afghanistan\n\nInsurgents attacked a patrol in Bak district of Khowst province, Afghanistan, on Monday.",
     [("Afghanistan", "AF", "country"), ("Bak", "AF", "feature"), ("Khowst", "AF", "admin"), ("Afghanistan", "AF", "country")]),
    ("Cholera in Kenya\n\nThe outbreak has killed 45 people in Nyanza province, officials in Kisumu said.",
     [("Kenya", "KE", "country"), ("Nyanza", "KE", "feature"), ("Kisumu", "KE", "city")]),
    ("Storm warning in Ireland\n\nForecasters issued a red warning for counties Galway, Mayo and Clare, as the storm "
     "nears Ireland.", [("Ireland", "IE", "country"), ("Galway", "IE", "city"), ("Mayo", "IE", "feature"),
                        ("Clare", "IE", "feature"), ("Ireland", "IE", "country")]),
], ids=["district", "province", "counties-before-names"])
def test_places_an_area_the_gazetteer_lacks_is_no_city_abroad(extract_text, text, expected):
    """Invented: "X district" / "X province" / "counties X, Y and Z" in an article on one country, where the
    gazetteer knows X only as a city or a US county in another country (Baku by another spelling, Nyanza in Rwanda,
    Mayo in Maryland, Clare County in Michigan), is that country's area, named as written and placed at the
    article's nearest resolved place (kind feature), never the place abroad."""
    assert [(p.name, p.country, p.kind) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text", [
    "The storm flooded Sta. Teresita in Cagayan province on Monday before it moved toward Sto. Domingo.",
    "Aid reached Ft. Portal on Tuesday after the road from Mt. Elgon reopened.",
], ids=["sta-sto", "ft-mt"])
def test_places_abbreviated_first_word_ends_no_sentence(nlp, extract_text, text):
    """Invented: "Sta." / "Sto." / "Ft." / "Mt." opening a place name stay one token with their period, so no sentence
    ends inside the name (the stub "Sta" or "Sto" was read as a town of its own: Skjern, Stockholm)."""
    doc = nlp(text)
    assert len(list(doc.sents)) == 1
    assert {"Sta.", "Sto.", "Ft.", "Mt."} & {t.text for t in doc}
    assert not {"Sta", "Sto", "Ft", "Mt"} & {p.name for p in extract_text(text).places}


def test_places_a_sentence_set_in_a_country_resolves_its_towns_there(extract_text):
    """Invented: in an article about Libya, "In Lebanon, protesters gathered in Tripoli" sets the sentence in Lebanon,
    so its Tripoli is Lebanon's, not the bigger Libyan capital the rest of the article would suggest."""
    ex = extract_text("Libya talks stall\n\nLibyan delegates met in Benghazi and Misrata on Monday, and Libya's envoy "
                      "said talks would resume in Libya next month. In Lebanon, protesters gathered in Tripoli on Tuesday.")
    assert [(p.name, p.country) for p in ex.places if p.name == "Tripoli"] == [("Tripoli", "LB")]


@pytest.mark.parametrize("word", ["River", "Lake", "Creek"])
def test_places_a_geographic_head_word_alone_is_no_toponym(extract_text, word):
    """Invented: a head word left alone by the entity recogniser ("the Ewaso Ng'iro River" tagged "River") is no
    place (GeoNames lists "River" among a New Jersey town's alternate names)."""
    assert not {p.mention for p in extract_text(f"Flood waters rose near the {word} on Monday.").places} & {word}
    from components.extract.places import _is_non_place
    assert _is_non_place(word) and not _is_non_place("Red River") and not _is_non_place("Delta")


def test_places_capitals_dateline_with_a_dated_parenthesis(extract_text):
    """Invented: "CHERNIHIV, Ukraine (Nov. 20, 2024) — The mayor said ..." names Chernihiv though the model leaves it
    untagged (a parenthesised date, not only an agency, may follow the place)."""
    ex = extract_text("Officials speak\n\nCHERNIHIV, Ukraine (Nov. 20, 2024) — The mayor said on Tuesday that the city "
                      "had enough power for the winter.")
    assert [(p.name, p.kind) for p in ex.places if p.country == "UA"][:1] == [("Chernihiv", "city")]


def test_places_a_capitals_dateline_names_the_town_and_its_other_mentions(extract_text):
    """Invented: "SUMY, Ukraine —" names the city, not the oblast named after it, even when the article names a town
    of the oblast (which would make the area likely); the name's other uncued mentions are the city too."""
    ex = extract_text("Shelling hits Sumy\n\nSUMY, Ukraine — Shelling killed two people in Sumy on Monday, officials "
                      "said. A drone hit a bus near the village of Trostianets, south of Sumy.")
    assert [p.kind for p in ex.places if p.name == "Sumy"] == ["city"] * 4


def test_places_a_province_is_not_a_village_that_bears_its_name_as_an_alternate(extract_text):
    """Invented: "Kocaeli" alone is the Turkish province, not Kosekoy, a village of 9,000 that GeoNames also lists
    under its province's name (only a main city named like its area, "New York", "Kherson", reads that way)."""
    ex = extract_text("Factories in Kocaeli reopened on Monday after the floods, the governor said.")
    assert [(p.name, p.kind, p.country) for p in ex.places] == [("Kocaeli", "admin", "TR")]


def test_places_a_town_named_like_a_country_with_its_state(extract_text):
    """Invented: "Peru, Indiana" and "Mexico, Missouri" are the towns of those states, not the countries ("Austria,
    Germany" stays a list of countries); ", Mayor X said" after the state ends no list."""
    ex = extract_text("Flooding closed roads in Mexico, Missouri, and Peru, Indiana, on Monday. In Peru, Indiana, Mayor "
                      "Ann Cole said two bridges were shut. Officials in Austria, Germany and France watched the rivers.")
    got = [(p.name, p.country, p.kind) for p in ex.places if p.name in ("Mexico", "Peru", "Austria", "Germany")]
    assert got == [("Mexico", "US", "city"), ("Peru", "US", "city"), ("Peru", "US", "city"), ("Austria", "AT", "country"),
                   ("Germany", "DE", "country")]


@pytest.mark.parametrize("text, name", [
    ("RABAT — The quake struck villages south of Taroudant before dawn on Friday, Moroccan officials said.", "Taroudant"),
    ("The flood reached farms 20 km north-east of Tiznit on Friday, Moroccan officials said.", "Tiznit"),
], ids=["south-of", "km-north-east-of"])
def test_places_a_small_town_after_a_direction_from_it(extract_text, name, text):
    """Invented: "south of X", "20 km north-east of X" cue a town the model leaves untagged, as "in X" does (a town
    under 100,000 people needs such a cue)."""
    assert name in [p.name for p in extract_text(text).places]


@pytest.mark.parametrize("text,expected", [
    ("Forecasters issued a flood warning for Grafton and Kempsey on Thursday.", [("Grafton", "AU"), ("Kempsey", "AU")]),
    ("Officials lifted the evacuation order for Kalgoorlie on Friday.", [("Kalgoorlie", "AU")]),
    ("Rebel fighters advanced on Tessalit on Sunday.", [("Tessalit", "ML")]),
    ("The airline placed an order for Embraer jets.", []),  # an order, no warning: no cue
])
def test_places_a_warning_for_or_an_advance_on_a_small_town(extract_text, text, expected):
    """Invented: "a flood warning for X", "the evacuation order for X" (alert_nouns) and "advanced on X"
    (advance_verbs) cue a small town the model tagged as a person, as "in X" does."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Storms flooded roads in eMalahleni and across eSwatini on Monday.", [("eMalahleni", "ZA"), ("eSwatini", "SZ")]),
    ("Aid workers in Cox's Bazar reported new arrivals on Monday.", [("Cox's Bazar", "BD")]),
    ("Troops from Puntland and Galmudug clashed on Sunday.", [("Puntland", "SO"), ("Galmudug", "SO")]),
])
def test_places_prefixed_and_apostrophe_names_and_somali_states(extract_text, text, expected):
    """Invented: a name with a Nguni locative prefix ("eMalahleni") is a name, not lower-case words; an apostrophe
    written straight or curly is one spelling ("Cox's Bazar" as written, not GeoNames' "Cox’s Bāzār"); Somalia's
    federal member states are places (gazetteer_aliases regions)."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


def test_places_a_dateline_place_the_model_ran_into_its_bracket(extract_text):
    """Invented: "Bunia (DR Congo) (AFP) -" tagged as one organisation "Bunia (DR Congo" still names the town."""
    places = extract_text("Bunia (DR Congo) (AFP) - Militiamen burned a market in Djugu territory overnight.").places
    assert ("Bunia", "CD") in [(p.name, p.country) for p in places]


@pytest.mark.parametrize("text,expected", [
    ("Hundreds of new arrivals reached Kenya's Kakuma refugee camp on Monday.", [("Kenya", "KE"), ("Kakuma", "KE")]),
    ("Aid cuts have hit the Dadaab camps in Kenya, officials said.", [("Dadaab", "KE"), ("Kenya", "KE")]),
])
def test_places_a_camp_named_after_its_town(extract_text, text, expected):
    """Invented: a town's name modifying a camp noun (camp_nouns: "Kakuma refugee camp", "the Dadaab camps") is
    the town the camp lies at, whatever the model tagged it."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected


@pytest.mark.parametrize("text,expected", [
    ("Farmers in Nigeria said eight herders were killed in Guma on Sunday.", [("Nigeria", "NG")]),
    ("Coastguards rescued 40 migrants off Lampedusa on Sunday.", [("Lampedusa", "IT")]),
])
def test_places_the_only_village_of_a_name_in_an_unnamed_country(extract_text, text, expected):
    """Invented: the only village anywhere of a name (GeoNames' Guma is in China) is not that village when the article
    names other countries but never its own; with no country named, the only place of the name is it."""
    assert [(p.name, p.country) for p in extract_text(text).places] == expected
