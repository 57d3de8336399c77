"""Hand-made, realistic extractions for the dashboard tests.

The seed article's real text is read with :func:`components.ingest.read_path`
and annotated by hand (offsets found in the text), so query tests do not depend
on how far the extractors have come. A second tiny article in another
collection and with hostile strings (``<script>``, ``**bold**``, ``100%``)
exercises filters and escaping.
"""

from __future__ import annotations

from pathlib import Path

from components.ingest import read_path
from components.models import Article, Casualty, Extraction, Place, Quote, Speaker, Stance

ROOT = Path(__file__).resolve().parents[1]
SEED_TXT = next((ROOT / "data" / "articles").glob("*.txt"))

PLACES = {  # name -> (kind, country, lat, lon)
    "Kyiv": ("city", "UA", 50.45, 30.52),
    "Ukraine": ("country", "UA", 49.0, 32.0),
    "Kherson": ("city", "UA", 46.64, 32.61),
    "Aleppo": ("city", "SY", 36.20, 37.16),
    "China": ("country", "CN", 35.0, 105.0),
    "Paris": ("city", "FR", 48.85, 2.35),
}


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.index(needle, start)
    return i, i + len(needle)


def seed_extraction() -> Extraction:
    """The seed article with quotes of Zelenskyy, Kallas, Sullivan; places; the Kherson casualty; stances."""
    article = read_path(SEED_TXT, collection="seed")[0]
    t = article.text
    aid = article.id
    quotes: list[Quote] = []

    def quote(content: str, speaker: str, kind: str, cue: str, topics: list[str], confidence: float,
              stype: str = "person") -> Quote:
        s, e = _span(t, content)
        cs, ce = _span(t, cue, max(0, s - 200))
        q = Quote(id=f"{aid}:q{len(quotes) + 1}", text=content, start=s, end=e, kind=kind, cue=cue, cue_start=cs,
                  cue_end=ce, speaker=speaker, speaker_type=stype, topics=topics, confidence=confidence)
        quotes.append(q)
        return q

    q1 = quote("An invitation for Ukraine to join NATO is a necessary thing for our survival.", "Volodymyr Zelenskyy",
               "direct", "declared", ["nato"], 0.9)
    q2 = quote("We need to definitely discuss this – if Ukraine decides to draw the line somewhere", "Kaja Kallas",
               "direct", "remarked", ["peace-talks"], 0.55)
    q3 = quote("That is not under consideration, no.", "Jake Sullivan", "direct", "told", ["nuclear-weapons"], 0.8)
    q4 = quote("It was not Kyiv that fell in three days, but Aleppo", "Dan Sabbagh", "direct", "observed",
               ["syria"], 0.7)
    speakers = [
        Speaker(name="Volodymyr Zelenskyy", aliases=["Zelenskyy"], role="President", country="UA"),
        Speaker(name="Kaja Kallas", aliases=["Kallas"], role="top diplomat", org="European Union"),
        Speaker(name="Jake Sullivan", role="National Security Advisor", org="White House", country="US"),
        Speaker(name="Dan Sabbagh", role="defense editor", org="The Guardian", country="GB"),
    ]
    places: list[Place] = []
    for name in ("Kyiv", "Kherson", "Aleppo", "China"):
        s, e = _span(t, name)
        kind, cc, lat, lon = PLACES[name]
        places.append(Place(name=name, mention=name, start=s, end=e, kind=kind, country=cc, lat=lat, lon=lon))
    # every "Ukraine" mention (the map's biggest marker)
    pos = 0
    while True:
        i = t.find("Ukraine", pos)
        if i < 0:
            break
        kind, cc, lat, lon = PLACES["Ukraine"]
        places.append(Place(name="Ukraine", mention="Ukraine", start=i, end=i + 7, kind=kind, country=cc, lat=lat,
                            lon=lon))
        pos = i + 7
    places.sort(key=lambda p: p.start)
    cs, ce = _span(t, "On Sunday, the southern Ukrainian city of Kherson was struck by a Russian drone attack, "
                      "resulting in the deaths of at least three people and injuring seven others.")
    casualties = [Casualty(place="Kherson", country="UA", lat=46.64, lon=32.61, date="2024-12-01", killed_min=3,
                           killed_qualifier="at_least", injured_min=7, injured_max=7, injured_qualifier="exact",
                           cause="drone attack", actor="Russia", start=cs, end=ce, confidence=0.75)]
    stances = [
        Stance(speaker="Volodymyr Zelenskyy", topic="nato", polarity="support", score=0.8, evidence=[q1.id],
               cues=["necessary"]),
        Stance(speaker="Kaja Kallas", topic="peace-talks", polarity="support", score=0.5, evidence=[q2.id]),
        Stance(speaker="Jake Sullivan", topic="nuclear-weapons", polarity="oppose", score=-0.7, evidence=[q3.id],
               cues=["not under consideration"]),
    ]
    return Extraction(article=article, quotes=quotes, speakers=speakers, places=places, casualties=casualties,
                      stances=stances)


HOSTILE_TEXT = (
    'The mayor of Paris, Anne <b>Hidalgo</b>, said: "Prices rose 100% and <script>alert(1)</script> '
    '**bold** claims are _false_." Two people were killed in Paris on Monday.'
)


def hostile_extraction() -> Extraction:
    """A tiny article in collection ``other`` whose title and text contain HTML/Markdown and ``%``."""
    t = HOSTILE_TEXT
    article = Article(id="hostile-1", title="<script>alert(1)</script> **bold** title", published="2025-03-03",
                      outlet="Le Test", collection="other", text=t)
    s, e = _span(t, 'Prices rose 100% and <script>alert(1)</script> **bold** claims are _false_.')
    q = Quote(id="hostile-1:q1", text=t[s:e], start=s, end=e, kind="direct", cue="said", speaker="Anne Hidalgo",
              topics=["economy"], confidence=0.65)
    ps, pe = _span(t, "Paris")
    kind, cc, lat, lon = PLACES["Paris"]
    place = Place(name="Paris", mention="Paris", start=ps, end=pe, kind=kind, country=cc, lat=lat, lon=lon)
    cs, ce = _span(t, "Two people were killed in Paris on Monday.")
    cas = Casualty(place="Paris", country="FR", lat=lat, lon=lon, date="2025-03-03", killed_min=2, killed_max=2,
                   killed_qualifier="exact", start=cs, end=ce, confidence=0.6)
    return Extraction(article=article, quotes=[q], speakers=[Speaker(name="Anne Hidalgo", role="mayor",
                                                                     country="FR")],
                      places=[place], casualties=[cas],
                      stances=[Stance(speaker="Anne Hidalgo", topic="economy", polarity="oppose", score=-0.4,
                                      evidence=[q.id])])
