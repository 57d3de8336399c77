"""Quotation marks: pairing them into quote spans on the raw text.

Method: per paragraph, double marks (straight, curly, guillemets, and mismatched pairs such as an
opening “ closed by ", or by a single ’ after the last sentence's punctuation) are paired left to right; single marks are paired only where they cannot be
apostrophes (an opener after a non-letter and before a letter, a closer not between letters).
A paragraph left open that is followed by one starting with a mark continues the quote (the
multi-paragraph convention of news style guides). After textacy's ``direct_quotations`` mark
pairing (``textacy/extract/triples.py``), extended for mismatched and single marks.

All offsets are character offsets into the article text, 0-based, end exclusive.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..lexicon import CLOSER_FOLLOWERS

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE


@dataclass
class QSpan:
    """A quotation: raw pieces (content char ranges between marks) and mark positions."""

    pieces: list[tuple[int, int]]
    open_mark: int
    close_mark: Optional[int]  # offset of the closing mark, None when left open

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


# a straight double mark right after a figure of feet and inches ("6'3\"") or a number with no
# space before it ("a 15\" screen"): an inch mark
_INCH_RE = re.compile(r"(?:\d+['’]\d+|(?<![\d,.])\d{1,3})\"$")


def _nested_close(text: str, i: int, b: int) -> Optional[int]:
    """Offset of the closer of a nested curly quotation opened at ``i`` when the paragraph
    ``text[i:b]`` holds no other opener before two closers (the inner one and the outer one);
    None otherwise."""
    closers = []
    for m in re.finditer(r"[“”]", text[i + 1 : b]):
        if m.group() == "“":
            return None
        closers.append(i + 1 + m.start())
        if len(closers) == 2:
            return closers[0]
    return None


def _pair_double(text: str, a: int, b: int) -> list[tuple[int, Optional[int]]]:
    """Pair double quotation marks in ``text[a:b]`` (one paragraph); returns (open, close|None)."""
    out: list[tuple[int, Optional[int]]] = []
    open_at: Optional[int] = None
    skip: Optional[int] = None  # the closer of a nested quotation of the same marks
    for m in re.finditer(r'[“”„«»"]', text[a:b]):
        i = a + m.start()
        ch = text[i]
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if open_at is None and ch == STRAIGHT_DOUBLE and _INCH_RE.search(text, max(a, i - 6), i + 1):
            continue  # an inch mark in a measurement ("6'3\"", "a 15\" screen") opens no quotation
        if open_at is None:
            if ch in CLOSE_DOUBLE and not _is_letter(nxt):
                continue  # a stray closing mark
            if ch == STRAIGHT_DOUBLE and not prev.isspace() and not _is_letter(nxt):
                single = _single_opener(text, out[-1][1] + 1 if out and out[-1][1] is not None else a, i)
                if single is not None:  # "'Nobody came," a neighbour said': a single opener closed by a double mark
                    out.append((single, i))
                    continue
            open_at = i
        else:
            # a curly opener right after whitespace, while open, starts a new quote (the old one was
            # left open), unless the paragraph still holds closers for both: a nested quotation of
            # the same marks ('“... what he calls “hell” than ...”'), whose closer is skipped
            if ch in OPEN_DOUBLE and prev.isspace() and _is_letter(nxt) and i - open_at > 1:
                if text[open_at] in OPEN_DOUBLE and _nested_close(text, i, b) is not None:
                    skip = _nested_close(text, i, b)
                    continue
                out.append((open_at, None))
                open_at = i
                continue
            if skip is not None and i <= skip:
                continue
            out.append((open_at, i))
            open_at = None
    if open_at is not None:
        out.append((open_at, _single_closer(text, open_at, b)))
    return out


def _single_opener(text: str, a: int, i: int) -> Optional[int]:
    """The single mark (' or ‘) that opens the quotation a double mark at ``i`` closes when the text
    ``text[a:i]`` opens with one (after the paragraph start or a space, before a letter) and holds no
    other single mark after it; None otherwise."""
    for j in range(a, i):
        ch = text[j]
        if ch in "‘'" and (j == a or text[j - 1].isspace()) and j + 1 < i and _is_letter(text[j + 1]):
            rest = text[j + 1 : i]
            return j if not re.search(r"[‘’](?!\w)|(?<!\w)'|'(?!\w)", rest) else None
    return None


def _single_closer(text: str, i: int, b: int) -> Optional[int]:
    """The closer of a double quotation opened at ``i`` and closed by a single mark ('“We stay.'
    She left.'): the first ’ or ' in ``text[i:b]`` right after sentence punctuation and before a
    space or the paragraph end, when no single opener (a nested quotation) comes before it. None
    when there is none: the quotation stays open (it may run on into the next paragraph)."""
    for j in range(i + 2, b):
        ch = text[j]
        if ch == "‘" or ch == "'" and not _is_letter(text[j - 1]) and j + 1 < b and _is_letter(text[j + 1]):
            return None  # a nested single quotation: its closer is not ours
        if ch in "’'" and text[j - 1] in ".!?" and (j + 1 >= b or text[j + 1].isspace()):
            return j
    return None


def _pair_single(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair top-level single quotation marks in ``text[a:b]`` outside ``taken`` ranges.

    An opener is ‘ or ' after a non-letter and before a letter; a closer is ’ or ' not between
    letters. Closers right after sentence punctuation or before the paragraph end are preferred,
    so possessives ("the fans’ patience") are skipped; a mark after "s" is a closer when a word that opens
    a new phrase follows (:func:`_opens_phrase`: "'a gift to the banks' and left").
    """
    out = []
    i = a
    def inside(k):
        return any(x <= k < y for x, y in taken)
    while i < b:
        ch = text[i]
        if ch in "‘'" and not inside(i):
            prev = text[i - 1] if i > a else " "
            nxt = text[i + 1] if i + 1 < b else " "
            if not _is_letter(prev) and _is_letter(nxt) and (prev.isspace() or prev in "([:—–-" or i == a):
                weak = None
                strong = None
                for j in range(i + 2, b):
                    cj = text[j]
                    if cj not in "’'":
                        continue
                    p, n = text[j - 1], (text[j + 1] if j + 1 < b else " ")
                    if _is_letter(p) and _is_letter(n):
                        continue  # apostrophe inside a word
                    if _is_letter(n):
                        continue
                    if p in ".,!?;:…" or j + 1 >= b or n in ".,;:!?)—–":
                        strong = j
                        break
                    if weak is None and not (p in "sS" and n.isspace() and not _opens_phrase(text, j + 1, b)):
                        weak = j
                close = strong if strong is not None else weak
                if close is not None and close - i > 2:
                    out.append((i, close))
                    i = close + 1
                    continue
        i += 1
    return out


def _opens_phrase(text: str, k: int, b: int) -> bool:
    """True when the word after the spaces at ``text[k]`` (before ``b``) opens a new phrase or clause
    (:data:`~components.lexicon.CLOSER_FOLLOWERS`: "and", "to", "when"): a mark before it closes a quotation
    ("'a gift to the banks' and"), where a plural possessive is followed by what is owned ("the banks' profits")."""
    m = re.match(r"\s+([a-z]+)\b", text[k:b])
    return m is not None and m.group(1) in CLOSER_FOLLOWERS


def quote_spans(text: str) -> list[QSpan]:
    """Pair quotation marks in ``text`` and merge multi-paragraph quotes.

    The pairing of the last few texts is kept (the quotation sieve and the attribution tagger both
    read one article's); each call returns new :class:`QSpan` objects, which callers may change.

    Args:
        text (str): the article text.

    Returns:
        list[QSpan]: in text order; content offsets exclude the marks (0-based, end exclusive).
    """
    out = []
    for pieces, open_mark, close_mark, para in _paired_marks(text):
        q = QSpan(list(pieces), open_mark, close_mark)
        q._para = para
        out.append(q)
    return out


@functools.lru_cache(maxsize=8)
def _paired_marks(text: str) -> tuple[tuple[tuple[tuple[int, int], ...], int, Optional[int], int], ...]:
    """The quotations of :func:`quote_spans` as immutable tuples ``(pieces, open_mark, close_mark,
    paragraph index)``, computed once per text (cached)."""
    return tuple((tuple(q.pieces), q.open_mark, q.close_mark, q._para) for q in _pair_marks(text))


def _pair_marks(text: str) -> list[QSpan]:
    """The pairing and merging behind :func:`quote_spans` (uncached)."""
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    raw: list[tuple[int, Optional[int], int]] = []  # (open, close, paragraph index)
    for pi, (a, b) in enumerate(paras):
        dbl = _pair_double(text, a, b)
        taken = [(o, (c if c is not None else b)) for o, c in dbl]
        sgl = _pair_single(text, a, b, taken)
        for o, c in dbl:
            raw.append((o, c, pi))
        for o, c in sgl:
            raw.append((o, c, pi))
    raw.sort()
    spans: list[QSpan] = []
    for o, c, pi in raw:
        end = c if c is not None else paras[pi][1]
        piece = (o + 1, end)
        prev = spans[-1] if spans else None
        if (
            prev is not None
            and prev.close_mark is None
            and prev._para == pi - 1
            and text[paras[pi][0] : o].strip() == ""
        ):
            prev.pieces.append(piece)
            prev.close_mark = c
            prev._para = pi
            continue
        q = QSpan([piece], o, c)
        q._para = pi
        spans.append(q)
    return spans


def split_attributed_continuations(qspans: list[QSpan], cue_starts: list[int], text: str) -> list[QSpan]:
    """Split a multi-paragraph quote whose last paragraph carries its own cue after the close.

    ``said: "A.`` + ``"B," she added.``: the first paragraph was left open by convention, but the
    second is a new quote with its own attribution (it is not a continuation).

    Args:
        qspans (list[QSpan]): from :func:`quote_spans`.
        cue_starts (list[int]): character offsets of the article's cues.
        text (str): the article text.

    Returns:
        list[QSpan]: a new list in text order (split spans are new objects).
    """
    out = []
    cue_starts = sorted(cue_starts)
    for q in qspans:
        if len(q.pieces) > 1 and q.close_mark is not None:
            line_end = text.find("\n", q.close_mark)
            line_end = len(text) if line_end < 0 else line_end
            tail = text[q.close_mark + 1 : line_end]
            i = bisect.bisect_left(cue_starts, q.close_mark)
            has_cue = i < len(cue_starts) and cue_starts[i] < line_end and not re.search(r"[.!?]", text[q.close_mark + 1 : cue_starts[i]])
            if has_cue and tail.strip():
                last = q.pieces[-1]
                first = QSpan(q.pieces[:-1], q.open_mark, None)
                first._para = q._para - 1
                second = QSpan([last], last[0] - 1, q.close_mark)
                second._para = q._para
                out.extend([first, second])
                continue
        out.append(q)
    return out



def strip_content(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim white space and a trailing attribution comma from content range ``[a, b)``."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b

