"""Safe rendering of user text: escaping and inline highlighting.

Article bodies, titles, speaker names and uploaded files are user text. They
are never given to Streamlit as raw HTML: :func:`highlight_html` escapes every
piece with :func:`html.escape` and only adds its own ``<mark>`` tags, and
:func:`escape_markdown` backslash-escapes Markdown (and Streamlit's ``:color[]``
and ``$`` LaTeX syntax) for text shown with ``st.markdown``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable

# Every ASCII punctuation character may be backslash-escaped in CommonMark.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&^=\"'])")
# what GitHub-flavoured Markdown turns into a link by itself: URLs, "www." addresses, e-mail addresses
_AUTOLINK = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>]*[^\s<>.,;:!?)\]'\"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# Highlight kind -> (CSS class, legend label). Colours meet contrast with black text.
KINDS: dict[str, tuple[str, str]] = {
    "quote": ("na-quote", "quote"),
    "selected": ("na-selected", "selected quote"),
    "speaker": ("na-speaker", "speaker"),
    "place": ("na-place", "place"),
    "casualty": ("na-casualty", "casualty sentence"),
}

STYLE = """
<style>
.na-text {white-space: pre-wrap; line-height: 1.6; font-size: 0.95rem;}
.na-text mark {padding: 0 .1em; border-radius: .2em; color: inherit;}
.na-quote {background: #fff3b0;}
.na-selected {background: #ffd54f; outline: 2px solid #e65100;}
.na-speaker {background: #c8e6c9; font-weight: 600;}
.na-place {background: #bbdefb; text-decoration: underline dotted;}
.na-casualty {background: #ffcdd2;}
.na-legend mark {margin-right: .6em;}
</style>
"""


@dataclass(frozen=True)
class Span:
    """A highlight: ``[start, end)`` character offsets into the text, a kind of :data:`KINDS`, a tooltip."""

    start: int
    end: int
    kind: str
    title: str = ""


def escape_markdown(text: str | None) -> str:
    """Backslash-escape Markdown/HTML-significant characters so ``st.markdown`` shows ``text`` literally.

    Newlines become spaces (headings and captions are one line). URLs, "www." and e-mail addresses
    become code spans: Markdown would link them even escaped, and stored text never becomes a link.
    """
    if not text:
        return ""
    out, at = [], 0
    text = str(text).replace("\n", " ")
    for m in _AUTOLINK.finditer(text):
        # a URL, "www." address or e-mail address: escaping does not stop Markdown from linking it
        # (GFM autolink literals), a code span does; it shows the same characters, not clickable
        fence = "`" * (max((len(r) for r in re.findall(r"`+", m.group())), default=0) + 1)
        out += [_MD_SPECIAL.sub(r"\\\1", text[at:m.start()]), f"{fence} {m.group()} {fence}"]
        at = m.end()
    out.append(_MD_SPECIAL.sub(r"\\\1", text[at:]))
    return "".join(out)


def escape_label(value: object) -> str:
    """Make stored text literal in a Plotly label, legend or hover (Plotly renders a subset of HTML there).

    HTML-escapes ``< > & " '`` and writes ``$`` as the entity ``&#36;`` (a label starting and ending with
    ``$`` is LaTeX to Plotly). ``None`` gives ``""``. The Markdown counterpart is :func:`escape_markdown`;
    together they are the only ways stored text reaches a rendered label.
    """
    if value is None:
        return ""
    # quotes as numeric entities: Plotly decodes those, but not the named "&quot;" (it showed literally)
    return html.escape(str(value), quote=True).replace("&quot;", "&#34;").replace("&#x27;", "&#39;").replace("$", "&#36;")


# A transcript turn label opening a line, as the Markdown reader keeps it: "**Q:**", "**Dr. Roe:**", "**Q**:"
_TURN_LABEL = re.compile(r"^\*\*([^*\n]{1,60}?)(:?)\*\*(:?)", re.M)


# Markdown markup opening a line of stored text: a heading's "## " and the "**" pairs of a bold turn
# label or bold line ("**Dr. Roe:**", "**Q**:", "**Exclusive interview with ...**")
_HEADING_MARK = re.compile(r"^#{1,6} ", re.M)
_BOLD_LINE_START = re.compile(r"^\*\*[^*\n]{1,200}?\*\*", re.M)


def markup_offsets(text: str) -> frozenset[int]:
    """Character offsets of the Markdown markup the reader hides (see :data:`_HEADING_MARK`,
    :data:`_BOLD_LINE_START`): the text keeps them (offsets stay valid), the page does not show them."""
    hidden: set[int] = set()
    for m in _HEADING_MARK.finditer(text):
        hidden.update(range(m.start(), m.end()))
    for m in _BOLD_LINE_START.finditer(text):
        hidden.update((m.start(), m.start() + 1, m.end() - 2, m.end() - 1))
    return frozenset(hidden)


def _escape_visible(text: str, a: int, b: int, hidden: frozenset[int]) -> str:
    if not hidden:
        return html.escape(text[a:b])
    return html.escape("".join(ch for i, ch in enumerate(text[a:b], a) if i not in hidden))


def _escape_segment(text: str, a: int, b: int, hidden: frozenset[int] = frozenset()) -> str:
    """HTML of ``text[a:b]``: escaped, with each turn label opening a line ("**Q:**") drawn as a bold label
    (``<strong class="na-label">Q:</strong>``) instead of its asterisks, and the markup of
    :func:`markup_offsets` (``hidden``) left out (a label cut by a highlight loses its asterisks only).
    Offsets are untouched: only the rendering changes."""
    seg = text[a:b]
    out, last = [], 0
    for m in _TURN_LABEL.finditer(seg):
        at = a + m.start()
        if (at and text[at - 1] != "\n") or not (m.group(2) or m.group(3)):
            continue
        out.append(_escape_visible(text, a + last, a + m.start(), hidden))
        out.append(f'<strong class="na-label">{html.escape(m.group(1))}:</strong>')
        last = m.end()
    out.append(_escape_visible(text, a + last, b, hidden))
    return "".join(out)


def highlight_html(text: str, spans: Iterable[Span]) -> str:
    """HTML for ``text`` with ``spans`` wrapped in ``<mark>``; all text is escaped.

    Overlapping spans nest when one contains the other; a span that crosses
    another's boundary is clipped to the outer span. Spans outside the text
    are ignored.

    Args:
        text (str): the article text (offsets refer to it).
        spans (Iterable[Span]): highlights; kinds must be keys of :data:`KINDS`.

    Returns:
        str: ``<div class="na-text">…</div>`` (prefixed by :data:`STYLE`), safe
        to pass to ``st.html``.

    Raises:
        ValueError: unknown span kind.
    """
    n = len(text)
    hidden = markup_offsets(text)
    good = []
    for s in spans:
        if s.kind not in KINDS:
            raise ValueError(f"unknown highlight kind {s.kind!r}; expected one of {sorted(KINDS)}")
        if 0 <= s.start < s.end <= n:
            good.append(s)
    # longer spans first at the same start, so inner spans nest inside
    good.sort(key=lambda s: (s.start, -s.end))
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(_escape_segment(text, pos, top.end, hidden))
            pos = top.end
            out.append("</mark>")

    for s in good:
        close_until(s.start)
        out.append(_escape_segment(text, pos, s.start, hidden))
        pos = s.start
        end = min(s.end, stack[-1].end) if stack else s.end
        span = Span(s.start, end, s.kind, s.title)
        cls = KINDS[s.kind][0]
        title = f' title="{html.escape(cell_text(s.title), quote=True)}"' if cell_text(s.title) else ""
        out.append(f'<mark class="{cls}"{title}>')
        stack.append(span)
    close_until(n + 1)
    out.append(_escape_segment(text, pos, n, hidden))
    return STYLE + '<div class="na-text">' + "".join(out) + "</div>"


def legend_html(kinds: Iterable[str]) -> str:
    """A one-line legend of highlight colours (fixed labels, no user text)."""
    items = "".join(f'<mark class="{KINDS[k][0]}">{html.escape(KINDS[k][1])}</mark>' for k in kinds)
    return STYLE + f'<div class="na-text na-legend">{items}</div>'


def _num(v) -> int | None:
    """An int from a pandas cell, or None for None/NaN/NA."""
    try:
        import pandas as pd

        if v is None or pd.isna(v):
            return None
    except (TypeError, ValueError):
        return None
    return int(v)


def cell_text(v, default: str = "") -> str:
    """The text of a pandas cell, or ``default`` for None/NaN/NA/empty (a missing speaker is NaN in
    a DataFrame, and NaN is truthy, so ``v or default`` is not enough)."""
    if v is None or isinstance(v, float) and v != v:
        return default
    try:
        import pandas as pd

        if pd.isna(v):
            return default
    except (TypeError, ValueError):
        pass
    return str(v) or default


def article_spans(bundle: dict, selected_quote: str | None = None) -> list[Span]:
    """Highlights for an article bundle (:func:`components.store.queries.article_bundle`).

    Quotes (the selected one marked apart), speaker mentions, places and
    casualty sentences, each with a tooltip naming what it is.
    """
    spans: list[Span] = []
    for r in bundle["casualties"].itertuples(index=False):
        k, i = _num(r.killed_min), _num(r.injured_min)
        parts = [f"killed ≥ {k}" if k is not None else "", f"injured ≥ {i}" if i is not None else ""]
        spans.append(Span(int(r.start), int(r.end), "casualty", "casualties: " + ", ".join(p for p in parts if p)))
    for r in bundle["quotes"].itertuples(index=False):
        kind = "selected" if r.id == selected_quote else "quote"
        spans.append(Span(int(r.start), int(r.end), kind, f"{cell_text(r.speaker, 'unknown speaker')} ({cell_text(r.kind)})"))
        ms, me = _num(r.mention_start), _num(r.mention_end)
        if ms is not None and me is not None:
            spans.append(Span(ms, me, "speaker", cell_text(r.speaker, "unknown speaker")))
    for r in bundle["places"].itertuples(index=False):
        spans.append(Span(int(r.start), int(r.end), "place", f"{cell_text(r.name)} ({cell_text(r.country, '?')})"))
    return spans
