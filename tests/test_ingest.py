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
    """Test that case Q15's Windows-1252 mojibake and NBSP are repaired before extraction."""
    case = load_case("Q15")
    (a,) = read_bytes(case["text"].encode("utf-8"), "q15.txt")
    assert a.text == "“We lost everything in one night,” said José María Ruiz."


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
    assert problems == [(str(tmp_path / "c.pdf"), "unsupported file type '.pdf'"), ("nope/*.txt", "no such file or folder")]


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
    assert errors == [(f"{p}:2", "not valid JSON (Expecting property name enclosed in double quotes)")]


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
