"""Quotations and their attribution: direct, mixed, indirect and transcript quotes.

Method: rules over the dependency parse, in the manner of textacy's ``direct_quotations``
(``textacy/extract/triples.py``) and the Gender Gap Tracker's quote extractor (Asr et al. 2021,
PLoS ONE), extended for mismatched marks, multi-paragraph quotes, mixed quotes, "according to",
"accuse X of" and interview transcripts. Steps:

1. Quotation-mark spans are paired on the raw text per paragraph (:func:`quote_spans`): straight,
   curly and mismatched double marks; single marks only when they cannot be apostrophes.
   A paragraph left open that is followed by one starting with a mark continues the quote.
2. Every reporting verb (:data:`components.constants.CUE_VERBS`) outside quotation marks gives a
   frame: speaker (its ``nsubj``, inherited through ``advcl``/``xcomp``/``conj``), content
   (``ccomp``; ``of``-complement for "accuse"; the host clause for "according to") and audience.
3. Each quote is linked, in this order, to: the frame whose content holds it (same paragraph;
   ``mixed`` when the content has words outside the marks); a byline dash after it
   (``“...” ― Name``); the nearest cue with a plausible source in its sentence (a cue right after a
   comma-close, ``"...," it added``, wins); a clause ending with a colon before it; a reporting
   clause or an attributed quote just before it (floating quotes, as in the Gender Gap Tracker).
   Short unattributed quoted phrases (nicknames, scare quotes, titles) are dropped; a short
   fragment under a cue becomes a ``mixed`` quote over the constituent that holds it.
4. Frames without quotes become ``indirect`` quotes (``that``-clauses, "accuse X of", "call for",
   "according to"; an "according to" a census/report is typed ``document``); transcript turns
   (``**Name:**``, ``NAME:``) become ``transcript`` quotes, one per paragraph.
5. ``"X," she said, "Y."`` (one sentence) is joined into one quote; ``"X," she said. "Y."`` stays
   two quotes sharing cue and mention offsets (:func:`continuation_groups` joins them for corpora
   that annotate one discontinuous attribution, such as PolNeAR).

Speakers, canonical names, roles and countries: :mod:`.speakers`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .. import constants as C
from ..models import Place, Quote, Speaker
from .speakers import SpeakerIndex, clean_name, repair_case

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
DOUBLE = OPEN_DOUBLE + CLOSE_DOUBLE + STRAIGHT_DOUBLE
_WORD = re.compile(r"\w")
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "&"})
_BYLINE_RE = re.compile(r"[^\S\n]*(?P<dash>[" + C.BYLINE_DASHES + r"])[^\S\n]*(?=[A-Z])")
# transcript label at a line start: "**Name:**", "**Name (X):**", "NAME:", "NAME (voice-over):", "Name:"
_LABEL_RE = re.compile(
    r"^(?P<pre>\s*\*\*\s*)?(?P<label>[A-Za-z][\w.'’\- ,]{0,60}?(?:\s*\([^)\n]{1,40}\))?)\s*:\s*(?(pre)\*\*)\s*(?=\S)",
    re.M,
)


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


def _pair_double(text: str, a: int, b: int) -> list[tuple[int, Optional[int]]]:
    """Pair double quotation marks in ``text[a:b]`` (one paragraph); returns (open, close|None)."""
    out: list[tuple[int, Optional[int]]] = []
    open_at: Optional[int] = None
    for m in re.finditer(r'[“”„«»"]', text[a:b]):
        i = a + m.start()
        ch = text[i]
        prev = text[i - 1] if i > a else " "
        nxt = text[i + 1] if i + 1 < b else " "
        if open_at is None:
            if ch in CLOSE_DOUBLE and not _is_letter(nxt):
                continue  # a stray closing mark
            open_at = i
        else:
            # a curly opener right after whitespace, while open, starts a new quote (the old one was left open)
            if ch in OPEN_DOUBLE and prev.isspace() and _is_letter(nxt) and i - open_at > 1:
                out.append((open_at, None))
                open_at = i
                continue
            out.append((open_at, i))
            open_at = None
    if open_at is not None:
        out.append((open_at, None))
    return out


def _pair_single(text: str, a: int, b: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair top-level single quotation marks in ``text[a:b]`` outside ``taken`` ranges.

    An opener is ‘ or ' after a non-letter and before a letter; a closer is ’ or ' not between
    letters. Closers right after sentence punctuation or before the paragraph end are preferred,
    so possessives ("the fans’ patience") are skipped.
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
                    if weak is None and not (p in "sS" and n.isspace()):
                        weak = j
                close = strong if strong is not None else weak
                if close is not None and close - i > 2:
                    out.append((i, close))
                    i = close + 1
                    continue
        i += 1
    return out


def quote_spans(text: str) -> list[QSpan]:
    """Pair quotation marks in ``text`` and merge multi-paragraph quotes.

    Args:
        text (str): the article text.

    Returns:
        list[QSpan]: in text order; content offsets exclude the marks (0-based, end exclusive).
    """
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


@dataclass
class Frame:
    """A reporting-verb frame: cue, speaker token, content char range, audience."""

    cue: Span
    subject: Optional[Token]
    content: Optional[tuple[int, int]]
    audience: Optional[Span] = None
    kind: str = "verb"  # verb | according
    used: bool = False
    cue_text: Optional[str] = None  # normalised cue when not the surface text
    quote_only: bool = False  # a characterisation frame: never an indirect quote on its own


def _cue_lemma(tok: Token) -> Optional[str]:
    lem = tok.lemma_.lower()
    if lem in C.CUE_VERBS:
        return lem
    low = tok.lower_
    if low in C.CUE_IRREGULAR_FORMS:
        return C.CUE_IRREGULAR_FORMS[low]
    for suf in ("ed", "d", "s", "es", "ing"):
        if low.endswith(suf) and low[: -len(suf)] in C.CUE_VERBS:
            return low[: -len(suf)]
    return None


def _subject_of(tok: Token, depth: int = 0) -> Optional[Token]:
    """The speaker token of cue ``tok``: ``nsubj``, a passive ``agent``, the noun a relative clause
    modifies ("Smith, who said ..."), or the subject of the verb an ``advcl``/``xcomp``/``conj`` hangs on."""
    for ch in tok.children:
        if ch.dep_ == "nsubj":
            if ch.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                return tok.head
            return ch
    for ch in tok.children:
        if ch.dep_ == "agent":
            for g in ch.children:
                if g.dep_ == "pobj":
                    return g
    if depth < 3 and tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and tok.head is not tok:
        return _subject_of(tok.head, depth + 1)
    if depth == 0:
        # inverted "..., added Novak." that the parser took for an object
        for ch in tok.rights:
            if ch.dep_ in ("dobj", "attr", "npadvmod", "oprd") and ch.pos_ == "PROPN" and ch.i - tok.i <= 4:
                return ch
    return None


def plausible_source(tok: Optional[Token], index: Optional[SpeakerIndex] = None) -> bool:
    """True when ``tok`` can name who said something: a name, a personal pronoun, an organisation,
    group, document or person noun ("spokesman", "narrator"); False for "the election", "a comment"."""
    if tok is None:
        return False
    low = tok.lower_
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if low in C.PERSON_PRONOUNS or low in C.GROUP_PRONOUNS:
        return True
    if tok.pos_ == "PRON":
        return False
    if index is not None and tok.text[:1].isupper() and index.canonical(clean_name(tok.text)) in index.full_names:
        return True  # a surname the tagger took for a common noun
    lem = tok.lemma_.lower()
    for w in (low, lem):
        if w in C.ORG_HEAD_NOUNS or w in C.GROUP_HEAD_NOUNS or w in C.DOCUMENT_HEAD_NOUNS or w in C.TITLE_WORDS or w in C.SOURCE_MEDIA_NOUNS:
            return True
    if lem in C.NOT_SOURCE_NOUNS:
        return False
    return lem.endswith(C.SOURCE_NOUN_SUFFIXES)


def _span_chars(toks: list[Token]) -> Optional[tuple[int, int]]:
    toks = [t for t in toks if not (t.is_punct and t.text not in "\"“”‘’'")]
    while toks and (toks[0].is_punct or toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if")):
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "\"“”’'":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _frames(doc: Doc, in_quote) -> list[Frame]:
    """All reporting frames of ``doc`` whose cue lies outside quotation marks."""
    frames = []
    for tok in doc:
        if in_quote(tok.idx):
            continue
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            host = tok.head
            while host.dep_ not in ("ROOT", "ccomp", "conj") and host.head is not host and host.pos_ not in ("VERB", "AUX"):
                host = host.head
            skip = set(t.i for t in tok.subtree) | {tok.i, to.i} | set(t.i for t in to.subtree)
            sent = tok.sent
            if host.pos_ in ("VERB", "AUX"):
                toks = [t for t in host.subtree if t.i not in skip]
            else:
                toks = [t for t in sent if t.i not in skip]
            frames.append(Frame(doc[tok.i : tok.i + 2], pobj, _span_chars(toks), kind="according"))
            frames[-1].cue_text = "according to"
            continue
        if tok.pos_ not in ("VERB", "AUX", "PROPN", "NOUN") or tok.pos_ in ("NOUN",) and tok.dep_ not in ("ROOT", "ccomp"):
            continue
        lem = _cue_lemma(tok)
        if lem is None or lem in C.CUE_OBJECT_PREP_VERBS:
            # "admires Putin as a “strong leader”", "criticized the act as a “crazy system”":
            # any verb characterising its object with a quoted "as" phrase
            objs = [c for c in tok.children if c.i > tok.i and c.dep_ == "dobj"]
            as_ = [c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "as"]
            if tok.pos_ == "VERB" and objs and as_ and any(in_quote(t.idx) for t in as_[0].subtree):
                toks = sorted([t for c in objs + as_ for t in c.subtree], key=lambda t: t.i)
                frames.append(Frame(doc[tok.i : tok.i + 1], _subject_of(tok), _span_chars(toks)))
                frames[-1].quote_only = True
                continue
        if lem is None:
            continue
        if tok.pos_ == "PROPN" and not tok.is_upper:
            continue
        if tok.dep_ in ("amod", "compound") or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod"):
            continue
        subj = _subject_of(tok)
        if subj is not None and in_quote(subj.idx):
            # the parser took a word of the quote for the subject: use the NP right before the cue
            subj = None
            for k in range(tok.i - 1, max(-1, tok.i - 8), -1):
                t = doc[k]
                if in_quote(t.idx) or t.is_punct and t.text not in (",",):
                    break
                if t.pos_ in ("PROPN", "NOUN", "PRON"):
                    while t.dep_ in ("compound", "flat", "amod") and t.head.i < tok.i and t.head.i > t.i:
                        t = t.head
                    subj = t
                    break
        content = None
        audience = None
        for ch in tok.children:
            if ch.dep_ in ("ccomp",) and ch.i > tok.i - 40:
                content = _span_chars(list(ch.subtree))
                break
        if content is None and lem in C.CUE_OBJECT_PREP_VERBS:
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            for ch in [c for o in [tok] + objs for c in o.children]:
                if ch.dep_ == "prep" and ch.lower_ in ("of", "for"):
                    pc = next((g for g in ch.children if g.dep_ in ("pcomp", "pobj")), None)
                    if pc is not None:
                        content = _span_chars(list(pc.subtree))
        if content is None and lem in ("call", "push", "press", "appeal"):
            # "called for an inquiry", "called on X to resign"
            for ch in tok.children:
                if ch.dep_ == "prep" and ch.lower_ in ("for", "on") and ch.i == tok.i + 1:
                    content = _span_chars([t for t in ch.subtree if t.i != ch.i])
                    break
        if content is None and lem in C.CUE_DESCRIBE_VERBS:
            objs = [c for c in tok.children if c.i > tok.i and (c.dep_ in ("dobj", "oprd", "xcomp", "attr", "npadvmod", "dative", "ccomp") or c.dep_ == "prep" and c.lower_ == "as")]
            if any(c.dep_ in ("oprd", "xcomp", "ccomp") or c.dep_ == "prep" for c in objs) or len(objs) >= 2:
                toks = [t for c in objs for t in c.subtree]
                content = _span_chars(sorted(toks, key=lambda t: t.i))
        if content is None:
            for ch in tok.children:
                if ch.dep_ == "xcomp" and ch.i > tok.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children):
                    toks = list(ch.subtree)
                    content = _span_chars(toks)
                    break
        if lem in C.CUE_AUDIENCE_VERBS:
            for ch in tok.children:
                if ch.dep_ in ("dative", "dobj") and ch.i > tok.i and (ch.ent_type_ or ch.pos_ in ("PROPN", "PRON")):
                    audience = ch
                    break
        frames.append(Frame(doc[tok.i : tok.i + 1], subj, content, audience))
    return frames


def _transcript_turns(text: str, index: SpeakerIndex) -> list[tuple[int, int, int, int, str, Optional[str]]]:
    """Interview turns: (label_start, label_end, content_start, content_end, label, speaker|None).

    A label opens a line (``**Name:**``, ``NAME:``, ``NAME (voice-over):``); unlabelled lines that
    follow a turn continue it (emitted per paragraph). Caption labels ("TEXT:") end a turn and are
    not speech; interviewer labels ("Q:") and labels defined as an outlet abbreviation in a header
    ("World Today News (WTN)") are the interviewer's. Needs at least two labelled lines.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    labelled = []
    for a, b in lines:
        m = _LABEL_RE.match(text, a, b)
        if not m:
            labelled.append(None)
            continue
        label = m.group("label").strip()
        bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
        bold = m.group("pre") is not None
        words = bare.split()
        first = bare.split(",")[0].strip()
        ok = (
            bare
            and len(words) <= 6
            and bare.lower() not in C.NON_SPEAKER_LABELS
            and not re.search(r"\d", bare)
            and (bold or bare.isupper() or (bare.lower() in C.INTERVIEWER_LABELS))
        )
        if not ok or (not bold and len(first.split()) > 4):
            labelled.append(("caption" if bare.lower() in C.NON_SPEAKER_LABELS else None, m))
            continue
        labelled.append(("turn", m))
    n_turns = sum(1 for x in labelled if x and x[0] == "turn")
    if n_turns < 2:
        return []
    turns = []
    current: Optional[tuple] = None
    for (a, b), lab in zip(lines, labelled):
        line = text[a:b]
        if lab and lab[0] == "turn":
            m = lab[1]
            label = m.group("label").strip()
            abbr = re.search(r"\(([A-Z]{2,6})\)", label)
            bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
            if abbr:
                index.define_abbreviation(abbr.group(1), bare)
            name_part = bare.split(",")[0].strip()
            if name_part.lower() in C.INTERVIEWER_LABELS:
                speaker = None
            else:
                speaker = name_part
            cs, ce = m.end(), b
            current = (m.start("label"), m.start("label") + len(label), speaker, label)
            turns.append((current[0], current[1], cs, ce, label, speaker))
            continue
        if lab and lab[0] == "caption":
            current = None
            continue
        stripped = line.strip()
        if current is None or not stripped or stripped.startswith(("#", "---", "**")) or set(stripped) <= set("-*_= "):
            current = None
            continue
        off = a + (len(line) - len(line.lstrip()))
        turns.append((current[0], current[1], off, b, current[3], current[2]))
    return turns


def _split_attributed_continuations(qspans: list[QSpan], frames: list["Frame"], text: str) -> list[QSpan]:
    """Split a multi-paragraph quote whose last paragraph carries its own cue after the close.

    ``said: "A.`` + ``"B," she added.``: the first paragraph was left open by convention, but the
    second is a new quote with its own attribution (it is not a continuation).
    """
    out = []
    cue_starts = sorted(f.cue.start_char for f in frames)
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


def _strip_content(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim white space and a trailing attribution comma from content range ``[a, b)``."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
        b -= 1
    return a, b


def quotations(doc: Doc, article_id: str, places: list[Place]) -> tuple[list[Quote], list[Speaker]]:
    """Return the quotes of ``doc`` in text order and the canonical speakers they name.

    Args:
        doc (Doc): ``nlp(article.text)``; offsets refer to ``doc.text``.
        article_id (str): used for quote ids ``f"{article_id}:q{n}"``, n from 1 in text order.
        places (list[Place]): the article's toponym mentions; a place is never a speaker.

    Returns:
        tuple[list[Quote], list[Speaker]]: quotes (``start``/``end`` = raw content span, 0-based,
        end exclusive; ``text`` = content with paragraph marks removed, joined by one space; for
        ``mixed`` quotes the paraphrase clause through the closing mark) and one :class:`Speaker`
        per canonical speaker that carries a quote. Raises nothing on odd input: unpaired marks
        are closed at the paragraph end.

    Source: textacy ``direct_quotations`` (cue verbs, quote-mark pairing), Gender Gap Tracker
    (syntactic ``nsubj``/``ccomp`` quotes, floating quotes), PolNeAR (attribution = source, cue,
    content; "according to" and belief verbs).
    """
    text = doc.text
    qspans = quote_spans(text)
    quoted = [(q.open_mark, q.outer_end) for q in qspans]
    index = SpeakerIndex(doc, places, quoted)
    qstarts = [a for a, _ in quoted]

    def in_quote(ch: int) -> bool:
        i = bisect.bisect_right(qstarts, ch) - 1
        return i >= 0 and quoted[i][0] <= ch < quoted[i][1]

    turns = _transcript_turns(text, index)
    label_ranges = [(t[0], t[1]) for t in turns]
    frames = [f for f in _frames(doc, in_quote) if not any(a <= f.cue.start_char < b for a, b in label_ranges)]
    qspans = _split_attributed_continuations(qspans, frames, text)
    quoted = [(q.open_mark, q.outer_end) for q in qspans]
    qstarts = [a for a, _ in quoted]
    # token index of each char (for quote -> tokens)
    tok_starts = [t.idx for t in doc]

    def tok_at(ch: int) -> Token:
        return doc[max(0, bisect.bisect_right(tok_starts, ch) - 1)]

    results: list[dict] = []
    used_names: set[str] = set()

    def speaker_from(tok: Optional[Token]):
        if tok is None:
            return None, "unknown", None
        name, typ, span = index.resolve(tok)
        return name, typ, span

    def emit(kind, a, b, qtext, frame: Optional[Frame], speaker=None, stype="unknown", mention=None, cue=None):
        d = dict(kind=kind, start=a, end=b, text=qtext, speaker=speaker, speaker_type=stype)
        if frame is not None:
            name, typ, span = speaker_from(frame.subject)
            d.update(speaker=name, speaker_type=typ)
            if span is not None:
                d.update(mention=span.text, mention_start=span.start_char, mention_end=span.end_char)
                index.note_mention(span.start_char, index.key_of(name))
            d.update(cue=frame.cue_text or frame.cue.text, cue_start=frame.cue.start_char, cue_end=frame.cue.end_char)
            if frame.audience is not None:
                aud = index.noun_phrase(frame.audience)
                d["audience"] = aud.text
        if mention is not None:
            d.update(mention=mention[0], mention_start=mention[1], mention_end=mention[2])
        if cue is not None:
            d.update(cue=cue[0], cue_start=cue[1], cue_end=cue[2])
        results.append(d)
        return d

    # --- direct and mixed quotes
    frame_by_cue = sorted(frames, key=lambda f: f.cue.start_char)
    frame_starts = [f.cue.start_char for f in frame_by_cue]
    prev_result: Optional[dict] = None
    prev_q: Optional[QSpan] = None
    for qi, q in enumerate(qspans):
        if any(a <= q.open_mark and q.outer_end <= b and (a, b) != (q.open_mark, q.outer_end) for a, b in quoted):
            continue  # nested inside another quote
        in_turn = any(cs <= q.open_mark < ce for _, _, cs, ce, _, _ in turns)
        first_tok = tok_at(q.start)
        last_tok = tok_at(max(q.start, q.end - 1))
        sents = {first_tok.sent.start, last_tok.sent.start}
        before_tok = doc[first_tok.i - 1] if first_tok.i > 0 else None
        after_idx = min(len(doc) - 1, bisect.bisect_left(tok_starts, q.outer_end))
        zone_lo = doc[min(sents)].sent.start if before_tok is None else min(before_tok.sent.start, doc[min(sents)].sent.start)
        zone_hi = doc[after_idx].sent.end
        prev_end = quoted[qi - 1][1] if qi > 0 else 0
        next_start = quoted[qi + 1][0] if qi + 1 < len(quoted) else len(text)
        chosen: Optional[Frame] = None
        mixed_range = None
        # 1. a frame whose content holds the quote
        for f in frame_by_cue:
            if (
                f.content
                and f.content[0] <= q.start
                and q.end <= f.content[1] + 1
                and abs(f.cue.start_char - q.open_mark) < 400
                and "\n" not in text[min(f.cue.start_char, q.open_mark) : max(f.cue.start_char, q.open_mark)]
                and (f.subject is None or plausible_source(f.subject, index) or f.subject.pos_ == "NOUN")
            ):
                ca, cb = f.content
                outside = text[ca : q.open_mark] + text[q.outer_end : cb]
                if re.search(r"\w", outside):
                    chosen, mixed_range = f, (ca, max(cb, q.outer_end))
                else:
                    chosen = f
                break
        qtext_pieces = [text[slice(*_strip_content(text, a, b))] for a, b in q.pieces]
        qtext = " ".join(p for p in qtext_pieces if p)
        if not qtext:
            continue
        n_words = len(qtext.split())
        sentence_like = n_words >= 4 and (qtext[:1].isupper() or qtext[:1] in "….") or bool(re.search(r"[.!?…]$", qtext)) and n_words >= 3
        title_like = n_words <= 6 and not re.search(r"[!?,;]$", qtext) and (not qtext.endswith(".") or n_words >= 2) and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in qtext.split())
        # 1b. a byline after the quote: “...” ― Name
        if chosen is None:
            m = _BYLINE_RE.match(text, q.outer_end)
            if m:
                nt = tok_at(m.end())
                while nt.dep_ in ("compound", "flat") and nt.head.i > nt.i and nt.head.i - nt.i < 4:
                    nt = nt.head
                chosen = Frame(doc[tok_at(m.start("dash")).i : tok_at(m.start("dash")).i + 1], nt, None)
        if chosen is None and title_like:
            continue  # a title or name in quotation marks, not speech
        # 2. nearest cue in the sentence zone between neighbouring quotes
        if chosen is None:
            best = None
            comma_close = text[: q.end].rstrip()[-1:] in (",", "?", "!") or text[q.outer_end : q.outer_end + 1] == ","
            for f in frame_by_cue:
                c = f.cue.start_char
                ti = f.cue.start
                if not (doc[zone_lo].idx <= c < (doc[zone_hi - 1].idx + 1 if zone_hi > 0 else 0)):
                    continue
                if c < q.open_mark and c >= prev_end:
                    dist = q.open_mark - c
                elif c >= q.outer_end and c < next_start:
                    dist = c - q.outer_end
                    if comma_close:
                        dist = dist * 0.3  # "...,” she said" belongs to the cue after
                else:
                    continue
                adjacent_after = c >= q.outer_end and len(text[q.outer_end : c]) < 60 and "\n" not in text[q.outer_end : c] and comma_close
                if f.kind == "according" or not (adjacent_after or plausible_source(f.subject, index)):
                    continue
                if best is None or dist < best[0]:
                    best = (dist, f)
            if best is not None:
                chosen = best[1]
                if chosen.subject is None and chosen.cue.start_char >= q.outer_end:
                    # '"...," Rep. Jane Doe (D-Md.) said': the NP between the quote and the cue
                    for k in range(after_idx, chosen.cue.start):
                        t = doc[k]
                        if t.pos_ in ("PROPN", "NOUN", "PRON") and not in_quote(t.idx):
                            while t.dep_ in ("compound", "flat", "amod") and t.head.i > t.i and t.head.i < chosen.cue.start:
                                t = t.head
                            chosen = Frame(chosen.cue, t, chosen.content, chosen.audience, chosen.kind, False, chosen.cue_text)
                            break
                k = q.open_mark - 1
                while k >= 0 and text[k] in " \t":
                    k -= 1
                standalone = (k < 0 or text[k] in ":,.!?\n—–-") and (
                    re.match(r"\s*[,.!?—–-]|\s*$", text[q.outer_end : q.outer_end + 2]) is not None
                    or re.search(r"[,.!?…]$", text[q.start : q.end].rstrip()) is not None
                )
                if not sentence_like and not standalone:
                    # a fragment: the constituent that holds it under the cue makes a mixed quote
                    t = tok_at(q.start)
                    while t.head is not t and t.head.i != chosen.cue.start and t.dep_ != "ROOT":
                        t = t.head
                    if t.head.i == chosen.cue.start and t.i != chosen.cue.start and (chosen.subject is None or t.i != chosen.subject.i):
                        sub = list(t.subtree)
                        ca, cb = sub[0].idx, sub[-1].idx + len(sub[-1].text)
                        ca = min(ca, q.open_mark)
                        cb = max(cb, q.outer_end)
                        if re.search(r"\w", text[ca : q.open_mark] + text[q.outer_end : cb]):
                            mixed_range = (ca, cb)
                    if mixed_range is None and n_words < 4:
                        continue
        # 3. a cue ending the previous sentence with a colon
        if chosen is None:
            k = q.open_mark - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            if k >= 0 and text[k] == ":":
                colon_tok = tok_at(k)
                for f in reversed(frame_by_cue):
                    if f.cue.start_char < k and f.cue.sent.start == colon_tok.sent.start:
                        chosen = f
                        break
                if chosen is None:
                    # "Caddell continued:" -- any clause with a subject introduces the quote
                    root = colon_tok.sent.root
                    subj = _subject_of(root)
                    if root.pos_ in ("VERB", "AUX") and subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN") and not in_quote(root.idx):
                        chosen = Frame(doc[root.i : root.i + 1], subj, None)
        a0, b0 = _strip_content(text, q.start, q.end)
        if chosen is not None:
            if chosen.kind == "according":
                continue
            chosen.used = True
            if mixed_range is not None:
                ma, mb = mixed_range
                d = emit("mixed", ma, mb, text[ma:mb], chosen)
            else:
                d = emit("direct", a0, b0, qtext, chosen)
            if d.get("speaker") is None and d.get("speaker_type") in ("person", "unknown") and prev_result and prev_result.get("speaker") and d.get("mention", "").lower() in C.PERSON_PRONOUNS:
                d["speaker"] = prev_result["speaker"]
            prev_result, prev_q = d, q
            continue
        if in_turn:
            continue
        # 4. floating quote right after an attributed one, or after a reporting clause
        #    in the preceding paragraph ("..., Graham told HuffPost.\n\n“He’s the type ...")
        near = None
        if sentence_like:
            j = bisect.bisect_left(frame_starts, q.open_mark) - 1
            while j >= 0 and frame_by_cue[j].subject is None:
                j -= 1
            if j >= 0:
                f = frame_by_cue[j]
                gap = text[f.cue.end_char : q.open_mark]
                if gap.count("\n") <= 2 and len(gap) < 300 and (prev_q is None or prev_q.outer_end < f.cue.start_char) and f.kind == "verb":
                    near = f
        if near is not None:
            d = emit("direct", a0, b0, qtext, near)
            prev_result, prev_q = d, q
            continue
        if prev_result is not None and prev_q is not None and sentence_like:
            gap = text[prev_q.outer_end : q.open_mark]
            if gap.count("\n") <= 2 and len(gap) < 250:
                d = emit("direct", a0, b0, qtext, None, speaker=prev_result.get("speaker"), stype=prev_result.get("speaker_type", "unknown"))
                for k in ("cue", "cue_start", "cue_end", "mention", "mention_start", "mention_end"):
                    if prev_result.get(k) is not None:
                        d[k] = prev_result[k]
                prev_q = q
                continue
        if n_words >= 8 and sentence_like:
            emit("direct", a0, b0, qtext, None)
            prev_q = q

    # --- indirect quotes from frames without quotation
    for f in frames:
        if f.used or f.content is None or f.subject is None:
            continue
        ca, cb = f.content
        if any(not (b <= ca or a >= cb) for a, b in quoted):
            continue
        lem = _cue_lemma(f.cue[0]) if f.kind == "verb" else "according"
        if lem in C.CUE_QUOTE_ONLY or f.quote_only:
            continue
        subj = f.subject
        if subj.lower_ in C.NON_SPEAKER_PRONOUNS or subj.lower_ in ("i", "we", "you"):
            continue
        if len(text[ca:cb].split()) < 3:
            continue
        emit("indirect", ca, cb, text[ca:cb], f)

    # --- transcript turns
    for ls, le, cs, ce, label, speaker in turns:
        a, b = _strip_content(text, cs, ce)
        if a >= b:
            continue
        if speaker is None:
            continue  # interviewer "Q:" turns are not emitted
        name = clean_name(speaker)
        if name.lower() in index._abbrev:
            full = index._abbrev[name.lower()]
            key = index.add_organisation(full, "organisation")
            emit("transcript", a, b, text[a:b], None, speaker=full, stype="organisation", mention=(text[ls:le], ls, le))
            continue
        key = index.add_person(speaker)
        if key is None:
            continue
        descriptor = re.sub(r"\s*\([^)]*\)", "", label).split(",", 1)
        if len(descriptor) == 2 and len(descriptor[1].split()) <= 5:
            index.set_role(key, descriptor[1])
        emit("transcript", a, b, text[a:b], None, speaker=index.records[key].name, stype="person", mention=(text[ls:le], ls, le))

    results.sort(key=lambda d: (d["start"], d["end"]))
    results = _merge_split_quotes(results, text)
    quotes = []
    for n, d in enumerate(results, 1):
        quotes.append(Quote(id=f"{article_id}:q{n}", **d))
        if d.get("speaker"):
            used_names.add(d["speaker"])
    return quotes, index.speakers(used_names)


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
