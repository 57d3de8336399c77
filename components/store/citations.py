"""Citations for exported rows: the article's URL, outlet, title and date and the exact sentence.

Every exported record (quote, place mention, casualty record) keeps its article id and character
offsets; :func:`add_citations` adds, per row, ``title``, ``outlet``, ``published``, ``url`` of the
article and ``sentence``: the text of the sentence(s) holding the record's offsets, cut at sentence ends
(``.``, ``!`` or ``?``, optionally followed by a closing quotation mark or bracket, then white space)
and at line breaks, so a reader can find the words in the source.
"""

from __future__ import annotations

import re

import pandas as pd

# a sentence ends after . ! ? (and any closing quotes/brackets) followed by white space, or at a line break
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` covering the character range ``[start, end)``, stripped.

    Args:
        text (str): the article text; start, end (int): 0-based, end-exclusive offsets into it.

    Returns:
        str: from the last sentence boundary before ``start`` to the first one at or after ``end``
        (the whole text when it has none); "" for offsets outside the text.
    """
    if start < 0 or end > len(text) or start >= end:
        return ""
    left = 0
    for m in _BOUNDARY.finditer(text, 0, start + 1):
        if m.end() <= start:
            left = m.end()
    m = _BOUNDARY.search(text, max(end - 1, left))
    right = m.start() if m else len(text)
    if right < end:  # the record itself ends with the boundary's punctuation
        right = end
    return text[left:right].strip()


def add_citations(store, df: pd.DataFrame, start_col: str = "start", end_col: str = "end") -> pd.DataFrame:
    """``df`` (with ``article_id`` and offset columns) plus ``title``, ``outlet``, ``published``, ``url``
    and ``sentence`` columns, looked up once per article (parameterised). Existing columns of those names
    are overwritten."""
    out = df.copy()
    cols = ("title", "outlet", "published", "url", "sentence")
    if out.empty:
        for c in cols:
            out[c] = pd.Series(dtype=object)
        return out
    ids = sorted(set(out["article_id"]))
    arts = {r[0]: r[1:] for r in store.execute(
        "SELECT id, title, outlet, published, url, text FROM articles WHERE list_contains(?, id)", [ids]).fetchall()}
    none = (None, None, None, None, "")
    meta = [arts.get(a, none) for a in out["article_id"]]
    out["title"] = [m[0] for m in meta]
    out["outlet"] = [m[1] for m in meta]
    out["published"] = [m[2] for m in meta]
    out["url"] = [m[3] for m in meta]
    out["sentence"] = [
        sentence_of(m[4] or "", int(s), int(e)) if s == s and e == e else ""
        for m, s, e in zip(meta, out[start_col], out[end_col])
    ]
    return out
