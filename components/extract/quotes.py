"""Quotations and their attribution: direct, mixed, indirect and transcript quotes.

Method: rules over the dependency parse, in the manner of textacy's ``direct_quotations``
(``textacy/extract/triples.py``) and the Gender Gap Tracker's quote extractor (Asr et al. 2021,
PLoS ONE), extended for mismatched marks, multi-paragraph quotes, mixed quotes, "according to",
"accuse X of" and interview transcripts. Steps:

1. Quotation-mark spans are paired on the raw text per paragraph (:func:`.quotemarks.quote_spans`).
2. Every cue outside quotation marks gives a reporting frame (:func:`.frames.reporting_frames`):
   speaker token, content range, audience.
3. Each quote is linked, in this order, to: the frame whose content holds it (same paragraph;
   ``mixed`` when the content has words outside the marks); a byline dash after it
   (``“...” ― Name``); a dialogue tag whose verb the cue lexicon lacks (``"...," fumed Name``); the nearest cue with a plausible source in its sentence (a cue right after a
   comma-close, ``"...," it added``, wins); a clause ending with a colon before it; a reporting
   clause or an attributed quote just before it (floating quotes, as in the Gender Gap Tracker).
   Short unattributed quoted phrases (nicknames, scare quotes, titles) are dropped; a short
   fragment under a cue becomes a ``mixed`` quote over the constituent that holds it.
4. Frames without quotes, and the learned lexicon's candidates, become ``indirect`` quotes
   (``that``-clauses, "accuse X of", "call for", "according to"; an "according to" a census/report is
   typed ``document``) when the learned decider keeps them (:mod:`.attribution_model`); transcript turns
   (``**Name:**``, ``NAME:``; :func:`.transcripts.transcript_turns`) become ``transcript`` quotes,
   one per paragraph.
5. ``"X," she said, "Y."`` (one sentence) is joined into one quote; ``"X," she said. "Y."`` stays
   two quotes sharing cue and mention offsets (:func:`continuation_groups` joins them for corpora
   that annotate one discontinuous attribution, such as PolNeAR).

Speakers, canonical names, roles and countries: :mod:`.speakers`.
"""


from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicon as C
from ..models import Place, Quote, Speaker
from ..nlp import doc_ents, doc_text, token_column
from .attribution_model import SHORT_CONTENT_WORDS, Candidate, candidate_frames, decide_attributions, set_marginals
from .attribution_tagger import TAGGER_PATH, frames_of, merge_proposals, tag_doc, token_marginals
from .confidence import quote_confidence
from .content_gate import content_admissible
from .cuelex import cue_head, cue_key, cue_table
from .frames import (DEFAULT_CUE_SETTINGS, CueSettings, Frame, anonymity_request, armed_attack, cue_lemma, known_source_word, misread_finite,
                     operational_request, plausible_source, relative_antecedent, relative_pronoun, reporting_frames, subject_of)
from .quotemarks import QSpan, quote_spans, split_attributed_continuations, strip_content
from .speakers import SpeakerIndex, name_shaped, headline_lines
from .transcripts import transcript_turns, turn_quotes, unlabelled_answers
from .tree import climb

_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "&"})
_BYLINE_RE = re.compile(r"[^\S\n]*(?P<line>(?:\n[^\S\n]*){0,2})(?P<dash>[" + C.BYLINE_DASHES + r"])[^\S\n]*(?=[A-Z])")
# the longest signature line under a quotation ("— Grace Banda, 41, a bus conductor"), in characters
_SIGNATURE_LINE_CHARS = 100


def _merge_split_quotes(results: list[dict], text: str) -> list[dict]:
    """Join ``"X," she said, "Y."`` (one cue between two quotes of one sentence) into one quote.

    The text is both contents joined by one space; ``start``/``end`` run from X to Y. A quote after
    a sentence end (``"X," she said. "Y."``) stays separate.
    """
    out: list[dict] = []
    for d in results:
        p = out[-1] if out else None
        if (
            p is not None
            and p["kind"] == "direct"
            and d["kind"] == "direct"
            and p.get("cue_start") is not None
            and p.get("cue_start") == d.get("cue_start")
            and p["end"] <= p["cue_start"] < d["start"]
        ):
            close = text[p["end"] : p["end"] + 3]
            gap = text[p["end"] : d["start"]]
            if "," in close and "\n" not in gap and not re.search(r"[.!?]\s*[\"“”'‘’]?\s*$", text[p["cue_end"] : d["start"]]) and not re.search(r"[.!?]", text[p["cue_end"] : d["start"]]):
                p["text"] = p["text"] + " " + d["text"]
                p["end"] = d["end"]
                continue
        out.append(d)
    return out


_KIND_RANK = {"direct": 0, "transcript": 0, "mixed": 1, "indirect": 2}


def _keep_rank(d: dict) -> tuple[int, bool]:
    """Which of two duplicate records to keep (lower first): direct, mixed, indirect; named speaker first."""
    return _KIND_RANK.get(d["kind"], 3), d.get("speaker") is None


def _drop_overlapping_duplicates(results: list[dict], text: str) -> list[dict]:
    """Keep one quote where two records overlap as duplicates; ``results`` sorted by ``start``.

    Two overlapping records of one cue (same ``cue_start``: two quoted fragments of one paraphrase,
    ``said Russia was "open" but only "on the basis of ... ground."``) become one record over the
    union of both ranges (``text`` re-read from the article for ``mixed``/``indirect``). Two
    overlapping records of different cues are duplicates when the overlap is at least 80% of the
    longer one; the one kept is direct before mixed before indirect, then the one with a named
    speaker, then the earlier. Nested attributions that overlap less stay.
    """
    out: list[dict] = []
    for d in results:
        merged = False
        for k in range(len(out) - 1, -1, -1):
            p = out[k]
            if p["end"] <= d["start"]:
                if p["start"] < d["start"] - 5000:
                    break  # far behind: nothing earlier can reach this record
                continue
            overlap = min(p["end"], d["end"]) - max(p["start"], d["start"])
            if overlap <= 0 or p["kind"] == "transcript" or d["kind"] == "transcript":
                continue
            if p.get("cue_start") is not None and p.get("cue_start") == d.get("cue_start") and p["kind"] != "direct" and d["kind"] != "direct":
                a, b = min(p["start"], d["start"]), max(p["end"], d["end"])
                p.update(start=a, end=b, text=text[a:b])
                if d["kind"] == "mixed":
                    p["kind"] = "mixed"
                merged = True
                break
            if overlap >= 0.8 * max(p["end"] - p["start"], d["end"] - d["start"]):
                if _keep_rank(d) < _keep_rank(p):
                    out[k] = d
                merged = True
                break
        if not merged:
            out.append(d)
    out.sort(key=lambda d: (d["start"], d["end"]))
    return out


class _Intervals:
    """Half-open character ranges ``[a, b)`` sorted by start, for overlap and stabbing queries.

    Queries scan back from the bisection point only as far as the longest range allows, so each
    costs O(log n + k) for k nearby ranges instead of a pass over all ranges.
    """

    def __init__(self, ranges=()):
        self._items: list[tuple[int, int]] = sorted(ranges)
        self._starts = [a for a, _ in self._items]
        self._maxlen = max((b - a for a, b in self._items), default=0)

    def add(self, a: int, b: int) -> None:
        """Insert range ``[a, b)``."""
        i = bisect.bisect_right(self._items, (a, b))
        self._items.insert(i, (a, b))
        self._starts.insert(i, a)
        self._maxlen = max(self._maxlen, b - a)

    def overlapping(self, a: int, b: int) -> list[tuple[int, int]]:
        """Ranges ``(x, y)`` with ``x < b`` and ``y > a``, in start order."""
        out = []
        i = bisect.bisect_left(self._starts, b) - 1
        while i >= 0 and self._starts[i] >= a - self._maxlen:
            x, y = self._items[i]
            if y > a:
                out.append((x, y))
            i -= 1
        return out[::-1]

    def holding(self, c: int) -> bool:
        """True when some range has ``x <= c < y``."""
        i = bisect.bisect_right(self._starts, c) - 1
        while i >= 0 and self._starts[i] >= c - self._maxlen:
            if self._items[i][1] > c:
                return True
            i -= 1
        return False

    def enclosing(self, a: int, b: int) -> bool:
        """True when some range other than ``(a, b)`` itself has ``x <= a`` and ``b <= y``."""
        i = bisect.bisect_right(self._starts, a) - 1
        while i >= 0 and self._starts[i] >= b - self._maxlen:
            x, y = self._items[i]
            if y >= b and (x, y) != (a, b):
                return True
            i -= 1
        return False



@dataclass
class Link:
    """One quotation's attribution as a sieve pass decided it.

    Attributes:
        frame (Frame): the reporting frame (cue, source token, content) the quotation belongs to.
        rule (str): the pass that decided (``frame_content``, ``byline``, ``recap``, ``nearest_cue``,
            ``colon``, ``floating``).
        mixed_range (tuple[int, int] | None): character range of a ``mixed`` quote (the paraphrase
            holding the quoted fragment), None for a ``direct`` one.
    """

    frame: Frame
    rule: str
    mixed_range: Optional[tuple[int, int]] = None


SKIP = "skip"  # a pass's verdict that the quoted span is no quotation (a title, a scare-quoted word)


@dataclass
class QuoteView:
    """One paired quotation and its surroundings, as every pass reads it.

    ``zone_a``/``zone_b`` bound the sentences around the quotation (characters); ``prev_end`` and
    ``next_start`` are the neighbouring quotations' outer bounds; ``text`` is the content with
    paragraph marks removed; ``a0``/``b0`` its trimmed raw range.
    """

    q: QSpan
    text: str
    n_words: int
    sentence_like: bool
    title_like: bool
    after_idx: int
    zone_a: int
    zone_b: int
    prev_end: int
    next_start: int
    a0: int
    b0: int


def _announced_line(text: str, q: QSpan) -> bool:
    """Whether quotation ``q`` follows a colon and ends its line ('Chief Ortiz: "Nobody Leaves Early."'):
    what a colon announces at a line's end is an utterance even in a headline's title case."""
    nl = text.find("\n", q.outer_end)
    return text[: q.open_mark].rstrip().endswith(":") and not re.search(r"\w", text[q.outer_end : nl if nl >= 0 else len(text)])


def _sentence_like(qtext: str, n_words: int) -> bool:
    """A quoted passage that reads as an utterance: four words opening with a capital or ellipsis, or
    three ending with sentence punctuation."""
    return n_words >= 4 and (qtext[:1].isupper() or qtext[:1] in "….") or bool(re.search(r"[.!?…]$", qtext)) and n_words >= 3


def _title_like(qtext: str, n_words: int) -> bool:
    """A short quoted phrase in title case ("The Art of the Deal"): a title or name, not speech."""
    return (
        n_words <= 6
        and not re.search(r"[!?,;]$", qtext)
        and (not qtext.endswith(".") or n_words >= 2)
        and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in qtext.split())
    )


def _cue_reliability(frame: Frame) -> Optional[float]:
    """The learned reliability of a frame's cue (:func:`.cuelex.cue_table`, any complement shape): 0.0
    for a word the lexicon lacks; None for a cue that is no word the lexicon keeps (a dash, a colon)."""
    head = cue_head(list(frame.cue))
    key = cue_key(head) if head is not None else None
    if key is None:
        return None
    return cue_table().get((key[0], key[1], "any"), (0, 0.0))[1]


# frame rules of cues inferred from a verb's complement shape rather than a reporting verb: an
# intention ("offers to host"), an object content ("resume talks") or a learned lexicon cue
_INFERRED_CUE_RULES = frozenset({"intent", "object", "learned"})


def _inferred_cue(f: Frame) -> bool:
    """Whether frame ``f``'s cue was inferred (from a verb's complement, the learned lexicon or the
    sequence tagger) rather than read as a reporting verb: such a cue opens no attribution in a display
    line ("Minister backs new sanctions")."""
    return f.rule in _INFERRED_CUE_RULES or f.rule == "tagger" or f.rule.startswith("model")


def display_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the display lines of ``text``: headline-case lines
    (:func:`.speakers.headline_lines`) and short lines (at most 12 words) ending without sentence
    punctuation or a quotation mark, such as a headline in sentence case ("Mayor offers to host
    talks"), a deck or a section head. Headline style drops the reporting verb, so a cue inferred
    from a verb's complement there is no attribution (:data:`_INFERRED_CUE_RULES`)."""
    out = list(headline_lines(text))
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if line and len(line.split()) <= 12 and not re.search(r"[.!?:;,\"“”'’)\]…]$", line) and line[:1] not in "\"“'‘(*#-":
            out.append((m.start(), m.end()))
    return sorted(set(out))


def _lost_close(doc: Doc, a: int, b: int) -> Optional[int]:
    """Offset of the comma that ends the quoted words of an opened quotation ``[a, b)`` whose closing mark
    was lost, when the rest holds a reporting clause: ", said the spokesperson Maria Lopez," or ", Maria
    Lopez said,": a reporting verb after the comma whose subject can speak and lies in that clause
    (between the comma and the verb, or after the verb). None otherwise."""
    span = doc.char_span(a, b, alignment_mode="contract")
    for tok in span if span is not None else ():
        if tok.text != "," or tok.i + 1 >= span.end or tok.i == span.start:
            continue
        for cue in doc[tok.i + 1 : min(tok.i + 6, span.end)]:
            subj = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > tok.i), None)
            if cue_lemma(cue) is not None and cue.pos_ == "VERB" and plausible_source(subj):
                return tok.idx
            if cue.text in ",.;:!?":
                break
    return None


def close_lost_marks(qspans: list[QSpan], doc: Doc) -> list[QSpan]:
    """Family "a closing mark missing before the reporting clause": '"This is unfinished, said the
    spokesperson Maria Lopez, adding ...' (the quotation left open to the paragraph's end). The quotation
    is closed at the comma before the reporting clause (:func:`_lost_close`), so that clause attributes it
    instead of the quotation running on. A quotation continued in the next paragraph keeps its later pieces
    as a quotation of their own. Returns a new list in text order."""
    out = []
    for q in qspans:
        a, b = q.pieces[0]
        left_open = q.close_mark is None or len(q.pieces) > 1
        cut = _lost_close(doc, a, b) if left_open else None
        if cut is None:
            out.append(q)
            continue
        head = QSpan([(a, cut)], q.open_mark, cut)
        head._para = getattr(q, "_para", 0) - len(q.pieces) + 1
        out.append(head)
        if len(q.pieces) > 1:
            rest = QSpan(q.pieces[1:], q.pieces[1][0] - 1, q.close_mark)
            rest._para = getattr(q, "_para", 0)
            out.append(rest)
    return out


class _Sieve:
    """State shared by the attribution passes of one article (see :func:`quotations`)."""

    def __init__(self, doc: Doc, places: list[Place], settings: CueSettings = DEFAULT_CUE_SETTINGS):
        self.doc, self.text, self.settings = doc, doc_text(doc), settings
        qspans = close_lost_marks(quote_spans(self.text), doc)
        self._set_quoted(qspans)
        self.index = SpeakerIndex(doc, places, self.quoted)
        self.turns = transcript_turns(self.text, self.index)
        labels = [(t[0], t[1]) for t in self.turns]
        if labels:  # a transcript quoted whole ('"SMITH: ...'): its turns are quotes, not its marks; no
            # quotation runs over a turn label
            starts = sorted(a for a, _ in labels)
            qspans = [q for q in qspans if bisect.bisect_right(starts, q.open_mark) == bisect.bisect_left(starts, q.outer_end)]
            self._set_quoted(qspans)
        display = self.display = _Intervals(display_lines(self.text))
        self.frames = [f for f in reporting_frames(doc, self.in_quote, settings) if not any(a <= f.cue.start_char < b for a, b in labels)
                       and not (_inferred_cue(f) and display.holding(f.cue.start_char))]
        self._set_quoted(split_attributed_continuations(qspans, [f.cue.start_char for f in self.frames], self.text))
        self.tok_starts = token_column(doc, "idx")
        self.by_cue = sorted(self.frames, key=lambda f: f.cue.start_char)
        self.cue_starts = [f.cue.start_char for f in self.by_cue]
        self.quoted_iv = _Intervals(self.quoted)
        self.turn_iv = _Intervals((cs, ce) for _, _, cs, ce, _, _ in self.turns)
        # the labelled lines of the turns ("A: ..."), not the paragraphs that continue them
        self.label_turn_iv = _Intervals((cs, ce) for _, le, cs, ce, _, _ in self.turns if "\n" not in self.text[le:cs])
        self.results: list[dict] = []
        self.prev_result: Optional[dict] = None
        self.prev_q: Optional[QSpan] = None

    def _set_quoted(self, qspans: list[QSpan]) -> None:
        self.qspans = qspans
        self.quoted = [(q.open_mark, q.outer_end) for q in qspans]
        self.qstarts = [a for a, _ in self.quoted]

    def in_quote(self, ch: int) -> bool:
        """True when character ``ch`` lies inside a quotation (marks included)."""
        i = bisect.bisect_right(self.qstarts, ch) - 1
        return i >= 0 and self.quoted[i][0] <= ch < self.quoted[i][1]

    def tok_at(self, ch: int) -> Token:
        """The token holding character ``ch`` (the one before, in whitespace)."""
        return self.doc[max(0, bisect.bisect_right(self.tok_starts, ch) - 1)]

    def frames_between(self, a: int, b: int) -> list[Frame]:
        """Frames whose cue starts in ``[a, b)``, in text order."""
        return self.by_cue[bisect.bisect_left(self.cue_starts, a) : bisect.bisect_left(self.cue_starts, b)]

    def emit(self, kind, a, b, qtext, frame: Optional[Frame], speaker=None, stype="unknown", mention=None) -> dict:
        """Record one quotation; a frame gives its speaker (resolved), mention, cue and audience."""
        d = dict(kind=kind, start=a, end=b, text=qtext, speaker=speaker, speaker_type=stype)
        if frame is not None:
            name, typ, span = self.index.resolve(frame.subject) if frame.subject is not None else (None, "unknown", None)
            d.update(speaker=name, speaker_type=typ)
            if span is not None:
                span = _without_emphasis(span)
                d.update(mention=span.text, mention_start=span.start_char, mention_end=span.end_char)
                self.index.note_mention(span.start_char, self.index.key_of(name))
                rel = relative_pronoun(frame.cue[0]) if frame.subject is not None else None
                if rel is not None and relative_antecedent(rel, rel.head) == frame.subject:
                    d.update(mention=rel.text, mention_start=rel.idx, mention_end=rel.idx + len(rel))
            d.update(cue=frame.cue_text or frame.cue.text, cue_start=frame.cue.start_char, cue_end=frame.cue.end_char)
            if frame.audience is not None:
                d["audience"] = self.index.noun_phrase(frame.audience).text
            d["_cue_rel"] = _cue_reliability(frame)
        if mention is not None:
            d.update(mention=mention[0], mention_start=mention[1], mention_end=mention[2])
        self.results.append(d)
        return d

    def view(self, qi: int, q: QSpan) -> Optional[QuoteView]:
        """The :class:`QuoteView` of quotation ``qi``; None when it has no words."""
        doc, text = self.doc, self.text
        qtext = " ".join(p for p in (text[slice(*strip_content(text, a, b))] for a, b in q.pieces) if p)
        if not qtext:
            return None
        first_tok, last_tok = self.tok_at(q.start), self.tok_at(max(q.start, q.end - 1))
        lo = min(first_tok.sent.start, last_tok.sent.start)
        if first_tok.i > 0:
            lo = min(doc[first_tok.i - 1].sent.start, doc[lo].sent.start)
        after_idx = min(len(doc) - 1, bisect.bisect_left(self.tok_starts, q.outer_end))
        hi = doc[after_idx].sent.end
        n_words = len(qtext.split())
        a0, b0 = strip_content(text, q.start, q.end)
        # a passage closed by a comma, "?" or "!" ('"No," she replied.') is an utterance, not a title
        spoken = text[: q.end].rstrip()[-1:] in (",", "?", "!") or text[q.outer_end : q.outer_end + 1] == "," \
            or _announced_line(text, q)
        return QuoteView(
            q, qtext, n_words, _sentence_like(qtext, n_words), _title_like(qtext, n_words) and not spoken, after_idx,
            doc[lo].idx, doc[hi - 1].idx + 1 if hi > 0 else 0,
            self.quoted[qi - 1][1] if qi > 0 else 0, self.quoted[qi + 1][0] if qi + 1 < len(self.quoted) else len(text), a0, b0,
        )


def _frame_content_pass(s: _Sieve, v: QuoteView) -> Optional[Link]:
    """Family: a quotation inside the content of a reporting frame ('said that the plan was "dead"').

    Cues within 400 characters in the same paragraph qualify, non-paraphrase cues first, each in
    text order. Words of the content outside the marks make the quote ``mixed``, except a whole
    utterance opening the content ('said: "We will not yield," in Geneva on Monday'), which stays
    direct (the words after its closing mark are the reporter's). A title-case phrase as the complement of a
    naming verb (``naming_verbs``: 'locals call the checkpoint "the Gate of Tears"') is a name: :data:`SKIP`,
    and the frame makes no indirect attribution either.
    """
    text, q = s.text, v.q
    near = s.frames_between(q.open_mark - 399, q.open_mark + 400)
    for f in [f for f in near if f.kind != "paraphrase"] + [f for f in near if f.kind == "paraphrase"]:
        if not (
            f.content
            and f.content[0] <= q.start
            and q.end <= f.content[1] + 1
            and "\n" not in text[min(f.cue.start_char, q.open_mark) : max(f.cue.start_char, q.open_mark)]
            and (f.subject is None or plausible_source(f.subject, s.index) or f.subject.pos_ == "NOUN")
        ):
            continue
        if v.title_like and f.kind == "verb" and _gives_a_name(f.cue[0]) and not s.display.holding(f.cue.start_char):
            f.used = True  # 'locals call the checkpoint "the Gate of Tears"': a name the verb gives, no speech
            return SKIP
        inner = _inner_frame(s, f, v, near)
        if inner is not None:
            return Link(inner, "frame_content")
        ca, cb = f.content
        outside = text[ca : q.open_mark] + text[q.outer_end : cb]
        whole = not re.search(r"\w", text[ca : q.open_mark]) and (
            re.search(r"[,.!?…]\W*$", text[q.start : q.end]) is not None or text[q.outer_end : q.outer_end + 1] == ","
        )
        if re.search(r"\w", outside) and not whole:
            return Link(f, "frame_content", (ca, max(cb, q.outer_end)))
        return Link(_introducing_cue(s, f, v) or f, "frame_content")
    return None


def _gives_a_name(cue: Token) -> bool:
    """Whether a cue verb gives something a name (``naming_verbs``): "nicknamed", "dubbed", and "call" in the
    simple present ("locals call it ..."), the name in use; a past "called her 'Miss X'" reports an utterance, and
    so does a headline's present ("X Calls Plan 'A Disgrace'"), which the caller checks."""
    lem = cue.lemma_.lower()
    return lem in C.NAMING_VERBS and (lem != "call" or cue.tag_ in ("VBP", "VBZ"))


def _inner_frame(s: _Sieve, f: Frame, v: QuoteView, near: list[Frame]) -> Optional[Frame]:
    """Family: a whole utterance inside a frame that is itself inside another frame's content ('She
    said X, and when pressed, the mother of three replied, "..."'): the inner verb frame whose
    content opens with the quotation is the speaker's. None when there is none."""
    text, q = s.text, v.q
    for g in near:
        if g is f or g.kind != "verb" or not g.content or g.cue.start_char <= f.cue.start_char:
            continue
        if g.content[0] <= q.start and q.end <= g.content[1] + 1 and not re.search(r"\w", text[g.content[0] : q.open_mark]) \
                and not re.search(r"\w", text[q.outer_end : g.content[1]]):
            if plausible_source(g.subject, s.index):
                return g
            cue = g.cue[0]
            if cue.dep_ == "conj" and f.content[0] <= cue.head.idx < f.content[1] and plausible_source(f.subject, s.index):
                # "She said the plan was sound, and when asked ..., replied, '...'": the parser joined the
                # verb to the reported clause; it shares the subject of the verb that reports that clause
                return replace(g, subject=f.subject)
    return None


def _introducing_cue(s: _Sieve, f: Frame, v: QuoteView) -> Optional[Frame]:
    """Family: a speech cue between a frame's cue and the quotation it holds that introduces the
    quotation itself ('The spot ends with footage of Hal Ross saying at the rally, "..."'): a verb
    cue with no content of its own and a plausible source other than the frame's ("X said, referring to
    Y, "..."" stays X's said), in the same clause run (no sentence or
    clause punctuation before the quotation but the comma that opens it). None when there is none."""
    text, q = s.text, v.q
    if not text[: q.open_mark].rstrip().endswith(","):
        return None
    for g in reversed(s.frames_between(f.cue.end_char, q.open_mark)):
        same = g.subject is not None and f.subject is not None and g.subject.i == f.subject.i
        if g.kind == "verb" and g.content is None and plausible_source(g.subject, s.index) and not same \
                and not re.search(r"[.!?;:\n]", text[g.cue.end_char : q.open_mark]):
            return g
    return None


def _byline_pass(s: _Sieve, v: QuoteView) -> Optional[Link]:
    """Family: a source named after a dash following the quotation ('"..." ― Jane Roe'), on its line or on a
    signature line of its own under it: at most :data:`_SIGNATURE_LINE_CHARS` characters of name, age and role, no
    verb (a paragraph opening with a dash and a sentence is no signature)."""
    m = _BYLINE_RE.match(s.text, v.q.outer_end)
    if not m:
        return None
    if m.group("line"):
        eol = s.text.find("\n", m.end())
        eol = len(s.text) if eol < 0 else eol
        line = s.doc.char_span(m.end(), eol, alignment_mode="expand")
        if eol - m.end() > _SIGNATURE_LINE_CHARS or line is None or any(t.pos_ in ("VERB", "AUX") for t in line):
            return None
    nt = s.tok_at(m.end())
    while nt.dep_ in ("compound", "flat") and nt.head.i > nt.i and nt.head.i - nt.i < 4:
        nt = nt.head
    dash = s.tok_at(m.start("dash")).i
    return Link(Frame(s.doc[dash : dash + 1], nt, None), "byline")


def _recap_pass(s: _Sieve, v: QuoteView) -> Optional[Link]:
    """Family: the sentence right after a quotation names its source by taking it up ("“...” That is how Amina
    Bello described the wait.", "This was how the mayor put it."): it opens with "that"/"this", a form of "be"
    and "how", and the verb of the "how" clause is a verb that takes up what was said
    (:data:`~components.lexicon.RECAP_VERBS`); or, in that sentence or at the start of the next paragraph, such a
    verb is the main verb with a definite object that names the words (:data:`~components.lexicon.RECAP_OBJECTS`:
    "Kofi Mensah, the minister, made the remarks after ..."). Its subject is the source, the verb the cue, and its
    object no content of its own ("the wait" is what the quotation described)."""
    k = v.q.outer_end
    while k < len(s.text) and s.text[k] in " \t":
        k += 1
    if k >= len(s.text):
        return None
    newline = s.text[k] == "\n"
    while k < len(s.text) and s.text[k].isspace():
        k += 1
    if k >= len(s.text) or s.in_quote(k):
        return None
    first = s.tok_at(k)
    words = s.doc[first.i : first.i + 3]
    if len(words) == 3 and not newline and words[0].lower_ in ("that", "this") and words[1].lemma_ == "be" and words[2].lower_ == "how":
        verb = words[2].head  # "That is how X described it"
        if verb.i <= words[2].i or verb.pos_ != "VERB" or verb.lemma_.lower() not in C.RECAP_VERBS:
            return None
    else:  # "X made the remarks after ...", in the next sentence or paragraph
        verb = first.sent.root
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in C.RECAP_OBJECTS
                and any(d.dep_ == "det" and d.lower_ in ("the", "these", "those", "that", "this") for d in c.children)]
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in C.RECAP_VERBS or not objs:
            return None
    subj = subject_of(verb)
    if subj is None or s.in_quote(subj.idx):
        return None
    for f in s.frames:
        if f.cue[0].i == verb.i:
            f.used = True  # its object ("the wait") is what the quotation described, no content of its own
    return Link(Frame(s.doc[verb.i : verb.i + 1], subj, None), "recap")


def _nearest_cue(s: _Sieve, v: QuoteView) -> Optional[Frame]:
    """The nearest verb cue with a plausible source between the neighbouring quotations, in the
    sentences around the quotation. A cue right after a comma-closed quotation ('"...," it added')
    counts at 0.3 of its distance, and takes the quotation even without a recognised source."""
    text, q = s.text, v.q
    best = None
    comma_close = text[: q.end].rstrip()[-1:] in (",", "?", "!") or text[q.outer_end : q.outer_end + 1] == ","
    for f in s.frames_between(v.zone_a, v.zone_b):
        c = f.cue.start_char
        if v.prev_end <= c < q.open_mark:
            dist = q.open_mark - c
        elif q.outer_end <= c < v.next_start:
            dist = (c - q.outer_end) * (0.3 if comma_close else 1.0)
        else:
            continue
        if c >= q.outer_end and not comma_close and (_introduces_next(s, f, v) or _reports_own_clause(s, f, v)):
            continue
        adjacent_after = c >= q.outer_end and len(text[q.outer_end : c]) < 60 and "\n" not in text[q.outer_end : c] and comma_close
        if f.kind != "verb" or not (adjacent_after or plausible_source(f.subject, s.index)):
            continue
        if best is None or dist < best[0]:
            best = (dist, f)
    return _governing_frame(s, best[1]) if best else None


def _introduces_next(s: _Sieve, f: Frame, v: QuoteView) -> bool:
    """Whether cue ``f``, after quotation ``v`` that closed its own sentence, introduces the next quotation
    ('"... I was just kidding." To which she said, "Thank God ..."'): its clause runs into a comma or colon
    and an opening mark. Such a cue is the next quotation's, not this one's."""
    if not re.search(r"[.!?…]\W*$", s.text[v.q.start : v.q.end]):
        return False
    return re.match(r"[^\"“”\n.!?]{0,40}?[,:]\s*[\"“]", s.text[f.cue.end_char : f.cue.end_char + 60]) is not None


def _reports_own_clause(s: _Sieve, f: Frame, v: QuoteView) -> bool:
    """Whether cue ``f``, in a sentence after quotation ``v`` that closed its own sentence, reports a clause of
    its own ('"... for cameras." He said the talks had produced nothing'): its content, three words or more,
    follows the cue. Such a cue is that clause's, not the quotation's ('"We will win." He said so twice'
    has no clause: the cue may still take the quotation)."""
    if f.content is None or f.content[0] < f.cue.end_char or not re.search(r"[.!?…]\W*$", s.text[v.q.start : v.q.end]):
        return False
    return len(s.text[f.content[0] : f.content[1]].split()) >= 3


def _governing_frame(s: _Sieve, f: Frame) -> Frame:
    """Family "said, referring to Y, '...'" ("citing", "pointing to"): a participle cue that is an adjunct
    of another reporting verb and has its own complement (what is referred to) does not introduce the
    quotation; the verb it hangs on does. Else ``f``."""
    tok = f.cue[0]
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or not any(c.dep_ in ("prep", "dobj") for c in tok.children):
        return f
    i = bisect.bisect_left(s.cue_starts, tok.head.idx)
    if i < len(s.cue_starts) and s.cue_starts[i] == tok.head.idx and s.by_cue[i].kind == "verb":
        return s.by_cue[i]
    return f


def _source_after_quote(s: _Sieve, f: Frame, v: QuoteView) -> Frame:
    """Family: a source named between the quotation and its cue ('"...," Rep. Jane Doe (D-Md.) said')
    that the parser left unattached: the first name or noun after the quotation becomes the source; and a
    source after a cue right after the quotation that the parser made the cue's object ('"...," quipped
    90-year-old Elsie Marsh')."""
    if f.subject is not None or f.cue.start_char < v.q.outer_end:
        return f
    if _with_inverted_source(s, f, v).subject is not None:
        return f
    for k in range(v.after_idx, f.cue.start):
        t = s.doc[k]
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not s.in_quote(t.idx):
            while t.dep_ in ("compound", "flat", "amod") and t.head.i > t.i and t.head.i < f.cue.start:
                t = t.head
            return Frame(f.cue, t, f.content, f.audience, f.kind, False, f.cue_text)
    return f


def _with_inverted_source(s: _Sieve, f: Frame, v: QuoteView) -> Frame:
    """Family: a source after a cue right after the quotation that the parser made the cue's object
    ('"...," quipped 90-year-old Elsie Marsh'): ``f``, given that name or noun as its subject (in place); left
    as it is when it has a subject, its cue is elsewhere or no such object follows."""
    if f.subject is not None or f.cue.start_char < v.q.outer_end:
        return f
    cue = f.cue[0]
    if f.cue.start != v.after_idx + sum(1 for t in s.doc[v.after_idx : f.cue.start] if t.is_punct):
        return f
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "attr") and c.i > cue.i and c.pos_ in ("PROPN", "NOUN")
                and plausible_source(c, s.index)), None)
    if obj is not None:
        f.subject = obj  # the frame itself, so that it stays marked used
    return f


def _fragment_range(s: _Sieve, f: Frame, v: QuoteView) -> Optional[tuple[int, int]]:
    """Family: a quoted fragment under a cue ('called the plan "a disaster"'): the constituent that
    holds it under the cue gives the ``mixed`` quote's range, or None."""
    text, q = s.text, v.q
    t = climb(s.tok_at(q.start), lambda n: n.head.i != f.cue.start and n.dep_ != "ROOT")
    if t.head.i != f.cue.start or t.i == f.cue.start or (f.subject is not None and t.i == f.subject.i):
        return None
    sub = list(t.subtree)
    ca = min(sub[0].idx, q.open_mark)
    cb = max(sub[-1].idx + len(sub[-1].text), q.outer_end)
    return (ca, cb) if re.search(r"\w", text[ca : q.open_mark] + text[q.outer_end : cb]) else None


def _nearest_cue_pass(s: _Sieve, v: QuoteView):
    """Family: a quotation and a reporting verb in the same or a neighbouring sentence ('"No," she
    replied.'; 'The bridge, he said, "was unsafe."'). Returns a :class:`Link`, None, or :data:`SKIP`
    for a short fragment that is no constituent of the cue (a scare quote)."""
    f = _nearest_cue(s, v)
    if f is None:
        return None
    f = _source_after_quote(s, f, v)
    text, q = s.text, v.q
    k = q.open_mark - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    standalone = (k < 0 or text[k] in ":,.!?\n—–-") and (
        re.match(r"\s*[,.!?—–-]|\s*$", text[q.outer_end : q.outer_end + 2]) is not None
        or re.search(r"[,.!?…]$", text[q.start : q.end].rstrip()) is not None
    )
    if v.sentence_like or standalone:
        return Link(f, "nearest_cue")
    rng = _fragment_range(s, f, v)
    if rng is None and v.n_words < 4:
        return SKIP
    return Link(f, "nearest_cue", rng)


def _colon_pass(s: _Sieve, v: QuoteView) -> Optional[Link]:
    """Family: a source introducing the quotation with a colon ('The minister added:', 'From the
    mayor:'): a cue of the colon's sentence, else the object of a "From" opening the colon's
    sentence, else any clause with a subject ending in the colon."""
    text = s.text
    k = v.q.open_mark - 1
    while k >= 0 and (text[k].isspace() or text[k] in _EMPHASIS_MARKS):  # '**Name:** "..."' (Markdown bold)
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    colon_tok = s.tok_at(k)
    name = _line_label(s, colon_tok)
    if name is None and "\n" not in text[k : v.q.open_mark]:
        name = _headline_source(s, colon_tok)  # "Senator Ortiz Grills Bank Chief: '...'"
    if name is not None:  # 'Dr. Ana Ruiz: "..."', a line opening with a person's name and a colon
        return Link(Frame(s.doc[colon_tok.i : colon_tok.i + 1], name.root, None), "colon")
    for f in reversed(s.by_cue[: bisect.bisect_left(s.cue_starts, k)]):
        if f.cue.start_char < colon_tok.sent.start_char:
            break
        if f.kind != "paraphrase" and f.cue.sent.start == colon_tok.sent.start:
            return Link(f, "colon")
    first = colon_tok.sent[0]
    if first.lower_ == "from" and first.i + 1 < colon_tok.i:
        # "From the harbour master:" -- the object of the opening "from" is the source
        src = next((c for c in first.children if c.dep_ == "pobj"), None)
        if src is not None and plausible_source(src, s.index):
            return Link(Frame(s.doc[colon_tok.i : colon_tok.i + 1], src, None), "colon")
    # the clause that ends in the colon ("She was upset, and I had to change my answer:" is I's), else the
    # sentence's main clause
    root = climb(s.doc[max(colon_tok.i - 1, colon_tok.sent.start)], lambda t: t.pos_ not in ("VERB", "AUX") and t.head.i != t.i)
    subj = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subj is None:
        root = colon_tok.sent.root
        subj = subject_of(root)
    if subj is not None and subj.pos_ == "NOUN" and (subj.lemma_.lower() in C.STATEMENT_NOUNS or not _may_speak(subj)):
        # "Her message was simple:", "His answer surprised everyone:", "The union's demand was clear:", "The message
        # from the governor was short:": what someone said or wants speaks for its owner (a statement's "from");
        # without one ("The verdict was clear:", "The sign's message was simple:") the quotation is kept, with no
        # speaker
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is None and subj.lemma_.lower() in C.STATEMENT_NOUNS:  # "The message from the governor was short:"
            owner = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj"), None)
        if root.pos_ in ("VERB", "AUX") and not s.in_quote(root.idx):
            return Link(Frame(s.doc[root.i : root.i + 1], owner if owner is not None and _may_speak(owner) else None, None), "colon")
        return None
    if root.pos_ in ("VERB", "AUX") and subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN") and not s.in_quote(root.idx):
        return Link(Frame(s.doc[root.i : root.i + 1], subj, None), "colon")
    return None


# Markdown emphasis around a label ("**Name:**", "_Name:_")
_EMPHASIS_MARKS = "*_"


def _without_emphasis(span: Span) -> Span:
    """``span`` less the Markdown emphasis tokens at its edges ("**Col. Ivan Petrenko**" -> the name)."""
    a, b = span.start, span.end
    while a < b and not span.doc[a].text.strip(_EMPHASIS_MARKS):
        a += 1
    while b > a and not span.doc[b - 1].text.strip(_EMPHASIS_MARKS):
        b -= 1
    return span.doc[a:b] if a < b else span


def _line_label(s: _Sieve, colon_tok: Token) -> Optional[Span]:
    """The person named as the label of a line ("Dr. Ana Ruiz:", "**Col. Ivan Petrov:**"): a PERSON
    entity (or two to four untagged capitalised words, a proper noun first) ending right before ``colon_tok``, preceded
    on its line only by Markdown emphasis marks and at most two capitalised words (a title: "Dr.",
    "Defence Minister"). None otherwise."""
    doc = s.doc
    ent = next((e for e in doc_ents(doc) if e.end == colon_tok.i and e.label_ == "PERSON"), None)
    if ent is None:
        ent = _name_before_role(s, colon_tok)  # "Sipho Ndlovu, lawyer for the family:"
    if ent is None:  # a name the model left untagged: two to four capitalised proper nouns opening the line
        k = colon_tok.i
        while k > 0 and colon_tok.i - k < 4 and doc[k - 1].pos_ in ("PROPN", "NOUN") and doc[k - 1].text[:1].isupper() \
                and not doc[k - 1].ent_type_ and "\n" not in doc[k - 1].whitespace_:
            k -= 1
        if colon_tok.i - k < 2 or doc[k].pos_ != "PROPN":
            return None  # one word ("Update:"), or no name first ("Breaking News:")
        ent = Span(doc, k, colon_tok.i, label="PERSON")
    line_start = s.text.rfind("\n", 0, ent.start_char) + 1
    before = s.text[line_start : ent.start_char].strip(_EMPHASIS_MARKS + " \t").split()
    if len(before) > 2 or any(not w[:1].isupper() for w in before):
        return None
    return ent


def _name_before_role(s: _Sieve, colon_tok: Token) -> Optional[Span]:
    """A person's name opening the line of ``colon_tok`` and followed by a comma and a short role phrase ending at
    the colon ("Sipho Ndlovu, lawyer for the family:", "Ana Ruiz, 52, a nurse:"): a PERSON entity, or two or three
    capitalised proper nouns written as a name, then at most six words without a verb. None otherwise."""
    doc = s.doc
    line_start = s.text.rfind("\n", 0, colon_tok.idx) + 1
    first = s.tok_at(line_start)
    while first.i < colon_tok.i and (first.is_space or first.text in _EMPHASIS_MARKS or first.text == "**"):
        first = doc[first.i + 1]
    comma = next((t for t in doc[first.i : colon_tok.i] if t.text == ","), None)
    if comma is None or colon_tok.i - comma.i - 1 > 6 or colon_tok.i - comma.i < 2:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[comma.i + 1 : colon_tok.i]):
        return None  # a clause ("Tom Brown, asked about it, said:"), not a role
    name = doc[first.i : comma.i]
    tagged = any(e.start == name.start and e.end == name.end and e.label_ == "PERSON" for e in doc_ents(doc))
    return Span(doc, name.start, name.end, label="PERSON") if tagged or name_shaped(name) else None


def _headline_source(s: _Sieve, colon_tok: Token) -> Optional[Span]:
    """The person a headline's colon gives the quotation to ("Senator Ortiz Grills Bank Chief: 'You
    Misled Us'", "A warning from Ana Ruiz: 'Stay home'"): the colon lies in the article's title (its
    first line, when a body follows) or a headline-case line, and the words before it on that line
    name exactly one PERSON entity, or several of which one is the subject of their verb. None
    otherwise (a body sentence ending in a colon is :func:`_colon_pass`'s clause rule)."""
    text = s.text
    k = colon_tok.idx
    line_start = text.rfind("\n", 0, k) + 1
    first_nl = text.find("\n")
    if not (0 < first_nl and k < first_nl) and not s.display.holding(k):
        return None
    people = [e for e in doc_ents(s.doc) if e.label_ == "PERSON" and line_start <= e.start_char and e.end <= colon_tok.i
              and (len(e) > 1 or known_source_word(e[0]))]  # "Lesson" (tagged PERSON) is no name
    if len(people) > 1:
        people = [e for e in people if e.root.dep_ in ("nsubj", "nsubjpass")]
    return people[0] if len(people) == 1 else None


def _reporting_clause_before(s: _Sieve, v: QuoteView) -> Optional[Link]:
    """Family: a floating quotation after a reporting clause of the previous sentences or paragraph
    ('..., Graham told reporters.' then a paragraph '"He is the type ..."'), as in the Gender Gap
    Tracker: the last verb cue with a source within two paragraph breaks and 300 characters."""
    if not v.sentence_like:
        return None
    q = v.q
    j = bisect.bisect_left(s.cue_starts, q.open_mark) - 1
    while j >= 0 and s.by_cue[j].subject is None:
        j -= 1
    if j < 0:
        return None
    f = s.by_cue[j]
    gap = s.text[f.cue.end_char : q.open_mark]
    if gap.count("\n") <= 2 and len(gap) < 300 and (s.prev_q is None or s.prev_q.outer_end < f.cue.start_char) and f.kind == "verb":
        return Link(f, "floating")
    return None


# the passes, in the order they are tried; the first that decides wins
def _dialogue_tag_pass(s: _Sieve, v: QuoteView) -> Optional[Link]:
    """Family: a dialogue tag whose verb the cue lexicon lacks ('"...," fumed Khalid Nasser', '"...,"
    Marta Ruiz sighed', '"...!" snapped the guard'). A quotation of two words or more that opens its sentence,
    closed by a comma, "?" or "!" and followed
    in its sentence by a finite verb with a plausible source as its subject, nothing else between the
    quotation and the verb but that subject: the position makes the verb a reporting cue. A verb the
    lexicon knows is left to :func:`_nearest_cue_pass`; a negated one is no tag."""
    text, q, doc = s.text, v.q, s.doc
    if not (text[: q.end].rstrip()[-1:] in (",", "?", "!") or text[q.outer_end : q.outer_end + 1] == ","):
        return None
    before = text[: q.open_mark].rstrip(" \t")
    if v.n_words < 2 or before and before[-1] not in ".!?\n":
        return None  # the quotation opens its sentence ('an ad, titled "Arrogant," features ...' is a title)
    k = v.after_idx
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space) and doc[k].idx < q.outer_end + 3:
        k += 1  # the comma and closing mark
    verb = next((t for t in doc[k : k + 6] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or "\n" in text[q.outer_end : verb.idx] or not _tag_clause(verb, q) \
            or verb.sent.start != doc[k].sent.start or cue_lemma(verb) is not None or any(c.dep_ == "neg" for c in verb.children):
        return None  # (not the main clause: '"Bohemian Rhapsody," Queen recorded in 1975, remains ...' names a title)
    subject = subject_of(verb)
    if subject is None and verb.i == k:  # inverted: '"...!" barked the sergeant', the parser's object
        subject = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
    if subject is None or not plausible_source(subject, s.index) or not _may_speak(subject):
        return None
    between = set(range(k, verb.i))
    if not between <= {t.i for t in subject.subtree}:
        return None  # other words between the quotation and the verb: no tag
    return Link(Frame(doc[verb.i : verb.i + 1], subject, (v.a0, v.b0)), "dialogue_tag")


def _tag_clause(verb: Token, q: QSpan) -> bool:
    """Whether ``verb`` after quotation ``q`` can be its dialogue tag: the sentence's root, or hung by the parser
    on the quotation's own root when that is the sentence's root ('"Send more tents," pleaded X': the quoted
    imperative parsed as the main clause). A verb under a root outside the quotation is not ('"Midnight Train,"
    the band recorded in 1981, still sells ...': the quoted words are the subject of "sells")."""
    if verb.dep_ == "ROOT":
        return True
    root = verb.sent.root
    return verb.head.i == root.i and q.start <= root.idx < q.end


def _may_speak(tok: Token) -> bool:
    """Whether a dialogue tag's subject can speak without a known speech verb: a name, a pronoun, or a common
    noun for people, an office or a body (``title_words``, ``person_nouns``, ``group_head_nouns``,
    ``org_head_nouns``); not a thing that "says" something ('"Owners out," the banner flapped', '"Shame on
    them," the headline screamed')."""
    if tok.pos_ != "NOUN":
        return True
    lem = tok.lemma_.lower()
    if any(w in words for w in (tok.lower_, lem) for words in (C.TITLE_WORDS, C.PERSON_NOUNS, C.GROUP_HEAD_NOUNS, C.ORG_HEAD_NOUNS)):
        return True
    # a noun a name stands beside ("the aid coordinator, Ana Ruiz"); an agent noun alone is no proof ("banner")
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


QUOTE_PASSES = (_frame_content_pass, _byline_pass, _recap_pass, _dialogue_tag_pass, _nearest_cue_pass, _colon_pass)


def _attribute(s: _Sieve, v: QuoteView):
    """Run :data:`QUOTE_PASSES` on one quotation: a :class:`Link`, None, or :data:`SKIP`.

    A title-like phrase ('"The Art of the Deal"') is skipped unless a frame's content or a byline
    holds it.
    """
    for p in QUOTE_PASSES:
        if p is _nearest_cue_pass and v.title_like:
            return SKIP
        link = p(s, v)
        if link is not None:
            return link
    return None


def _emit_linked(s: _Sieve, v: QuoteView, link: Link) -> None:
    """Emit a quotation its pass attributed; a pronoun mention with no resolved speaker inherits
    the previous quotation's speaker ("he" right after a quote of a named person) unless that speaker
    is known to be of the other gender ("Mr. Osei" is no "she"); a quotation resumed after its reporting
    clause ran on joins the previous quotation's unit (:func:`_continues_previous`)."""
    link.frame = _with_inverted_source(s, link.frame, v)
    was_used, link.frame.used = link.frame.used, True
    if link.mixed_range is not None:
        ma, mb = link.mixed_range  # (a work's title inside the reported clause is no part of the speaker's words)
        d = s.emit("indirect" if _work_title(s, v.q.open_mark, v.q.outer_end) else "mixed", ma, mb, s.text[ma:mb], link.frame)
    else:
        d = s.emit("direct", v.a0, v.b0, v.text, link.frame)
    d["_rule"] = link.rule
    p = s.prev_result
    if d.get("speaker") is None and d.get("speaker_type") in ("person", "unknown") and p and p.get("speaker") \
            and d.get("mention", "").lower() in C.PERSON_PRONOUNS and s.index.may_be(p["speaker"], d["mention"]):
        d["speaker"] = p["speaker"]
    if p is not None and d.get("speaker") == p.get("speaker") and _continues_previous(s, v, link):
        _continue_unit(d, p)  # the cue between them is the reporting clause's, not this quotation's
        link.frame.used, d["_rule"] = was_used, "continuation"
    s.prev_result, s.prev_q = d, v.q


_CONTINUATION_KEYS = ("cue", "cue_start", "cue_end", "mention", "mention_start", "mention_end", "_cue_rel")


def _continue_unit(d: dict, p: dict) -> None:
    """Make record ``d`` part of record ``p``'s attribution unit: ``d`` takes ``p``'s speaker, cue and
    mention (records of one unit share the cue and mention offsets, see :func:`continuation_groups`)."""
    d.update(speaker=p.get("speaker"), speaker_type=p.get("speaker_type", "unknown"))
    for k in _CONTINUATION_KEYS:
        if p.get(k) is not None:
            d[k] = p[k]


def _continues_previous(s: _Sieve, v: QuoteView, link: Link) -> bool:
    """Family: a quotation resumed after its reporting clause ran on ('"A," she said, pointing to the
    map. "B."'; '"A," he said after the vote. He did not elaborate. "B."'). Quotation ``v`` continues
    the previous attributed quotation when both lie in one paragraph, the previous one's cue follows it,
    the cue ``link`` found for ``v`` lies between that cue and ``v`` with a sentence end between it and
    ``v`` (so it introduces nothing) and reports no clause of its own (a clause, "adding that ...",
    "explaining why ...", is what the quotation goes on with: polnear-train joins it there), and that cue's
    source is the same speaker (checked by the caller)."""
    p, pq = s.prev_result, s.prev_q
    if p is None or pq is None or link.rule not in ("nearest_cue", "floating") or p.get("cue_start") is None or p.get("speaker") is None:
        return False
    c, text = link.frame.cue.start_char, s.text
    if "\n" in text[pq.outer_end : v.q.open_mark] or not (pq.outer_end <= p["cue_start"] < c < v.q.open_mark):
        return False
    content = link.frame.content and s.doc.char_span(*link.frame.content, alignment_mode="expand")
    if content and content.root.pos_ in ("VERB", "AUX"):
        return False
    return _own_sentence(text, v) and re.search(r"[.!?]\W*$", text[link.frame.cue.end_char : v.q.open_mark]) is not None


def _own_sentence(text: str, v: QuoteView) -> bool:
    """Whether quotation ``v`` is a sentence of its own however short ('... she said. "We lost."'):
    it opens after a sentence end or a line break with a capital and closes on sentence punctuation."""
    before = text[: v.q.open_mark].rstrip(" \t")
    return (not before or before[-1] in ".!?\n") and v.text[:1].isupper() and re.search(r"[.!?…]$", v.text) is not None


def _emit_floating(s: _Sieve, v: QuoteView) -> None:
    """Families: quotations running on without a cue. After a reporting clause
    (:func:`_reporting_clause_before`); right after an attributed quotation (within two paragraph
    breaks and 250 characters: a quotation running across paragraphs) it shares that quotation's
    speaker, cue and mention; else a long utterance (8+ words) is kept without a speaker."""
    link = _reporting_clause_before(s, v)
    p, pq = s.prev_result, s.prev_q
    if link is not None:
        d = s.emit("direct", v.a0, v.b0, v.text, link.frame)
        d["_rule"] = "reporting_clause"
        if p is not None and d.get("speaker") == p.get("speaker") and _continues_previous(s, v, link):
            _continue_unit(d, p)
            d["_rule"] = "continuation"
        s.prev_result, s.prev_q = d, v.q
        return
    if p is not None and pq is not None and (v.sentence_like or _own_sentence(s.text, v)):
        gap = s.text[pq.outer_end : v.q.open_mark]
        if gap.count("\n") <= 2 and len(gap) < 250:
            d = s.emit("direct", v.a0, v.b0, v.text, None)
            _continue_unit(d, p)
            d["_rule"] = "continuation"
            s.prev_q = v.q
            return
    if v.n_words >= 8 and v.sentence_like:
        d = s.emit("direct", v.a0, v.b0, v.text, None)
        d["_rule"] = "floating"
        d["_open"] = v.q.close_mark is None  # a paragraph left open: the next one may go on with it
        s.prev_q = v.q


def _open_paragraph_pass(s: _Sieve) -> None:
    """Family: a quotation running over paragraphs whose cue comes only after its last one ('“A ... B.¶“C,” said
    X'): news style leaves each paragraph but the last without a closing mark and opens the next with a mark.
    A quotation floating without a speaker whose paragraph was left open (:func:`_emit_floating`) joins the
    attribution unit of the direct quotation opening the next paragraph, when that one has a speaker (and so on
    back over several open paragraphs)."""
    direct = sorted((d for d in s.results if d["kind"] == "direct"), key=lambda d: d["start"])
    for k in range(len(direct) - 2, -1, -1):
        d, nxt = direct[k], direct[k + 1]
        if d.get("speaker") is not None or not d.get("_open") or nxt.get("speaker") is None:
            continue
        gap = s.text[d["end"] : nxt["start"]]
        if "\n" in gap and not gap.strip(" \t\r\n\"“”‘’'«»"):
            _continue_unit(d, nxt)
            d["_rule"] = "continuation"


def _quotation_pass(s: _Sieve) -> None:
    """Attribute every top-level quotation: the sieve of :data:`QUOTE_PASSES`, then floating ones."""
    for qi, q in enumerate(s.qspans):
        if s.quoted_iv.enclosing(q.open_mark, q.outer_end) or s.label_turn_iv.holding(q.open_mark):
            continue  # nested inside another quote or a labelled transcript turn (the turn is the quote)
        v = s.view(qi, q)
        if v is None:
            continue
        link = _attribute(s, v)
        if link is SKIP:
            continue
        if link is not None:
            if link.frame.kind != "according" or _whole_content(s, link.frame, v):
                _emit_linked(s, v, link)  # ('"...," according to a UN official': the quotation is all it reports)
            continue
        if not s.turn_iv.holding(q.open_mark):  # a quotation in a turn's continuation needs its own cue
            _emit_floating(s, v)


def _whole_content(s: _Sieve, f: Frame, v: QuoteView) -> bool:
    """True when frame ``f``'s content is quotation ``v`` and nothing else but punctuation (an
    "according to" after a whole quotation: a direct quote of its source, not a paraphrase)."""
    if f.content is None:
        return False
    a, b = f.content
    if b <= v.q.open_mark or a >= v.q.outer_end:
        return False
    to = f.cue[-1]
    rest = s.doc[to.right_edge.i + 1 : to.sent.end]
    if any(t.pos_ in ("VERB", "AUX") and not s.in_quote(t.idx) for t in rest):
        return False  # '"The Lion King," according to Disney, remains ...': a title, the sentence's subject
    outside = s.text[a : max(a, v.q.open_mark)] + s.text[min(b, v.q.outer_end) : b]
    return re.search(r"\w", outside) is None


def _indirect_ok(s: _Sieve, f: Frame, holders: "_Intervals") -> bool:
    """Whether frame ``f`` (no quotation attached) makes an indirect attribution: it has content
    and a source (or is a passive: expletive, "it was reported that", or without agent, "X is
    expected to"), is no paraphrase or object cue inside another
    attribution or a transcript turn, no
    transcript label, no quote-only cue, no bare passive participle ("when asked about ..."), and
    its source is no pronoun that cannot speak."""
    if f.used or f.content is None or (f.subject is None and f.rule != "passive"):
        return False
    if (f.kind == "paraphrase" or f.rule == "object") and (holders.holding(f.cue.start_char) or s.turn_iv.holding(f.cue.start_char)):
        return False
    if f.rule == "label" and _in_turn_label(s, f.cue.start_char):
        return False
    lem = cue_lemma(f.cue[0]) if f.kind == "verb" else "according"
    if (lem in C.CUE_QUOTE_ONLY and f.rule not in ("object", "parataxis")) or f.quote_only:
        return False
    cue = f.cue[0]
    if f.kind == "verb" and cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl") and not misread_finite(cue) and not any(
            c.dep_ in ("agent", "aux", "auxpass", "nsubj") for c in cue.children):
        return False  # "when asked about the deficit, she ...": a bare participle; the one asked is no source
    subj = f.subject
    return not (subj is not None and (subj.lower_ in C.NON_SPEAKER_PRONOUNS and subj.lower_ != "it" or _first_person(subj)))


def _in_turn_label(s: _Sieve, pos: int) -> bool:
    """Whether character ``pos`` lies in a transcript turn's label ("Smith:" up to its content): a
    label's colon is the turn's, which the transcript pass emits."""
    return any(a <= pos < b for a, _, b, *_ in s.turns)


def _first_person(subj: Token) -> bool:
    """Whether a frame's subject is the writer or the reader: "I", "we", "you", or the outlet's own
    journalist ("our correspondent spoke with the mayor about ...", "this reporter"): the one who asks,
    never a quoted source."""
    if subj.lower_ in ("i", "we", "you"):
        return True
    return subj.lower_ in C.JOURNALIST_NOUNS and any(
        c.dep_ in ("poss", "det") and c.lower_ in ("our", "my", "this") for c in subj.children)


def _passive_cue(f: Frame) -> bool:
    """Whether the frame's cue verb is passive ("when asked why ...", "was told that ..."): its subject is
    the one addressed, not the source, so only the rules (which read the agent) may attribute it."""
    tok = f.cue[0]
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl") and not misread_finite(tok) and not any(c.dep_ == "nsubj" for c in tok.children))


def _before_inner_speech(s: _Sieve, f: Frame, ca: int, cb: int) -> int:
    """End of frame ``f``'s content ``[ca, cb)`` before a reporting clause inside it whose own cue took a
    quotation ("She said the plan was sound, and when asked ..., replied, '...'": the content is "the plan
    was sound"); ``cb`` when there is none."""
    if f.kind != "verb":
        return cb
    for d in s.results:
        c = d.get("cue_start")
        if c is None or not (f.cue.end_char <= ca < c < cb) or not (ca < d["start"] < cb):
            continue
        cue = s.tok_at(c)
        if cue.dep_ != "conj" or not (cue.head.i == f.cue[0].i or ca <= cue.head.idx < cb):
            continue  # only a reporting verb coordinated with the frame's verb or its reported clause
        edge = cue.left_edge.idx
        head = re.sub(r"(?:[\s,;]|\b(?:and|but)\b)+$", "", s.text[ca:edge])
        if ca < edge and len(head.split()) >= 3:
            return ca + len(head)
    return cb


_TRAILING_ACCORDING = re.compile(r"[\s,;]+according to\b[^,;.!?]*[.!?]?\s*$", re.I)


def _before_trailing_according(text: str, ca: int, cb: int) -> int:
    """End of a content ``[ca, cb)`` before a trailing "according to X" ("said that the deficit would
    shrink, according to a statement": the statement is the channel of the report, not its content)."""
    m = _TRAILING_ACCORDING.search(text, ca, cb)
    return ca + len(text[ca : m.start()]) if m and len(text[ca : m.start()].split()) >= 3 else cb


_SENTENCE_END = re.compile(r"[.!?](?=[\"”’']?(?:\s|$))")


def _through_colon(s: _Sieve, f: Frame, ca: int, cb: int) -> int:
    """End of frame ``f``'s content ``[ca, cb)`` carried through a colon that closes it ("noted that three
    trends meet: wages rise, rents fall and loans are cheap"; "gave one reason: the cost"): what follows the
    colon up to the sentence end in the same paragraph is what the content announces. ``cb`` when the
    content does not end at a colon, its cue follows it, or the continuation holds a quotation or a cue
    of its own (another attribution)."""
    body = s.text[ca:cb].rstrip()
    colon = ca + len(body) - 1 if body.endswith(":") else cb
    m = re.compile(r"[ \t]*:?[ \t]*(?=\S)").match(s.text, colon + 1 if body.endswith(":") else cb)
    if m is None or f.cue.end_char > ca or ":" not in s.text[colon : m.end()]:
        return cb
    a = m.end()
    line = s.text.find("\n", a)
    line = len(s.text) if line < 0 else line
    end = _SENTENCE_END.search(s.text, a, line)
    b = end.start() if end else line
    if b <= a or s.quoted_iv.overlapping(a, b) or s.frames_between(a, b):
        return cb
    return len(s.text[:b].rstrip())


def indirect_candidates(s: _Sieve, tagger: Optional[Path] = TAGGER_PATH) -> list[Candidate]:
    """The frames without a quotation that could become indirect attributions, as
    :class:`.attribution_model.Candidate` records: the rule frames (verbs, "according to", then
    paraphrase and object cues) and the learned-lexicon candidates (:func:`.attribution_model.candidate_frames`),
    each with its rule verdict (:func:`_indirect_ok`; False for a model candidate), and the proposals
    of the sequence tagger at path ``tagger`` (:func:`.attribution_tagger.tagger_frames`, joined by
    :func:`.attribution_tagger.merge_proposals`; None: no tagger) whose cue is no cue of a rule frame
    the rules attached to a quotation or refused because its content holds or cuts one. Every
    candidate in a tagged sentence carries the tagger's marginal probabilities
    (:func:`.attribution_model.set_marginals`), features of the decider.

    Structural checks stay rules (:func:`_structural_candidate`).
    """
    emitted = _Intervals((d["start"], d["end"]) for d in s.results)
    early = [f for f in s.frames if not (f.kind == "paraphrase" or f.rule == "object")]
    late = [f for f in s.frames if f.kind == "paraphrase" or f.rule == "object"]
    taken = {f.cue.start for f in s.frames}
    learned = candidate_frames(s.doc, s.in_quote, taken)
    tagged = tag_doc(s.doc, tagger) if tagger is not None and s.settings.tagger_threshold <= 1.0 else []
    proposed = frames_of(tagged)
    refused: set[int] = set()  # cue tokens of rule frames read with a quotation
    out = []
    for k, f in enumerate(early + late + learned + [p.frame for p in proposed]):
        if f.rule == "tagger" and any(t.i in refused for t in f.cue):
            continue
        c = _structural_candidate(s, f, k < len(early) + len(late), emitted)
        if c is not None:
            out.append(c)
        elif k < len(early) + len(late) and (f.used or f.content is not None and s.quoted_iv.overlapping(*f.content)):
            refused.update(t.i for t in f.cue)
    if tagged:
        set_marginals(out, token_marginals(s.doc, tagged))
    short = [c for c in out if len(c.text.split()) < SHORT_CONTENT_WORDS]
    out = [c for c in out if len(c.text.split()) >= SHORT_CONTENT_WORDS]
    if proposed:
        done = [(d["start"], d["end"], d["text"], d.get("cue_start")) for d in s.results]
        out = merge_proposals(out, {id(p.frame): p.score for p in proposed}, done)
    return out + _short_candidates(s, short, out)


def _short_candidates(s: _Sieve, short: list[Candidate], longer: list[Candidate]) -> list[Candidate]:
    """The candidates of ``short`` (contents of one or two words: "attacked Machado", "declined to
    comment") whose cue word has its own subject (not a participle adjunct: "said, citing the report,
    that ..."), is not negated ("did not mention the budget": no speech) and is no cue of an attributed quotation, of a candidate in ``longer`` nor of an earlier
    short one: a short content never displaces a longer reading of the same cue ("called on X to
    resign" is not "called X") nor a quotation's cue ("'...,' she warned the council"), and its verb
    governs no other cue ("echoed the sentiment, stressing that ...": what was said is the other's); a
    content cut before its own infinitive ("called for all occupants | to exit"), a bare gerund
    ("accused Russia of | lying") or one naming people by a common noun ("questioned residents": the
    ones addressed, :data:`~components.lexicon.PERSON_NOUNS`) is none."""
    cues = [t for c in longer for t in c.frame.cue] + [s.tok_at(d["cue_start"]) for d in s.results if d.get("cue_start") is not None]
    taken = {t.i for t in cues}
    governing = {t.head.i for t in cues}
    out = []
    for c in short:
        word = _cue_word(c.frame)
        if any(t.i in taken for t in c.frame.cue) or word.i in governing or not any(ch.dep_ == "nsubj" for ch in word.children):
            continue
        if any(ch.dep_ == "neg" for ch in word.children):
            continue  # "did not mention the budget": no speech reported
        last = s.tok_at(c.end - 1)
        after = s.doc[last.i + 1] if last.i + 1 < len(s.doc) else None
        if after is not None and after.lower_ == "to" and after.head.pos_ in ("VERB", "AUX") and after.head.i > after.i:
            continue  # "called for all occupants to exit": the infinitive belongs to the content
        if last.pos_ == "NOUN" and last.lemma_.lower() in C.PERSON_NOUNS:
            continue  # "questioned residents": the people addressed
        if s.doc.char_span(c.start, c.end, alignment_mode="expand").root.dep_ == "pcomp":
            continue  # "accused Russia of | lying": a gerund without the one it is said of
        out.append(c)
        taken.update(t.i for t in c.frame.cue)
    return out


def _cue_word(f: Frame) -> Token:
    """The word of frame ``f``'s cue that reports: its first verb ("and accuse" -> "accuse"), else its head."""
    return next((t for t in f.cue if t.pos_ in ("VERB", "AUX") and not t.is_stop), None) or cue_head(list(f.cue))


def _structural_candidate(s: _Sieve, f: Frame, is_rule: bool, emitted: "_Intervals") -> Optional[Candidate]:
    """Frame ``f`` as a :class:`Candidate` (rule verdict :func:`_indirect_ok` for a rule frame,
    ``is_rule``), or None when a structural check fails: a candidate the rules reject has a source that
    can speak (no "it", "this", no first person) and lies outside transcript turns; a content has three
    words or more (one or two when ``settings.short_content_threshold`` admits short contents), never
    starts with a dateline, never cuts a quotation nor holds an attributed one (nor, for the tagger's,
    any quotation); a candidate of the learned parts (tagger, learned lexicon) and any short content pass
    :func:`.content_gate.content_admissible` (no action's concrete object as content)."""
    if f.used or f.content is None or operational_request(f.cue[0]) or anonymity_request(f.cue[0]) \
            or armed_attack(_cue_word(f), f.subject):  # "called for an airstrike", "insurgents attacked the patrol"
        return None
    if _inferred_cue(f) and s.display.holding(f.cue.start_char):
        return None  # a headline's verb ("Minister backs new sanctions"): no reporting verb, no attribution
    rule_ok = is_rule and _indirect_ok(s, f, emitted)
    if not rule_ok and (f.subject is None or f.subject.lower_ in C.NON_SPEAKER_PRONOUNS or _first_person(f.subject)
                        or s.turn_iv.holding(f.cue.start_char) or _passive_cue(f)
                        or f.rule == "label" and _in_turn_label(s, f.cue.start_char)):
        return None  # no source that can speak (an expletive passive needs the rules), or inside a transcript turn
    ca, cb = f.content
    content_text = f.content_text
    dl = s.index.dateline_at(ca)
    if dl is not None and dl < cb:
        ca, content_text = dl, None  # content never starts with "DOHA, Qatar — "
    end = _before_trailing_according(s.text, ca, _before_inner_speech(s, f, ca, cb))
    if end != cb:
        cb, content_text = end, None
    inside = s.quoted_iv.overlapping(ca, cb)
    if any(a < ca or b > cb + 1 or emitted.overlapping(a, b) for a, b in inside) or (inside and f.rule == "tagger"):
        return None  # (the tagger proposes no mixed quotes: the quotation passes have read those)
    if len(s.text[ca:cb].split()) < (1 if s.settings.short_content_threshold <= 1.0 else SHORT_CONTENT_WORDS):
        return None  # a short content ("attacked Machado") only where the decider may keep one
    # the learned parts' candidates, not the hand-made rules', and any short content ("questioned residents")
    gated = not rule_ok or f.rule == "learned" or len(s.text[ca:cb].split()) < SHORT_CONTENT_WORDS
    if gated and not content_admissible(s.doc, _cue_word(f), ca, cb, f.rule == "tagger", s.settings.content_head_reliability,
                                        min_cue_reliability=s.settings.min_reliability):
        return None  # "identified a van", "did not fire their weapons": an action's object, not content
    return Candidate(f, ca, cb, content_text or s.text[ca:cb], rule_ok)


def _indirect_pass(s: _Sieve) -> None:
    """Family: indirect speech and paraphrase ('X said that ...', 'according to X', 'X warned ...').

    Frames without a quotation (:func:`indirect_candidates`) become ``indirect`` quotes over their
    content (``mixed`` when it holds only quoted phrases dropped as scare quotes or titles) when the
    learned decider gives them a probability of at least ``settings.attribution_threshold`` (frames
    the rules accept) or ``settings.override_threshold`` (the others)
    (:func:`.attribution_model.decide_attributions`; the rules' verdict is also one of its features).
    """
    cands = indirect_candidates(s)
    quoted = [(d["start"], d["end"]) for d in s.results]
    cfg = s.settings
    holders = _Intervals(quoted)
    for c in decide_attributions(cands, s.doc, s.in_quote, quoted, cfg.attribution_threshold, cfg.override_threshold,
                                 cfg.tagger_threshold, cfg.short_content_threshold):
        if (c.frame.kind == "paraphrase" or c.frame.rule == "object") and holders.holding(c.frame.cue.start_char):
            continue  # "she said she plans to ..." is one attribution
        end = _before_semicolon(s, c.frame, c.start, c.end)
        if end == c.end:
            end = _through_colon(s, c.frame, c.start, c.end)
        inside = [q for q in s.quoted_iv.overlapping(c.start, min(end, c.end)) if not _work_title(s, *q)]
        if end < c.end:  # cut at a semicolon
            text = s.text[c.start : end].rstrip()
        else:  # as the frame gave it, carried through a colon that closes it
            text = c.text + s.text[c.end : end]
        s.emit("mixed" if inside else "indirect", c.start, end, text, c.frame)["_rule"] = "indirect"
        holders.add(c.start, end)


def _work_title(s: _Sieve, a: int, b: int) -> bool:
    """Whether the quoted passage at ``a``-``b`` (its marks included) is the title of a work: title case, six
    words at most (:func:`_title_like`), right after a word of :data:`~components.lexicon.WORK_TITLE_WORDS`
    ("her documentary “Rivers of Salt”", "a report titled “Silent Fields”"), so not the speaker's words."""
    inner = s.text[a:b].strip(" \"'“”‘’")
    before = re.findall(r"[\w-]+", s.text[max(0, a - 40):a])
    return bool(inner) and _title_like(inner, len(inner.split())) and bool(before) and before[-1].lower() in C.WORK_TITLE_WORDS


_COLON_AT_PARAGRAPH_END = re.compile(r":[ \t]*\n\s*")


def _block_quotation_pass(s: _Sieve) -> None:
    """Family: a block quotation announced by its source ("The minister added:" or "In a letter, she
    wrote:" closing a paragraph, then the quoted paragraph without marks, as web pages print a
    ``<blockquote>``). A reporting verb with a source that can speak and no object or clause of its own,
    whose sentence ends in a colon at the paragraph's end, takes the next paragraph when that one opens
    with a word (no quotation mark: the quotation passes read those; no markup or list marker) and holds
    4+ words. Kind ``indirect``: the reference scorer's direct quotations are those in marks."""
    text = s.text
    held = _Intervals((d["start"], d["end"]) for d in s.results)
    for f in s.by_cue:
        if f.used or f.kind != "verb" or _inferred_cue(f) or f.subject is None or not plausible_source(f.subject, s.index):
            continue
        cue = f.cue[0]
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "mark", "attr") for c in cue.children):
            continue
        last = next((t for t in reversed(cue.sent) if not t.is_space), cue)
        m = _COLON_AT_PARAGRAPH_END.match(text, last.idx)
        if m is None or "\n" in text[cue.idx : last.idx]:
            continue
        a = m.end()
        nl = text.find("\n", a)
        b = len(text) if nl < 0 else nl
        para = text[a:b].rstrip()
        if not re.match(r"[^\W\d_]", para) or len(para.split()) < 4 or held.overlapping(a, a + len(para)):
            continue
        s.emit("indirect", a, a + len(para), para, f)["_rule"] = "colon"  # the colon family's confidence
        f.used = True
        held.add(a, a + len(para))


def _before_semicolon(s: _Sieve, f: Frame, ca: int, cb: int) -> int:
    """End of frame ``f``'s content ``[ca, cb)`` at its first semicolon outside quotation marks, when the
    cue comes before the content and 3+ words precede the semicolon ("said the delay was technical; the
    crew had left by noon": the second clause is the reporter's; on polnear-train an annotated content
    after its cue stops at such a semicolon 107 times and runs past it 18). ``cb`` otherwise."""
    if f.cue.start_char >= ca:
        return cb
    for m in re.finditer(";", s.text[ca:cb]):
        k = ca + m.start()
        if not s.in_quote(k) and len(s.text[ca:k].split()) >= 3:
            return k
    return cb


_APOSTROPHE_MARK = "''"


def _to_closing_apostrophes(s: _Sieve, d: dict) -> None:
    """An indirect content inside a pair of two-apostrophe marks of its paragraph (paired left to right) but
    shorter than it, cut at a sentence end ("''Bombast does not win. Experience does,'' she said" read as
    "Experience does"), becomes the whole quotation between the marks; ``d`` is changed in place. Nothing
    changes when the content holds the marks or its cue lies between them."""
    text, a, b = s.text, d["start"], d["end"]
    if d["kind"] == "direct" or _APOSTROPHE_MARK in text[a:b]:
        return
    lo = text.rfind("\n", 0, a) + 1
    hi = text.find("\n", b)
    marks = [m.start() for m in re.finditer(_APOSTROPHE_MARK, text[lo : len(text) if hi < 0 else hi])]
    pair = next(((lo + o + 2, lo + c) for o, c in zip(marks[::2], marks[1::2]) if lo + o + 2 <= a and b <= lo + c), None)
    c = d.get("cue_start")
    if pair is None or c is not None and pair[0] <= c < pair[1]:
        return
    ca, cb = strip_content(text, *pair)
    if ca < a or cb > b:
        d.update(start=ca, end=cb, text=text[ca:cb])


def _apostrophe_continuation_pass(s: _Sieve) -> None:
    """Family: a quotation in two-apostrophe marks resumed after its reporting clause ("''We lost,'' said
    the coach, Ian Ross. ''We will be back.''"; the typewriter convention of some news archives). The
    quotation pairing reads only real double marks, so the first part is read as an indirect content
    before its cue; the sentence in two-apostrophe marks that follows the reporting clause in the same
    paragraph (up to its closing marks, else the paragraph end) becomes a record of the same kind sharing
    its cue and mention: one attribution unit (:func:`continuation_groups`)."""
    text, m = s.text, _APOSTROPHE_MARK
    for d in list(s.results):
        _to_closing_apostrophes(s, d)
        c = d.get("cue_start")
        if d["kind"] == "direct" or c is None or c < d["end"] or m not in text[d["end"] : d["end"] + 4]:
            continue
        if s.tok_at(d["end"] - 1).sent.start != s.tok_at(c).sent.start:
            continue  # the cue is in another sentence
        para = text.find("\n", c)
        para = len(text) if para < 0 else para
        opener = re.compile(r"[.!?]\s+" + m).search(text, d["cue_end"], para)
        if opener is None or m in text[d["cue_end"] : opener.start()]:
            continue
        a = opener.end()
        close = text.find(m, a, para)
        b = close if close >= 0 else para
        ca, cb = strip_content(text, a, b)
        if cb - ca > 0 and not any(r["start"] == ca for r in s.results):
            _continue_unit(s.emit(d["kind"], ca, cb, text[ca:cb], None), d)
            s.results[-1]["_rule"] = "continuation"


def _transcript_pass(s: _Sieve) -> None:
    """Family: interview transcripts (``**Name:**``, ``NAME:``, ``Q:``/``A:``), one quote per turn;
    the interviewer's questions give none (:func:`.transcripts.turn_quotes`). A paragraph after a turn
    that holds an attribution with its own cue and source ("“...,” said Mara Quell", "The army said
    that ...") is reporting again, unless it narrates in the first person ("The soldiers said we could not
    leave": the interviewee telling): it ends the turn, and no later unlabelled paragraph continues it (an
    article that resumes its narrative after the last turn)."""
    attributed = [d["start"] for d in s.results if d.get("cue") and d.get("mention")]
    turns, ended = [], set()
    for t in s.turns:
        continuation = "\n" in s.text[t[1]:t[2]]
        reported = any(t[2] <= a < t[3] for a in attributed) and not _first_person_narration(s, t[2], t[3])
        if continuation and (t[0] in ended or reported):
            ended.add(t[0])  # (a turn is keyed by its label's offset)
            continue
        turns.append(t)
    s.results.extend(turn_quotes(turns, s.index, s.text, strip_content))
    if not s.turns:  # an interview printed without labels: questions alternating with the interviewee's answers
        taken = _Intervals([(d["start"], d["end"]) for d in s.results])
        s.results.extend(d for d in unlabelled_answers(s.text, s.index) if not taken.overlapping(d["start"], d["end"]))


_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})


def _first_person_narration(s: _Sieve, a: int, b: int) -> bool:
    """Whether characters ``[a, b)`` (a paragraph after a transcript turn) narrate in the first person outside
    quotation marks ("The soldiers said we could not leave", "I told the officer ..."): still the interviewee
    telling, not the article's reporter."""
    span = s.doc.char_span(a, b, alignment_mode="expand")
    return span is not None and any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" and not s.in_quote(t.idx) for t in span)


_DOUBLE_MARKS = re.compile("[\"“”]")


def _headline_fragments_indirect(results: list[dict], text: str) -> None:
    """Family: headline paraphrases with single-marked words ("X calls plan ‘a mistake’",
    "Y: Z was ‘mocking’ them"). Headline style marks a quoted word or phrase with single
    marks inside a paraphrase; such a record in the article's first line (the headline) with no
    double mark in it becomes ``indirect`` (PolNeAR annotates these as indirect attributions).
    A text of one line that ends on a sentence's stop has no headline. Changes ``results`` in place.
    """
    first_line = text.find("\n")
    if first_line < 0 and re.search(r"[.!?][\"'”’)]*\s*$", text):
        return  # a text of one sentence ending on its stop is no headline ("She called it 'a gift to the banks'.")
    first_line = len(text) if first_line < 0 else first_line
    for d in results:
        if d["kind"] == "mixed" and d["end"] <= first_line + 1 and not _DOUBLE_MARKS.search(text[d["start"] : d["end"]]):
            d["kind"] = "indirect"


def _finish(s: _Sieve, article_id: str) -> tuple[list[Quote], list[Speaker]]:
    """Order, deduplicate and join the records; give ids; one speaker type per speaker."""
    text = s.text
    for d in s.results:
        rec = s.index.records.get((d.get("speaker") or "").lower())
        if rec is not None and d.get("speaker_type") != rec.type:
            d["speaker_type"] = rec.type  # an outlet stays an organisation throughout
    results = sorted(s.results, key=lambda d: (d["start"], d["end"]))
    results = _merge_split_quotes(_drop_overlapping_duplicates(results, text), text)
    for d in results:  # a quote never ends in whitespace ("it's _too little_\n\n" in a headline)
        while d["end"] > d["start"] and text[d["end"] - 1].isspace():
            d["end"] -= 1
        d["text"] = d["text"].rstrip()
    _headline_fragments_indirect(results, text)
    for d in results:  # how sure the attribution is (components/extract/confidence.py); decides nothing
        rule, rel = d.pop("_rule", None) or ("transcript" if d["kind"] == "transcript" else "floating"), d.pop("_cue_rel", None)
        d.pop("_open", None)
        d["confidence"] = quote_confidence(rule, rel, d.get("speaker"), d.get("mention"))
    quotes = [Quote(id=f"{article_id}:q{n}", **d) for n, d in enumerate(results, 1)]
    return quotes, s.index.speakers({d["speaker"] for d in results if d.get("speaker")})


def quotations(
    doc: Doc, article_id: str, places: list[Place], settings: CueSettings = DEFAULT_CUE_SETTINGS
) -> tuple[list[Quote], list[Speaker]]:
    """Return the quotes of ``doc`` in text order and the canonical speakers they name.

    Args:
        doc (Doc): ``nlp(article.text)``; offsets refer to ``doc.text``.
        article_id (str): used for quote ids ``f"{article_id}:q{n}"``, n from 1 in text order.
        places (list[Place]): the article's toponym mentions; a place is never a speaker.
        settings (CueSettings): thresholds for cues learned from the training split.

    Returns:
        tuple[list[Quote], list[Speaker]]: quotes (``start``/``end`` = raw content span, 0-based,
        end exclusive; ``text`` = content with paragraph marks removed, joined by one space; for
        ``mixed`` quotes the paraphrase clause through the closing mark) and one :class:`Speaker`
        per canonical speaker that carries a quote. Raises nothing on odd input: unpaired marks
        are closed at the paragraph end.

    Method: a sieve of named passes (:data:`QUOTE_PASSES`, then floating quotations, indirect
    frames and transcript turns), each for one construction family.
    Source: textacy ``direct_quotations`` (cue verbs, quote-mark pairing), Gender Gap Tracker
    (syntactic ``nsubj``/``ccomp`` quotes, floating quotes), PolNeAR (attribution = source, cue,
    content; "according to" and belief verbs).
    """
    s = _Sieve(doc, places, settings)
    _quotation_pass(s)
    _open_paragraph_pass(s)
    _indirect_pass(s)
    _block_quotation_pass(s)
    _apostrophe_continuation_pass(s)
    _transcript_pass(s)
    return _finish(s, article_id)


def continuation_groups(quotes: list[Quote]) -> list[list[Quote]]:
    """Group quotes that continue one attribution: ``"X," said Y. "Z."`` gives two quotes (X, Z).

    Quotes are kept apart (each sentence-level quote is its own record, as the shared cases
    require), but a quote that inherits its attribution from the previous one carries the same
    ``cue_start`` and ``mention_start``. Corpora such as PolNeAR annotate such runs as one
    attribution with a discontinuous content span; scorers can join each group first.

    Args:
        quotes (list[Quote]): one article's quotes in text order.

    Returns:
        list[list[Quote]]: consecutive runs of ``direct``/``mixed`` quotes sharing cue and mention
        offsets (not None); every other quote forms its own group. Order is preserved.
    """
    groups: list[list[Quote]] = []
    for q in quotes:
        if groups:
            p = groups[-1][-1]
            if (
                q.kind in ("direct", "mixed")
                and p.kind in ("direct", "mixed")
                and q.cue_start is not None
                and q.cue_start == p.cue_start
                and q.mention_start == p.mention_start
            ):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


@Language.factory(
    "news_atlas_quotations",
    default_config={
        "min_reliability": DEFAULT_CUE_SETTINGS.min_reliability,
        "min_count": DEFAULT_CUE_SETTINGS.min_count,
        "attribution_threshold": DEFAULT_CUE_SETTINGS.attribution_threshold,
        "override_threshold": DEFAULT_CUE_SETTINGS.override_threshold,
        "tagger_threshold": DEFAULT_CUE_SETTINGS.tagger_threshold,
        "content_head_reliability": DEFAULT_CUE_SETTINGS.content_head_reliability,
        "passive_reliability": DEFAULT_CUE_SETTINGS.passive_reliability,
        "short_content_threshold": DEFAULT_CUE_SETTINGS.short_content_threshold,
    },
)
def make_quotation_component(
    nlp: Language, name: str, min_reliability: float, min_count: int, attribution_threshold: float, override_threshold: float,
    tagger_threshold: float = DEFAULT_CUE_SETTINGS.tagger_threshold,
    content_head_reliability: float = DEFAULT_CUE_SETTINGS.content_head_reliability,
    passive_reliability: float = DEFAULT_CUE_SETTINGS.passive_reliability,
    short_content_threshold: float = DEFAULT_CUE_SETTINGS.short_content_threshold,
) -> "QuotationComponent":
    """spaCy factory of the quotation stage: ``nlp.add_pipe("news_atlas_quotations", config={...})``.

    Config: ``min_reliability`` and ``min_count``, the learned-cue thresholds, and
    ``attribution_threshold`` and ``override_threshold``, the learned decider's minimum probabilities,
    ``tagger_threshold``, the sequence tagger's minimum score, ``content_head_reliability``, the
    content gate's minimum head-noun reliability, ``passive_reliability``, the minimum learned
    reliability of a passive cue without agent, and ``short_content_threshold``, the decider's minimum
    probability for a content of one or two words (:class:`CueSettings`).
    """
    return QuotationComponent(CueSettings(min_reliability, min_count, attribution_threshold, override_threshold, tagger_threshold,
                                          content_head_reliability, passive_reliability, short_content_threshold))


class QuotationComponent:
    """The quotation stage as a pipeline component: ``doc._.quotes`` (list[Quote]) and
    ``doc._.speakers`` (list[Speaker]) from :func:`quotations`. It reads ``doc._.article_id``
    (quote ids; default ``"doc"``) and ``doc._.places`` (toponyms; computed with
    :func:`components.extract.places.toponyms` when unset)."""

    def __init__(self, settings: CueSettings):
        self.settings = settings
        for ext, default in (("article_id", None), ("places", None), ("quotes", None), ("speakers", None)):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=default)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.places is None:
            from .places import toponyms

            doc._.places = toponyms(doc)
        doc._.quotes, doc._.speakers = quotations(doc, doc._.article_id or "doc", doc._.places, self.settings)
        return doc
