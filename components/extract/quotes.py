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
   (``“...” ― Name``); the nearest cue with a plausible source in its sentence (a cue right after a
   comma-close, ``"...," it added``, wins); a clause ending with a colon before it; a reporting
   clause or an attributed quote just before it (floating quotes, as in the Gender Gap Tracker).
   Short unattributed quoted phrases (nicknames, scare quotes, titles) are dropped; a short
   fragment under a cue becomes a ``mixed`` quote over the constituent that holds it.
4. Frames without quotes become ``indirect`` quotes (``that``-clauses, "accuse X of", "call for",
   "according to"; an "according to" a census/report is typed ``document``); transcript turns
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
from typing import Optional

from spacy.tokens import Doc, Token

from .. import constants as C
from ..models import Place, Quote, Speaker
from .frames import Frame, cue_lemma, plausible_source, reporting_frames, subject_of
from .quotemarks import QSpan, quote_spans, split_attributed_continuations, strip_content
from .speakers import SpeakerIndex, clean_name
from .transcripts import transcript_turns, turn_quotes
from .tree import climb

_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "&"})
_BYLINE_RE = re.compile(r"[^\S\n]*(?P<dash>[" + C.BYLINE_DASHES + r"])[^\S\n]*(?=[A-Z])")


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

    turns = transcript_turns(text, index)
    label_ranges = [(t[0], t[1]) for t in turns]
    frames = [f for f in reporting_frames(doc, in_quote) if not any(a <= f.cue.start_char < b for a, b in label_ranges)]
    qspans = split_attributed_continuations(qspans, [f.cue.start_char for f in frames], text)
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
    quoted_iv = _Intervals(quoted)
    turn_iv = _Intervals((cs, ce) for _, _, cs, ce, _, _ in turns)
    prev_result: Optional[dict] = None
    prev_q: Optional[QSpan] = None
    for qi, q in enumerate(qspans):
        if quoted_iv.enclosing(q.open_mark, q.outer_end):
            continue  # nested inside another quote
        in_turn = turn_iv.holding(q.open_mark)
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
        # 1. a frame whose content holds the quote (paraphrase-only cues after reporting verbs);
        #    only cues within 400 characters qualify, non-paraphrase cues first, each in text order
        near_frames = frame_by_cue[bisect.bisect_right(frame_starts, q.open_mark - 400) : bisect.bisect_left(frame_starts, q.open_mark + 400)]
        for f in [f for f in near_frames if f.kind != "paraphrase"] + [f for f in near_frames if f.kind == "paraphrase"]:
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
                # a whole utterance opening the content ('said: “We will not yield,” in Genève on
                # Monday') is direct: the words after its closing mark are the reporter's
                whole = not re.search(r"\w", text[ca : q.open_mark]) and (
                    re.search(r"[,.!?…]\W*$", text[q.start : q.end]) is not None or text[q.outer_end : q.outer_end + 1] == ","
                )
                if re.search(r"\w", outside) and not whole:
                    chosen, mixed_range = f, (ca, max(cb, q.outer_end))
                else:
                    chosen = f
                break
        qtext_pieces = [text[slice(*strip_content(text, a, b))] for a, b in q.pieces]
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
            zone_a, zone_b = doc[zone_lo].idx, (doc[zone_hi - 1].idx + 1 if zone_hi > 0 else 0)
            for f in frame_by_cue[bisect.bisect_left(frame_starts, zone_a) : bisect.bisect_left(frame_starts, zone_b)]:
                c = f.cue.start_char
                if c < q.open_mark and c >= prev_end:
                    dist = q.open_mark - c
                elif c >= q.outer_end and c < next_start:
                    dist = c - q.outer_end
                    if comma_close:
                        dist = dist * 0.3  # "...,” she said" belongs to the cue after
                else:
                    continue
                adjacent_after = c >= q.outer_end and len(text[q.outer_end : c]) < 60 and "\n" not in text[q.outer_end : c] and comma_close
                if f.kind != "verb" or not (adjacent_after or plausible_source(f.subject, index)):
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
                    t = climb(tok_at(q.start), lambda n: n.head.i != chosen.cue.start and n.dep_ != "ROOT")
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
                for f in reversed(frame_by_cue[: bisect.bisect_left(frame_starts, k)]):
                    if f.cue.start_char < colon_tok.sent.start_char:
                        break
                    if f.kind != "paraphrase" and f.cue.sent.start == colon_tok.sent.start:
                        chosen = f
                        break
                if chosen is None:
                    # "Caddell continued:" -- any clause with a subject introduces the quote
                    root = colon_tok.sent.root
                    subj = subject_of(root)
                    if root.pos_ in ("VERB", "AUX") and subj is not None and subj.pos_ in ("PROPN", "PRON", "NOUN") and not in_quote(root.idx):
                        chosen = Frame(doc[root.i : root.i + 1], subj, None)
        a0, b0 = strip_content(text, q.start, q.end)
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

    # --- indirect quotes from frames without quotation; a paraphrase holding only quoted phrases
    #     that were dropped as scare quotes or titles is ``mixed``
    #     Paraphrase cues (intention, object content, cue nouns) come last and are skipped inside
    #     the content of another attribution ("she said she plans to ..." is one attribution).
    emitted = _Intervals((d["start"], d["end"]) for d in results)
    results_iv = _Intervals((d["start"], d["end"]) for d in results)
    turn_lines = [(t[0], t[2]) for t in turns]
    secondary = ("paraphrase",)
    for f in [f for f in frames if f.kind not in secondary and f.rule != "object"] + [f for f in frames if f.kind in secondary or f.rule == "object"]:
        if f.used or f.content is None or (f.subject is None and f.rule != "passive"):
            continue
        if (f.kind in secondary or f.rule == "object") and results_iv.holding(f.cue.start_char):
            continue
        if f.rule == "label" and any(a <= f.cue.start_char < b for a, b in turn_lines):
            continue
        ca, cb = f.content
        content_text = f.content_text
        dl = index.dateline_at(ca)
        if dl is not None and dl < cb:
            ca, content_text = dl, None  # content never starts with "DOHA, Qatar — "
        inside = quoted_iv.overlapping(ca, cb)
        if any(a < ca or b > cb + 1 or emitted.overlapping(a, b) for a, b in inside):
            continue
        lem = cue_lemma(f.cue[0]) if f.kind == "verb" else "according"
        if (lem in C.CUE_QUOTE_ONLY and f.rule not in ("object", "parataxis")) or f.quote_only:
            continue
        subj = f.subject
        if subj is not None and (subj.lower_ in C.NON_SPEAKER_PRONOUNS and subj.lower_ != "it" or subj.lower_ in ("i", "we", "you")):
            continue
        if len(text[ca:cb].split()) < 3:
            continue
        emit("mixed" if inside else "indirect", ca, cb, content_text or text[ca:cb], f)
        results_iv.add(ca, cb)

    # --- transcript turns (the interviewer's questions give no quote)
    results.extend(turn_quotes(turns, index, text, strip_content))

    # one type per speaker: the type of its record (an outlet stays an organisation throughout)
    for d in results:
        rec = index.records.get((d.get("speaker") or "").lower())
        if rec is not None and d.get("speaker_type") != rec.type:
            d["speaker_type"] = rec.type
    results.sort(key=lambda d: (d["start"], d["end"]))
    results = _drop_overlapping_duplicates(results, text)
    results = _merge_split_quotes(results, text)
    quotes = []
    for d in results:  # a quote never ends in whitespace ("it's _too little_\n\n" in a headline)
        while d["end"] > d["start"] and text[d["end"] - 1].isspace():
            d["end"] -= 1
        d["text"] = d["text"].rstrip()
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

