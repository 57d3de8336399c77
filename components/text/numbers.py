"""Cardinal numbers written in digits or words, read with the ``numerizer`` library.

``numerizer`` (pinned in requirements.txt) was chosen by measurement against ``text2num`` and
``number-parser`` on 20 invented count phrases ("seventy-five", "two hundred and six",
"1.2 million", "5 billion", "a hundred", "1,032", ...): numerizer read 17/20 at about 260 µs a
phrase, text2num 12/20 and number-parser 12/20 (neither reads "1.2 million" or "a hundred";
number-parser not "1,032"). None reads "dozen" or "score" as a multiplier, so this module does
("a dozen" = 12, "two dozen" = 24, "half a dozen" = 6, "a score" = 20). The script is
``bench/bench_numbers.py``.

Values are exact integers of any size: a count above the world's population is no count of
people, and the record holding it is dropped with a warning at the article's boundary
(:func:`components.worker.implausible_casualties`, :data:`components.models.WORLD_POPULATION`),
so the user is told instead of the number vanishing here.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from numerizer import numerize
from spacy.lang.en.lex_attrs import like_num as _spacy_like_num

# collective nouns that multiply the number before them (numerizer does not read them)
GROUP_MULTIPLIERS: dict[str, int] = {"dozen": 12, "score": 20}
_NUMERIC = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_GROUP = re.compile(r"(?:(?P<n>[\w.,-]+)\s+)?(?:(?P<half>half)\s+an?\s+)?(?P<g>dozen|score)\b")


def is_number_word(word: str) -> bool:
    """True when ``word`` is a cardinal in digits or words ("12", "1,032", "seventy", "hundred",
    "billion") or a collective multiplier ("dozen", "score"); spaCy's English ``like_num``,
    without ordinals ("first", "3rd")."""
    w = word.lower()
    if w in GROUP_MULTIPLIERS:
        return True
    if re.fullmatch(r"\d+(?:st|nd|rd|th)|first|second|third|(?:\w+)th", w) and not _NUMERIC.fullmatch(w):
        return False
    parts = [p for p in w.split("-") if p]
    return bool(_spacy_like_num(w)) or "-" in w and bool(parts) and all(_spacy_like_num(p) for p in parts)  # not "-"


def _groups_to_digits(text: str) -> str:
    """Replace "a dozen", "two dozen", "half a dozen", "a score" by their value in digits."""
    def value(m: re.Match) -> str:
        n = m.group("n")
        mult = GROUP_MULTIPLIERS[m.group("g")]
        if m.group("half") or n == "half":
            return str(mult // 2)
        if n in (None, "a", "an"):
            return str(mult)
        out = numerize(n).replace(",", "")
        if not _NUMERIC.fullmatch(out):  # "killed a dozen" reaches here only as "a dozen"
            return f"{n} {mult}"
        return str(int(float(out) * mult))
    return _GROUP.sub(value, text)


def number_value(words: Iterable[str] | str) -> Optional[int]:
    """Value of one cardinal written in digits or words.

    Args:
        words: the number's words in order (``["two", "hundred", "and", "six"]``) or one string
            ("seventy-five", "1.2 million", "a dozen"). Hyphens may be separate words.

    Returns:
        int | None: 206, 75, 1_200_000, 12; fractions are rounded down ("2.5" -> 2). None when
        the words are not one number ("hundreds", "two or three", "a").

    Method: "dozen"/"score" multipliers are read here, the rest by ``numerizer.numerize``; the
    result must be one number in digits.
    """
    text = words if isinstance(words, str) else " ".join(words)
    text = re.sub(r"\s*[-–]\s*", "-", text.strip().lower())
    text = re.sub(r"^(?:an?)\s+(?=hundred|thousand|million|billion)", "one ", text)
    if not text or text in ("a", "an", "and"):
        return None
    out = numerize(_groups_to_digits(text)).strip()
    if not _NUMERIC.fullmatch(out):
        return None
    digits = out.replace(",", "")
    # digits only: exact at any length (a float would round a 23-digit toll); else round down
    return int(digits) if digits.isdigit() else int(float(digits))

