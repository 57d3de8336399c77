"""Reading articles: formats, sidecars, cleaning, ids, errors."""

from __future__ import annotations

import json

import pytest

from components.errors import ArticleReadError
from components.ingest import clean_text, content_id, expand_paths, normalise_date, read_bytes, read_path

from .conftest import ROOT, load_case

SEED = ROOT / "data" / "articles" / "000_d227dde8fd7d9ec0.txt"


def test_ingest_txt_headline_and_sidecar():
    """The seed's sidecar gives title, outlet and date; the text keeps every character."""
    (article,) = read_path(SEED)
    assert article.title == "Zelenskyy Pushes for NATO Membership as Russian Attacks Persist"
    assert article.outlet == "World Today News"
    assert article.published == "2024-12-01"
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.id == content_id(article.text) == "12c4c2834aa294c2"


def test_ingest_txt_first_nonempty_line_is_title():
    (a,) = read_bytes(b"\n\n  Floods hit the valley \nWater rose overnight.", "x.txt")
    assert a.title == "Floods hit the valley"
    assert a.published is None


def test_ingest_repairs_mojibake_and_nbsp():
    """Test that case Q15's Windows-1252 mojibake and NBSP are repaired before extraction: the article keeps
    the supplied text (NBSP made a space, one character for one), the parser reads the repaired copy."""
    from components.extract import analysis_text

    case = load_case("Q15")
    (a,) = read_bytes(case["text"].encode("utf-8"), "q15.txt")
    assert a.text == case["text"].replace("\u00a0", " ")
    assert analysis_text(a) == "“We lost everything in one night,” said José María Ruiz."
    assert a.id == content_id(analysis_text(a))


def test_ingest_repair_maps_offsets_back_to_the_supplied_text():
    """Test that each repaired character maps to the run of supplied characters it came from."""
    from components.ingest import repair_text

    supplied = "CafÃ© \u200bopen.\nRenÃ© said."
    repaired, offsets = repair_text(supplied)
    assert repaired == "Café open.\nRené said."
    assert offsets.span(0, 4) == (0, 5)  # "Café" <- "CafÃ©"
    assert offsets.span(5, 10) == (7, 12)  # "open." after the zero-width space
    assert offsets.span(11, 15) == (13, 18)  # "René" on the next line
    assert offsets.span(16, 21) == (19, 24)  # "said."
    assert repair_text("No repair needed.\n") == ("No repair needed.\n", None)


def test_ingest_extraction_offsets_index_the_supplied_text(extract_text):
    """Test that quote, cue, mention and place offsets after mojibake index the supplied text, not the
    repaired copy (provenance as the user supplied it; invented text)."""
    supplied = ("The cafÃ© owner RenÃ© Dubois spoke in Lyon. \u200b"
                "\"We will rebuild the terrace before spring,\" Dubois said on Tuesday in Lyon.")
    ex = extract_text(supplied)
    assert ex.article.text == supplied
    (q,) = [q for q in ex.quotes if "terrace" in q.text]
    assert (q.text, q.speaker) == ("We will rebuild the terrace before spring", "René Dubois")
    assert supplied[q.start:q.end] == "We will rebuild the terrace before spring"
    assert (supplied[q.mention_start:q.mention_end], supplied[q.cue_start:q.cue_end]) == ("Dubois", "said")
    assert [supplied[p.start:p.end] for p in ex.places if p.name == "Lyon"] == ["Lyon", "Lyon"]


def test_ingest_cp1252_bytes_decode():
    (a,) = read_bytes("“Café” opened.".encode("cp1252"), "x.txt")
    assert a.text == "“Café” opened."


def test_ingest_jsonl_lines_with_ids(tmp_path):
    p = tmp_path / "batch.jsonl"
    p.write_text(
        json.dumps({"id": "a1", "text": "First story.", "published": "Dec. 1, 2024", "outlet": "X"})
        + "\n\n"
        + json.dumps({"text": "Second story."})
        + "\n",
        encoding="utf-8",
    )
    a1, a2 = read_path(p)
    assert (a1.id, a1.published, a1.outlet) == ("a1", "2024-12-01", "X")
    assert a2.id == content_id("Second story.")


@pytest.mark.parametrize(
    "line,message",
    [("{not json", "batch.jsonl:1: not valid JSON"), ('{"title": "no text"}', "batch.jsonl:1: each line must be")],
)
def test_ingest_jsonl_bad_line_names_line(tmp_path, line, message):
    p = tmp_path / "batch.jsonl"
    p.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ArticleReadError, match=message):
        read_path(p)


def test_ingest_html_main_text_and_metadata():
    html = (
        "<html><head><title>Storm closes port</title><meta property='og:site_name' content='Coast News'>"
        "<meta name='date' content='2024-03-05'></head><body><nav>Home | World</nav><article>"
        "<h1>Storm closes port</h1><p>The harbour master said the port would stay closed until Friday "
        "because waves were still too high for the ferries.</p><p>“We cannot risk it,” she said.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    (a,) = read_bytes(html.encode("utf-8"), "page.html")
    assert a.title == "Storm closes port"
    assert a.published == "2024-03-05"
    assert "port would stay closed until Friday" in a.text
    assert "Copyright" not in a.text


@pytest.mark.parametrize(
    "data,name,message",
    [
        (b"", "empty.txt", "the file is empty"),
        (b"\x00\x01\x02binary", "x.txt", "binary file"),
        (b"text", "x.pdf", "unsupported file type '.pdf'"),
        (b"<html><body></body></html>", "x.html", "no main text"),
    ],
)
def test_ingest_bad_input_clear_error(data, name, message):
    with pytest.raises(ArticleReadError, match=message):
        read_bytes(data, name)


def test_ingest_clean_text_zero_width_and_crlf():
    assert clean_text("a\u200bb\r\nc\u00a0d") == "ab\nc d"


@pytest.mark.parametrize("value,iso", [("2024-12-01", "2024-12-01"), ("1 December 2024", "2024-12-01"), ("", None), ("soon-ish", None)])
def test_ingest_normalise_date(value, iso):
    assert normalise_date(value) == iso


def test_ingest_expand_paths_folders_globs_and_sidecars(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.yaml").write_text("title: A")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    (tmp_path / "c.pdf").write_text("z")
    files, problems = expand_paths([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "c.pdf"), "nope/*.txt"])
    assert [f.name for f in files] == ["a.txt", "b.md"]
    assert problems == [(str(tmp_path / "c.pdf"), "unsupported file type '.pdf'"),
                        ("nope/*.txt", "the pattern matched no file")]


def test_ingest_published_from_dateline_when_missing():
    """Test that an undated release takes its dateline's date, and a sidecar date wins over it."""
    text = b"2011-11-S-034\n\nKABUL, Afghanistan (Nov. 20, 2011)\nA coalition force detained two suspects yesterday."
    (a,) = read_bytes(text, "release.txt")
    assert a.published == "2011-11-20"
    (b,) = read_bytes(text, "release.txt", {"published": "2011-11-21"})
    assert b.published == "2011-11-21"


@pytest.mark.parametrize(
    "head,expected",
    [
        ("ISAF Joint Command Operational Update, Jan. 10, 2011\nKABUL - Forces", "2011-01-10"),
        ("WASHINGTON (Reuters) - Talks resumed", None),
        ("Report (May 40, 2012)", None),  # not a day
    ],
)
def test_ingest_dateline_date_forms(head, expected):
    from components.ingest import dateline_date

    assert dateline_date(head) == expected


def test_ingest_jsonl_html_text_is_read_as_html_with_a_warning(tmp_path):
    """Test that a feed's text field written in HTML loses its tags and scripts (a warning says so), and that
    plain text with a "<" is left as it is."""
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "f1", "text": "<p>Rain hit Lamu.</p><p><b>Ida Moss</b> said roads were shut.</p>"
                                                 "<script>steal()</script>"}) + "\n"
                 + json.dumps({"id": "f2", "text": "Turnout fell below 3 < 5 percent, officials said."}) + "\n", encoding="utf-8")
    warnings = []
    a, b = read_path(p, on_warning=lambda where, msg: warnings.append((where, msg)))
    assert a.text == "Rain hit Lamu.\nIda Moss said roads were shut."
    assert b.text == "Turnout fell below 3 < 5 percent, officials said."
    assert [w for w in warnings if "HTML" in w[1]] == [(f"{p}:1", "the text held HTML markup; it was read as an HTML page is (tags removed)")]


def test_ingest_jsonl_line_separator_inside_text_is_not_a_line_break(tmp_path):
    """Test that U+2028 written raw inside a JSON string (ensure_ascii=False) keeps the line whole."""
    p = tmp_path / "raw.jsonl"
    p.write_text(json.dumps({"id": "r1", "text": "Header\u2028KABUL (Reuters) - Talks began."}, ensure_ascii=False) + "\n",
                 encoding="utf-8")
    (a,) = read_path(p)
    assert a.id == "r1" and a.text.endswith("Talks began.")


def test_ingest_jsonl_bad_line_skipped_with_on_error(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "a", "text": "One."}\n{broken\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    errors = []
    arts = read_path(p, on_error=lambda where, msg: errors.append((where, msg)))
    assert [a.id for a in arts] == ["a", "b"]
    assert errors == [(f"{p}:2", "not valid JSON (Expecting property name enclosed in double quotes at column 2)")]


def test_ingest_too_long_article_clear_error():
    from components.ingest import MAX_ARTICLE_CHARS

    with pytest.raises(ArticleReadError, match="the limit is 200,000") as info:
        read_bytes(b"word " * (MAX_ARTICLE_CHARS // 5 + 10), "long.txt")
    assert info.value.where == "long.txt"
    assert info.value.reason.startswith("the article is 200,050 characters long")


def test_ingest_error_message_names_file_once():
    with pytest.raises(ArticleReadError) as info:
        read_bytes(b"", "empty.txt")
    assert str(info.value) == "empty.txt: the file is empty"
    assert (info.value.where, info.value.reason) == ("empty.txt", "the file is empty")


def test_ingest_markdown_headline_without_emphasis():
    (a,) = read_bytes(b"# **Ceasefire talks resume**\n\nText.", "x.md")
    assert a.title == "Ceasefire talks resume"


# ---------------------------------------------------------------- encodings (BOM)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_ingest_bom_picks_the_encoding(codec):
    """Test that a file with a byte-order mark is decoded with it, not rejected as binary (UTF-16 has NUL bytes)."""
    text = "Probe: wire copy\n\n“We are ready,” said Oleh Kiper in Odesa."
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data  # Python writes no BOM for the explicit-endian codec
    (a,) = read_bytes(data, "probe.txt")
    assert a.text == text
    assert a.title == "Probe: wire copy"


def test_ingest_bom_with_broken_body_clear_error():
    with pytest.raises(ArticleReadError) as info:
        read_bytes(b"\xff\xfeA\x00B", "odd.txt")  # 3 bytes after the mark: not UTF-16
    assert info.value.reason == ("the file starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                                 "(truncated data at byte 4)")


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "head,expected",
    [
        ("Strike in Beirut\n\nBeirut, 3 January 2024 - Five people were killed", "2024-01-03"),
        ("Interview\n\nChisinau, 14 February 2024 - The president spoke", "2024-02-14"),
        ("Title\n\n*By our correspondent* — **Beirut, 3 January 2024**\n\nText", "2024-01-03"),
        ("Title\n\nLONDON, 5 Sept. 2023 - Text", "2023-09-05"),
        ("Title\n\nGENEVA, 31 February 2024 - Text", None),  # not a day
        ("Title\n\n3 Marines 2024 landed", None),  # not a month
        ("Brief, 2 March 2024 then (Jan. 25, 2013)", "2013-01-25"),  # a parenthesised dateline wins
    ],
)
def test_ingest_dateline_day_month_year(head, expected):
    from components.ingest import dateline_date

    assert dateline_date(head) == expected


def test_ingest_day_month_year_dateline_gives_published():
    (a,) = read_bytes(b"Strike in Beirut\n\nBeirut, 3 January 2024 - Five people were killed.", "a.txt")
    assert a.published == "2024-01-03"


@pytest.mark.parametrize(
    "value,iso",
    [
        ("2024-03-10", "2024-03-10"),
        ("25/12/2024", "2024-12-25"),  # day first: 25 is no month
        ("12/25/2024", "2024-12-25"),  # month first
        ("05.05.2024", "2024-05-05"),  # same either way
        ("Dec. 1, 2024", "2024-12-01"),
        ("2024-12-01T10:00Z", "2024-12-01"),
        (1733443200, "2024-12-06"),  # a Unix timestamp, seconds: its UTC day
        ("1733529599", "2024-12-06"),  # 23:59:59 UTC that day
        ("1733443200123", "2024-12-06"),  # milliseconds
        ("", None),
        (None, None),
    ],
)
def test_ingest_parse_published_reads(value, iso):
    from components.ingest import parse_published

    assert parse_published(value) == (iso, None)


def test_ingest_parse_published_yaml_date_and_bare_year():
    import datetime as dt

    from components.ingest import parse_published

    assert parse_published(dt.date(2024, 3, 10)) == ("2024-03-10", None)
    assert parse_published(2024) == (None, "published '2024' is not a full date (no day); stored without a date "
                                           "(write it as YYYY-MM-DD to set one)")
    assert parse_published("March 2024")[0] is None


@pytest.mark.parametrize(
    "value,message",
    [
        ("10/03/2024", "published '10/03/2024' is ambiguous: 10 March 2024 (day first) or 3 October 2024 "
                       "(month first)? Write the date as ISO YYYY-MM-DD (2024-03-10 or 2024-10-03)"),
        ("31/02/2024", "published '31/02/2024' is not a real date (day is out of range for month); "
                       "write it as YYYY-MM-DD"),
        ("2024-02-30", "published '2024-02-30' is not a real date (day is out of range for month)"),
        ("not-a-date", "published 'not-a-date' is not a date with a year; write it as YYYY-MM-DD"),
        ("Tuesday 4 pm", "published 'Tuesday 4 pm' is not a date with a year; write it as YYYY-MM-DD"),
        ("10/03/24", "published '10/03/24' is ambiguous (day or month first?); write it as YYYY-MM-DD"),
        ("4/7/9", "published '4/7/9' has no full year; write it as YYYY-MM-DD"),
        ("6/6/6", "published '6/6/6' has no full year; write it as YYYY-MM-DD"),
        ("2023-05-14T26:70:00Z", "published '2023-05-14T26:70:00Z' has an impossible time of day (26:70:00); "
                                 "write it as YYYY-MM-DD"),
        ("2023-05-14 11:75", "published '2023-05-14 11:75' has an impossible time of day (11:75); "
                             "write it as YYYY-MM-DD"),
    ],
)
def test_ingest_parse_published_rejects(value, message):
    from components.ingest import parse_published

    with pytest.raises(ValueError) as info:
        parse_published(value)
    assert str(info.value) == message


def test_ingest_parse_published_refuses_a_date_in_the_future():
    """Test that a published date after tomorrow (UTC) is refused, also in another form, and that today passes."""
    import datetime as dt

    from components.ingest import parse_published

    today = dt.datetime.now(dt.timezone.utc).date()
    later = today + dt.timedelta(days=3)
    assert parse_published(today.isoformat()) == (today.isoformat(), None)
    for value in (later.isoformat(), f"{later:%d %B %Y}", "2201-01-09T10:00:00Z"):
        with pytest.raises(ValueError, match=r"is in the future \(after "):
            parse_published(value)


def _with_sidecar(tmp_path, text: str, sidecar: str):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text(sidecar, encoding="utf-8")
    return tmp_path / "a.txt"


def test_ingest_sidecar_bare_year_is_no_date_with_warning(tmp_path):
    p = _with_sidecar(tmp_path, "Talks\n\nTalks resumed.", "published: 2024\n")
    warnings = []
    (a,) = read_path(p, on_warning=lambda where, msg: warnings.append((where, msg)))
    assert a.published is None
    assert warnings == [(str(p), "published '2024' is not a full date (no day); stored without a date "
                                 "(write it as YYYY-MM-DD to set one)")]


def test_ingest_sidecar_bare_year_falls_back_to_the_dateline(tmp_path):
    p = _with_sidecar(tmp_path, "Talks\n\nBeirut, 3 January 2024 - Talks resumed.", "published: '2024'\n")
    warnings = []
    (a,) = read_path(p, on_warning=lambda where, msg: warnings.append(msg))
    assert a.published == "2024-01-03"
    assert warnings == ["published '2024' is not a full date (no day); stored without a date (write it as "
                        "YYYY-MM-DD to set one); the dateline's date 2024-01-03 is used"]


@pytest.mark.parametrize(
    "published,reason",
    [
        ("10/03/2024", "published '10/03/2024' is ambiguous: 10 March 2024 (day first) or 3 October 2024 "
                       "(month first)? Write the date as ISO YYYY-MM-DD (2024-03-10 or 2024-10-03)"),
        ("31/02/2024", "published '31/02/2024' is not a real date (day is out of range for month); "
                       "write it as YYYY-MM-DD"),
        ("{when: today}", "published is a mapping, not a date; write it as YYYY-MM-DD"),
    ],
)
def test_ingest_sidecar_bad_date_keeps_the_article_with_a_warning(tmp_path, published, reason):
    """Dates never cost an article: a refused date is left out, the reason is a warning."""
    p = _with_sidecar(tmp_path, "Ministers meet\n\nMinisters met in Geneva.", f"published: {published}\n")
    warnings = []
    (a,) = read_path(p, on_warning=lambda where, msg: warnings.append((where, msg)))
    assert (a.title, a.published) == ("Ministers meet", None)
    assert warnings == [(str(p), reason + "; kept without this date")]


def test_ingest_sidecar_unambiguous_numeric_date(tmp_path):
    p = _with_sidecar(tmp_path, "Ministers meet\n\nMinisters met in Geneva.", "published: 25/12/2024\n")
    (a,) = read_path(p)
    assert a.published == "2024-12-25"


def test_ingest_jsonl_ambiguous_date_line_kept_with_the_dateline_date(tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Talks\n\nOslo, 4 May 2024 - Talks resumed.", "published": "10/03/2024"})
                 + "\n" + json.dumps({"id": "b", "text": "Two.", "published": "2024-03-10"}) + "\n", encoding="utf-8")
    errors, warnings = [], []
    arts = read_path(p, on_error=lambda where, msg: errors.append((where, msg)),
                     on_warning=lambda where, msg: warnings.append((where, msg)))
    assert [(a.id, a.published) for a in arts] == [("a", "2024-05-04"), ("b", "2024-03-10")]
    assert errors == []
    assert warnings == [(f"{p}:1", "published '10/03/2024' is ambiguous: 10 March 2024 (day first) or 3 October "
                                   "2024 (month first)? Write the date as ISO YYYY-MM-DD (2024-03-10 or 2024-10-03); "
                                   "kept without this date; the dateline's date 2024-05-04 is used")]


# Real feed formats (RSS pubDate, Atom/RFC 3339, news sites' bylines, CMS exports, a corpus of US local
# news): each gives its calendar date as written, whatever the time and zone.
FEED_DATES = [
    ("2009-03-20 12:24:52.002364-05", "2009-03-20"),
    ("2024-12-01T10:00:00.123456Z", "2024-12-01"),
    ("2024-03-10T23:30:00-05:00", "2024-03-10"),
    ("2024-12-01T23:59:59.999+14:00", "2024-12-01"),
    ("2024-12-01 08:00:00 +0530", "2024-12-01"),
    ("2024-12-01T10:00Z", "2024-12-01"),
    ("20241201T101010Z", "2024-12-01"),
    ("20241201", "2024-12-01"),
    ("2024-W10-2", "2024-03-05"),
    ("Tue, 10 Mar 2024 14:05:00 +0000", "2024-03-10"),
    ("Sun, 01 Dec 2024 23:30:00 GMT", "2024-12-01"),
    ("Thu, 05 Dec 2024 07:00:00 EST", "2024-12-05"),
    ("Dec. 1, 2024 11:30 PM CT", "2024-12-01"),
    ("Monday | March 10, 2024 | 5:04 pm", "2024-03-10"),
    ("March 10, 2024 5:04 p.m. EST", "2024-03-10"),
    ("Sunday, December 1, 2024", "2024-12-01"),
    ("1 December 2024 09:15 CET", "2024-12-01"),
    ("12/25/2024 10:00 AM", "2024-12-25"),
    ("25/12/2024 22:10", "2024-12-25"),
    ("Dec 1 2024", "2024-12-01"),
    ("2024/12/01", "2024-12-01"),
    ("Updated: Dec. 1, 2024, 4:15 p.m. ET", "2024-12-01"),
    ("Published 10:31 AM EST Mar 10, 2024", "2024-03-10"),
    ("December 1st, 2024", "2024-12-01"),
    ("Mon Dec  2 08:15:00 2024", "2024-12-02"),
    ("01-Dec-2024", "2024-12-01"),
    ("1 Dec 2024 | 18:04 IST", "2024-12-01"),
    ("Sat Nov 30 2024 18:00:00 GMT-0500 (Eastern Standard Time)", "2024-11-30"),
    ("30 November 2024 at 18:00", "2024-11-30"),
    ("Nov 30, 2024 @ 6:00pm", "2024-11-30"),
    ("11/30/24", "2024-11-30"),
    ("12.25.2024", "2024-12-25"),
    ("2024-12-01", "2024-12-01"),
]


@pytest.mark.parametrize("value, iso", FEED_DATES)
def test_ingest_feed_date_formats_give_the_date_as_written(value, iso):
    from components.ingest import parse_published

    assert parse_published(value) == (iso, None)


def test_ingest_jsonl_feed_with_every_date_format_keeps_every_article(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text("".join(json.dumps({"id": f"f{i}", "text": f"Item {i}\n\nCouncil met.", "published": v}) + "\n"
                         for i, (v, _) in enumerate(FEED_DATES)), encoding="utf-8")
    errors, warnings = [], []
    arts = read_path(p, on_error=lambda *e: errors.append(e), on_warning=lambda *w: warnings.append(w))
    assert [a.published for a in arts] == [iso for _, iso in FEED_DATES]
    assert errors == warnings == []


# ---------------------------------------------------------------- Markdown

# The tester's file /tmp/fresh-user/in/08_markdown.md.
MARKDOWN_ARTICLE = """# Israel and Hezbollah trade fire as diplomats push for calm

*By our Middle East correspondent* — **Beirut, 3 January 2024**

Five people were killed on Tuesday in an Israeli strike on a building in the southern suburbs of Beirut, \
Lebanon's health ministry said. Among the dead was senior Hamas official Saleh al-Arouri.

Hezbollah leader Hassan Nasrallah warned that the killing "will not go unpunished".

> "We are not afraid of war," Nasrallah said in a televised speech.

US Secretary of State Antony Blinken, who arrives in the region on Thursday, said Washington opposes any \
escalation. "It is in no one's interest for this conflict to spread," Blinken said.

- The UN peacekeeping force UNIFIL said it was "deeply concerned".
- France called for restraint.
"""


def test_ingest_markdown_small_example_to_plain_text():
    from components.ingest import markdown_to_text

    md = ("Intro line before the heading\n\n## Talks *resume*\n\nThe **minister** said [on X](http://x.y) that\n"
          "talks would go on.\n\n> “We are ready,” she said.\n\n1. First point\n2. Second `code`\n\n---\n\n"
          "Q: Is it over?\nA: No.\n")
    text, heading = markdown_to_text(md)
    assert heading == "Talks resume"
    assert text == ("Intro line before the heading\n\nTalks resume\n\nThe minister said on X that\ntalks would go on."
                    "\n\n“We are ready,” she said.\n\nFirst point\n\nSecond code\n\nQ: Is it over?\nA: No.")
    (a,) = read_bytes(md.encode("utf-8"), "x.md")
    assert (a.title, a.text) == ("Talks resume", text)  # the first heading is the title, the plain text is stored


def test_ingest_markdown_article_is_stored_as_plain_text():
    (a,) = read_bytes(MARKDOWN_ARTICLE.encode("utf-8"), "08_markdown.md")
    assert a.title == "Israel and Hezbollah trade fire as diplomats push for calm"
    assert a.published == "2024-01-03"  # from the byline's date
    assert a.text.startswith("Israel and Hezbollah trade fire as diplomats push for calm\n\n"
                             "By our Middle East correspondent — Beirut, 3 January 2024\n\nFive people")
    assert "\n\n\"We are not afraid of war,\" Nasrallah said in a televised speech.\n\n" in a.text
    assert a.text.endswith("\n\nThe UN peacekeeping force UNIFIL said it was \"deeply concerned\".\n\n"
                           "France called for restraint.")
    assert not any(mark in a.text for mark in ("#", "*", "> ", "- "))


def test_ingest_markdown_sidecar_title_wins(tmp_path):
    (tmp_path / "m.md").write_text("# Heading\n\nBody text.", encoding="utf-8")
    (tmp_path / "m.meta.yaml").write_text("title: Sidecar title\n", encoding="utf-8")
    (a,) = read_path(tmp_path / "m.md")
    assert (a.title, a.text) == ("Sidecar title", "Heading\n\nBody text.")


def test_ingest_markdown_extraction_sees_no_markup(nlp):
    """Test that the byline in emphasis is not a place or a speaker once Markdown is plain text."""
    from components.extract import analysis_text, extract_doc

    (a,) = read_bytes(MARKDOWN_ARTICLE.encode("utf-8"), "08_markdown.md")
    ex = extract_doc(a, nlp(analysis_text(a)), nlp)
    assert [p.name for p in ex.places if "correspondent" in p.mention.lower() or "*" in p.mention] == []
    assert ("Hassan Nasrallah", "We are not afraid of war") in {(q.speaker, q.text) for q in ex.quotes}
    for q in ex.quotes:
        assert a.text[q.start:q.end] == q.text


# The tester's interview /tmp/fresh-user2/in/a5_interview.md, shortened.
MARKDOWN_INTERVIEW = """# Moldova's president on Transnistria

*Chisinau, 14 February 2024*

**Elena Petrescu:** Are you worried that Russia could use the region to destabilise Moldova?

**Maia Sandu:** We are worried, of course. We want a peaceful solution.

**Elena Petrescu**: Would Moldova ever consider joining NATO?

**Maia Sandu:** Our constitution says we are neutral.
"""


def test_ingest_markdown_keeps_bold_turn_labels():
    """Test that a bold span ending with a colon at a line start stays a **Label:** turn label; other bold goes."""
    from components.ingest import markdown_to_text

    text, heading = markdown_to_text("# T\n\n**Dr. Roe:** Yes.\n**Q**: Why?\n\nThe **bold:** word, *Note:* x")
    assert heading == "T"
    assert text == "T\n\n**Dr. Roe:** Yes.\n**Q:** Why?\n\nThe bold: word, Note: x"


def test_ingest_markdown_interview_gives_transcript_turns(nlp):
    """Test that the .md interview gives the same transcript quotes as its plain-text version."""
    from components.extract import analysis_text, extract_doc

    (a,) = read_bytes(MARKDOWN_INTERVIEW.encode("utf-8"), "interview.md")
    assert a.published == "2024-02-14"
    assert "\n\n**Maia Sandu:** We are worried, of course." in a.text
    turns = [(q.speaker, q.text) for q in extract_doc(a, nlp(analysis_text(a)), nlp).quotes if q.kind == "transcript"]
    assert turns == [
        ("Elena Petrescu", "Are you worried that Russia could use the region to destabilise Moldova?"),
        ("Maia Sandu", "We are worried, of course. We want a peaceful solution."),
        ("Elena Petrescu", "Would Moldova ever consider joining NATO?"),
        ("Maia Sandu", "Our constitution says we are neutral."),
    ]


# ---------------------------------------------------------------- a date given with an upload


@pytest.mark.parametrize(
    "data, name, meta, published",
    [
        (b"Talks resume\n\nTalks resumed in Cairo.", "plain.txt", None, "2024-05-06"),  # no date: the given one
        (b"Talks resume\n\nTalks resumed in Cairo.", "dated.txt", {"published": "2024-01-02"}, "2024-01-02"),
        (b"Talks resume\n\nCAIRO (Jan. 25, 2013) Talks resumed.", "dateline.txt", None, "2013-01-25"),
        (b"# Talks\n\nTalks resumed in Cairo.", "plain.md", None, "2024-05-06"),
        (b'{"text": "Talks resumed."}\n{"text": "Talks again.", "published": "2023-03-04"}', "x.jsonl", None, None),
    ],
)
def test_ingest_default_published_only_for_articles_without_a_date(data, name, meta, published):
    articles = read_bytes(data, name, meta, default_published="2024-05-06")
    if name == "x.jsonl":
        assert [a.published for a in articles] == ["2024-05-06", "2023-03-04"]
    else:
        assert [a.published for a in articles] == [published]


def test_ingest_default_published_after_a_bare_year_says_so():
    warnings = []
    (a,) = read_bytes(b"Talks\n\nTalks resumed.", "y.txt", {"published": 2024}, default_published="2024-05-06",
                      on_warning=lambda where, why: warnings.append((where, why)))
    assert a.published == "2024-05-06"
    assert warnings == [("y.txt", "published '2024' is not a full date (no day); stored without a date (write it "
                                  "as YYYY-MM-DD to set one); the date given for the upload, 2024-05-06, is used")]


def test_ingest_parse_sidecar_bytes_and_stem():
    from components.ingest import parse_sidecar, sidecar_stem

    # dates stay as written (read by parse_published), numbers become text for text fields
    assert parse_sidecar(b"title: T\npublished: 2024-02-14\nid: 7\n", "a.meta.yaml") == {
        "title": "T", "published": "2024-02-14", "id": "7"}
    assert parse_sidecar(b"  \n", "a.meta.yaml") == {}
    with pytest.raises(ArticleReadError) as info:
        parse_sidecar(b"- a\n- b\n", "a.meta.yaml")
    assert str(info.value) == "a.meta.yaml: the sidecar must be a mapping of title/outlet/published/url"
    assert [sidecar_stem(n) for n in ("a5_interview.meta.yaml", "X.META.YAML", "a.yaml", ".meta.yaml")] == [
        "a5_interview", "X", None, None]


# ---------------------------------------------------------------- folders


def test_ingest_expand_paths_lists_skipped_files_and_empty_folders(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "report.pdf").write_text("z")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "empty").mkdir()
    skipped = []
    files, problems = expand_paths([str(tmp_path), str(tmp_path / "empty")], skipped=skipped)
    assert [f.name for f in files] == ["a.txt"]
    assert skipped == [
        (str(tmp_path / "gone.txt"), f"broken symbolic link (its target {tmp_path / 'missing.txt'} does not exist)"),
        (str(tmp_path / "report.pdf"), "unsupported file type '.pdf' (supported: .txt, .md, .html, .htm, .jsonl)"),
    ]
    assert problems == [(str(tmp_path / "empty"), "no article file (.txt, .md, .html, .htm, .jsonl) in this folder")]


def test_ingest_named_broken_symlink_clear_error(tmp_path):
    (tmp_path / "gone.txt").symlink_to("/nonexistent/file.txt")
    with pytest.raises(ArticleReadError) as info:
        read_path(tmp_path / "gone.txt")
    assert info.value.reason == "broken symbolic link (its target /nonexistent/file.txt does not exist)"


def test_ingest_jsonl_line_with_a_nul_byte_costs_that_line_only(tmp_path):
    good = '{"id": "k%d", "text": "The harbour master of Split said the ferries would sail again on Monday."}\n'
    p = tmp_path / "feed.jsonl"
    p.write_bytes((good % 1).encode() + b'{"id": "k2", "text": "scan\x00ned"}\n' + (good % 3).encode())
    errors = []
    arts = read_path(p, on_error=lambda where, msg: errors.append((where, msg)))
    assert [a.id for a in arts] == ["k1", "k3"]
    assert errors == [(f"{p}:2", "this line holds binary data (a NUL byte), not text")]
    noise = tmp_path / "noise.jsonl"  # mostly binary: refused whole, not reported line by line
    noise.write_bytes(b"\x00\x01\n\x00\x02\n" + (good % 4).encode())
    with pytest.raises(ArticleReadError, match="binary file"):
        read_path(noise, on_error=lambda *e: None)


def test_ingest_script_and_style_content_never_reaches_title_or_text():
    """Test that code elements are dropped with their content, wherever the page or Markdown puts them
    (inside a heading, between paragraphs, inline before a name), while JSON-LD metadata is still read."""
    from components.ingest import markdown_to_text, read_html

    page = ('<html><head><title>Quay reopens</title><style>h1{color:red}</style>'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-04-02"}</script>'
            '</head><body><article><h1>Quay reopens <script>steal()</script></h1>'
            '<p>The harbour master of Varna, Ivo Denev, said on Wednesday that the old quay would reopen in May.</p>'
            '<noscript>Enable scripts</noscript><script>document.write("HACKED")</script>'
            '<p>"We are ready," Denev said, adding that two cranes had been repaired over the winter months.</p>'
            '</article></body></html>')
    a = read_html(page, "quay.html")
    assert a.title == "Quay reopens" and a.published == "2025-04-02"
    assert not any(w in a.text for w in ("steal", "HACKED", "Enable scripts", "color:red"))
    assert a.text.splitlines()[1].startswith("The harbour master of Varna, Ivo Denev, said")
    md = ("# Quay reopens\n\nUnion leader <script>steal()</script>Ana Petrova said the quay was safe.\n\n"
          "<style>\np {color: red}\n</style>\n\nShe thanked the crews.\n")
    assert markdown_to_text(md) == ("Quay reopens\n\nUnion leader Ana Petrova said the quay was safe.\n\n"
                                    "She thanked the crews.", "Quay reopens")


def test_ingest_html_date_from_markup_or_dateline_never_guessed():
    """Test that an HTML page without a date in its markup takes its dateline's date (trafilatura's text
    search had filled a missing month and day: 1 January), and that a markup date still counts."""
    from components.ingest import read_html

    body = ("<p>GDANSK, Poland (Feb. 17, 2025) - The harbour master said on Monday that the old grain quay "
            "would close for repairs in June.</p>")
    a = read_html(f"<html><head><title>Quay</title></head><body><article>{body}</article></body></html>", "q.html")
    assert a.published == "2025-02-17"
    meta = '<meta property="article:published_time" content="2025-02-18T07:00:00Z">'
    b = read_html(f"<html><head>{meta}<title>Quay</title></head><body><article>{body}</article></body></html>",
                  "q.html")
    assert b.published == "2025-02-18"


@pytest.mark.parametrize("published, kind", [([2024, 12, 1], "a list"), ({"y": 2024}, "a mapping"), (True, "true/false")])
def test_ingest_jsonl_date_that_is_no_scalar_costs_the_date_not_the_article(tmp_path, published, kind):
    """Test that a JSONL line whose published value is a list, a mapping or a boolean keeps its article
    without a date, with a warning that says what was found."""
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "x1", "text": "Talks\n\nTalks resumed in Oslo.", "published": published}) + "\n",
                 encoding="utf-8")
    errors, warnings = [], []
    arts = read_path(p, on_error=lambda where, msg: errors.append((where, msg)),
                     on_warning=lambda where, msg: warnings.append((where, msg)))
    assert [(a.id, a.published) for a in arts] == [("x1", None)]
    assert errors == []
    assert warnings == [(f"{p}:1", f"published is {kind}, not a date; write it as YYYY-MM-DD; kept without this date")]


def test_repair_text_reads_markdown_links_and_emphasis_as_their_words():
    """Invented: the parser's copy drops a Markdown link's target and emphasis marks, and every offset in
    it maps back to the supplied text (the name inside the brackets or the stars); a bold label ending in a
    colon stays (it marks an interview turn), and so do brackets and stars that are no markup."""
    from components.ingest import repair_text

    text = "[Ana Ruiz](https://example.org/ana) of the Red Cross spoke.\n**Col. Ivan Berg** said so.\n**Q:** Why?"
    fixed, offsets = repair_text(text, markup=True)
    assert fixed == "Ana Ruiz of the Red Cross spoke.\nCol. Ivan Berg said so.\n**Q:** Why?"
    a, b = offsets.span(0, 8)
    assert text[a:b] == "Ana Ruiz"
    k = fixed.index("Col.")
    a, b = offsets.span(k, k + len("Col. Ivan Berg"))
    assert text[a:b] == "Col. Ivan Berg"
    assert repair_text("Prices rose 2**3 times; see [1] (footnote).", markup=True)[0] == "Prices rose 2**3 times; see [1] (footnote)."
    assert repair_text(text)[0] == text  # an article's id is of the text as supplied
