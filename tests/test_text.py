"""Tests of the shared text utilities: components.text.dates and components.text.words."""

from __future__ import annotations

from datetime import datetime

import pytest

from components.text.dates import MONTH_RE, month_number, parse_date
from components.text.words import verb_lemma


@pytest.mark.parametrize("name, expected", [("June", 6), ("Sept.", 9), ("oct", 10), ("Jan", 1), ("Mayor", None), ("Ju", None)])
def test_dates_month_number(name, expected):
    assert month_number(name) == expected


def test_dates_month_pattern_finds_abbreviations_not_words_that_start_alike():
    assert [m.group(0) for m in MONTH_RE.finditer("From Sept. 3 to 4 Dec, the Mayor met Marchers in March")] == ["Sept.", "Dec", "March"]


@pytest.mark.parametrize(
    "text, expected",
    [("on Sunday", "2025-02-09"), ("last Tuesday", "2025-02-04"), ("3 March 2014", "2014-03-03"),
     ("Monday", "2025-02-10"), ("12", None), ("next year", None)],
)
def test_dates_parse_date_against_the_report_day(text, expected):
    """Relative days resolve to the past of the report (Monday 10 February 2025); a bare number
    or a day after the report is no date."""
    assert parse_date(text, datetime(2025, 2, 10)) == expected


@pytest.mark.parametrize("word, expected", [("slammed", "slam"), ("TOLD", "tell"), ("denies", "deny"), ("criticized", "criticize"), ("swore", "swear")])
def test_words_verb_lemma_from_spacy(word, expected):
    assert verb_lemma(word) == expected


@pytest.mark.parametrize("word,expected", [
    ("12", True), ("1,032", True), ("seventy", True), ("twenty-one", True), ("dozen", True),
    ("-", False), ("--", False), ("first", False), ("3rd", False),  # a bullet's hyphen is no number
])
def test_text_is_number_word(word, expected):
    """Test cardinals in digits or words (and multipliers) against hyphens alone and ordinals."""
    from components.text.numbers import is_number_word

    assert is_number_word(word) is expected


@pytest.mark.parametrize("phrase,base,expected", [
    ("August of 2008", None, "2008-08-01"),
    ("August of 2008", datetime(2009, 3, 20), "2008-08-01"),  # not the base's day of the month
    ("March", datetime(2025, 6, 2), "2025-03-01"),
    ("March 3", datetime(2025, 6, 2), "2025-03-03"),
])
def test_text_a_month_without_a_day_is_its_first_day(phrase, base, expected):
    """Test that a month named without a day gives its first day, whatever the day the text is read on (dateparser
    fills in today's or the base's day of the month by default)."""
    assert parse_date(phrase, base) == expected
