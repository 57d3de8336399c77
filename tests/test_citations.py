"""Citations in exports (components/store/citations.py) and export file names, on invented text."""

from __future__ import annotations

import datetime as dt

from components.models import Article, Casualty, Extraction, Place, Quote
from components.store import Store
from components.store import queries as Q
from components.store.citations import sentence_of
from components.store.filters import QueryFilters

TEXT = ('Harbour works began. "The quay will open in May," said Ilona Varga. Nobody objected!\n'
        'Two people were killed in a fire in Velmora on Monday. The port is closed.')


def test_sentence_of_cuts_at_sentence_ends_and_line_breaks():
    s = TEXT.index("The quay")
    assert sentence_of(TEXT, s, s + 27) == '"The quay will open in May," said Ilona Varga.'
    s = TEXT.index("Velmora")
    assert sentence_of(TEXT, s, s + 7) == "Two people were killed in a fire in Velmora on Monday."
    s = TEXT.index("Nobody")
    assert sentence_of(TEXT, s, s + 6) == "Nobody objected!"
    assert sentence_of(TEXT, 5, 2) == "" and sentence_of("no end", 0, 2) == "no end"


def test_exports_carry_url_outlet_title_date_offsets_and_sentence(tmp_path):
    qs = TEXT.index("The quay")
    ps = TEXT.index("Velmora")
    cs = TEXT.index("Two people")
    ex = Extraction(
        article=Article(id="h1", title="Harbour", outlet="Port Gazette", url="https://example.org/h1",
                        published="2025-05-02", text=TEXT),
        quotes=[Quote(id="h1:q1", text="The quay will open in May", start=qs, end=qs + 25, kind="direct",
                      speaker="Ilona Varga", speaker_type="person")],
        places=[Place(name="Velmora", mention="Velmora", start=ps, end=ps + 7, kind="city", lat=47.1, lon=33.2)],
        casualties=[Casualty(place="Velmora", killed_min=2, killed_max=2, cause="fire", start=cs,
                             end=TEXT.index(" The port"))],
    )
    store = Store(tmp_path / "x.duckdb")
    store.add_extractions([ex])
    expected = {"url": "https://example.org/h1", "outlet": "Port Gazette", "title": "Harbour"}
    for df, sentence in ((Q.quotes_export(store, QueryFilters()), '"The quay will open in May," said Ilona Varga.'),
                         (Q.places_table(store, QueryFilters()), "Two people were killed in a fire in Velmora on Monday."),
                         (Q.casualties_table(store, QueryFilters()), "Two people were killed in a fire in Velmora on Monday.")):
        row = df.iloc[0]
        assert {k: row[k] for k in expected} == expected
        assert str(row["published"]) == "2025-05-02" and row["sentence"] == sentence
        assert TEXT[int(row["start"]):int(row["end"])] in row["sentence"]


def test_export_file_name_says_what_was_filtered_and_when():
    from components.ui.widgets import export_stem

    now = dt.datetime(2026, 12, 6, 2, 40, tzinfo=dt.timezone.utc)
    assert export_stem("quotes", QueryFilters(), now) == "quotes_all_2026-12-06T0240Z"
    f = QueryFilters(countries=("UA",), topics=("sanctions", "ceasefire"), text="cease fire/now")
    assert export_stem("quotes", f, now) == "quotes_countries-UA_topics-sanctions+ceasefire_text-cease-fire-now_2026-12-06T0240Z"
