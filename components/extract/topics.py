"""Topic taxonomy matching: which topics of a user-editable taxonomy a span talks about.

The taxonomy is a YAML file (default ``data/topics.yaml`` under the project root) with one entry
per topic: ``id``, ``label``, ``description`` and any of

- ``phrases``: case-insensitive whole-token phrases (spaCy ``PhraseMatcher`` with ``attr="LOWER"``,
  phrases tokenised with ``nlp.make_doc``);
- ``patterns``: spaCy ``Matcher`` token patterns (``LEMMA`` / ``LOWER`` / ``OP`` ...);
- ``all_of``: a co-occurrence rule, a list of phrase groups that must all occur in one sentence
  ("China" ... "Russia"); a phrase tied by "of" to something no other group names does not count
  ("NATO ... a dangerous expansion of Russia's war" is not NATO enlargement);
- ``in_context``: ``phrases`` that count only in a passage about the topic's subject: when one of its
  ``context`` phrases occurs in the same sentence, in one of the ``FRAMING_SENTENCES`` sentences before
  it, or in the article's first sentence (its headline). A bare "membership" right after a sentence
  naming NATO ("The path to membership is irreversible") is NATO membership; a phrase modified by the
  name of another body ("EU membership", "membership of the WTO"), or in a sentence naming another
  organisation and not the context ("The EU opened talks on membership"), is not. Its ``unless``
  phrases, in the same passage, cancel the phrases: "negotiations" near "tariffs" are not peace talks.

Method (see ``spacy/pipeline/span_ruler.py`` and the spaCy rule-based matching guide): the matchers
are built once in :class:`TopicTagger.__init__`; matching a span is a Matcher + PhraseMatcher pass.

Short quotes and sentence context: a quoted fragment such as "the strongest security guarantee"
rarely names its topic; the sentence that frames it does ("... is NATO membership"). So when a
span has fewer than ``context_tokens`` (default 12) tokens, :meth:`TopicTagger.topics_of` also
matches the whole sentence(s) the span lies in. Longer quotes that name a topic carry their own
topics and get content matches only, so that a long quote is not tagged with whatever its
attribution mentions. A quote naming no topic at all refers back to its framing: it gets the
topics of its sentence, else of the nearest earlier sentence (up to two back) that names one.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ..errors import NewsAtlasError
from ..nlp import doc_ents, span_ents, span_text, token_column
from ..yamlio import safe_load

_TAGGER_IDS = itertools.count()

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TAXONOMY = ROOT / "data" / "topics.yaml"
# A user's taxonomy replaces the bundled one when this variable names a file (the CLI's --topics sets it,
# so worker processes inherit it)
TOPICS_ENV = "NEWS_ATLAS_TOPICS"
CONTEXT_TOKENS = 12
FRAMING_SENTENCES = 2

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def taxonomy_path() -> Path:
    """The taxonomy file in use: ``$NEWS_ATLAS_TOPICS`` when set and not empty, else ``data/topics.yaml``."""
    env = os.environ.get(TOPICS_ENV, "").strip()
    return Path(env).expanduser() if env else DEFAULT_TAXONOMY


class TopicTaxonomyError(NewsAtlasError):
    """The topic taxonomy file is missing, is not YAML, or an entry is malformed.

    The message names the file and the offending entry (index and id when it has one).
    """


class InContext(BaseModel):
    """A context-bound rule of a topic: ``phrases`` count only near one of the ``context`` phrases (when
    given) and never near one of the ``unless`` phrases (another subject's words: "negotiations" near
    "tariffs" are trade talks, not peace talks). Near = the same sentence, one of the
    ``FRAMING_SENTENCES`` before it, or the article's first sentence."""

    model_config = ConfigDict(extra="forbid")

    phrases: list[str] = Field(min_length=1)
    context: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_condition(self) -> "InContext":
        if not (self.context or self.unless):
            raise ValueError("in_context needs context phrases, unless phrases, or both")
        return self


class TopicDef(BaseModel):
    """One topic of the taxonomy (one entry of ``topics:`` in the YAML file)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str
    description: str
    phrases: list[str] = Field(default_factory=list)
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    all_of: list[list[str]] = Field(default_factory=list)
    in_context: Optional[InContext] = None
    # whether a speaker can take a position on the topic: False for topics one reports on, not for or
    # against ("Disasters and weather": a warning about aftershocks opposes nothing); no stances then
    stance_target: bool = True

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError(f"id {v!r} must be a lower-case slug (a-z, 0-9, '-')")
        return v

    @field_validator("phrases")
    @classmethod
    def _nonempty_phrases(cls, v: list[str]) -> list[str]:
        if any(not str(p).strip() for p in v):
            raise ValueError("phrases must not contain empty strings")
        return v

    @field_validator("patterns")
    @classmethod
    def _nonempty_patterns(cls, v: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        if any(len(p) == 0 for p in v):
            raise ValueError("a Matcher pattern must have at least one token dict")
        return v

    @field_validator("all_of")
    @classmethod
    def _groups(cls, v: list[list[str]]) -> list[list[str]]:
        if v and (len(v) < 2 or any(len(g) == 0 for g in v)):
            raise ValueError("all_of needs at least two non-empty phrase groups")
        return v

    @model_validator(mode="after")
    def _has_rules(self) -> "TopicDef":
        if not (self.phrases or self.patterns or self.all_of or self.in_context):
            raise ValueError("a topic needs at least one of phrases, patterns, all_of, in_context")
        return self


class TopicTaxonomy(BaseModel):
    """A validated taxonomy: the ordered list of :class:`TopicDef` and the file it came from."""

    model_config = ConfigDict(extra="forbid")

    topics: list[TopicDef]
    source: Optional[str] = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> "TopicTaxonomy":
        """Read and validate a taxonomy file.

        Args:
            path (str | Path | None): YAML file; default :func:`taxonomy_path` (``$NEWS_ATLAS_TOPICS`` or
                ``data/topics.yaml`` under the project root).

        Returns:
            TopicTaxonomy: topics in file order.

        Raises:
            TopicTaxonomyError: the file is missing or not YAML, ``topics`` is not a list, an entry is
                malformed (message: file, entry index and id, pydantic's reason), or ids repeat.
        """
        p = Path(path) if path is not None else taxonomy_path()
        try:
            raw = safe_load(p.read_text(encoding="utf-8"))
        except OSError as e:
            raise TopicTaxonomyError(f"{p}: cannot read topic taxonomy ({e.strerror or e})") from e
        except yaml.YAMLError as e:
            raise TopicTaxonomyError(f"{p}: not valid YAML: {e}") from e
        if not isinstance(raw, dict) or not isinstance(raw.get("topics"), list):
            raise TopicTaxonomyError(f"{p}: expected a mapping with a 'topics:' list")
        topics: list[TopicDef] = []
        seen: set[str] = set()
        for i, entry in enumerate(raw["topics"]):
            name = entry.get("id") if isinstance(entry, dict) else None
            where = f"{p}: topics[{i}]" + (f" (id {name!r})" if name else "")
            if not isinstance(entry, dict):
                raise TopicTaxonomyError(f"{where}: expected a mapping, got {type(entry).__name__}")
            try:
                t = TopicDef.model_validate(entry)
            except ValidationError as e:
                reasons = "; ".join(
                    f"{'.'.join(str(x) for x in err['loc']) or 'entry'}: {err['msg']}" for err in e.errors()
                )
                raise TopicTaxonomyError(f"{where}: {reasons}") from e
            if t.id in seen:
                raise TopicTaxonomyError(f"{where}: duplicate id {t.id!r}")
            seen.add(t.id)
            topics.append(t)
        return cls(topics=topics, source=str(p))

    def ids(self) -> list[str]:
        """Topic ids in file order."""
        return [t.id for t in self.topics]


class TopicTagger:
    """Tag spans with topic ids. Matchers are built once here; :meth:`topics_of` only matches.

    Args:
        nlp (Language): the pipeline whose vocab and tokenizer the spans come from.
        taxonomy (TopicTaxonomy | None): default :meth:`TopicTaxonomy.load` of ``data/topics.yaml``.
        context_tokens (int): spans shorter than this also get the topics of their sentence(s).

    Raises:
        TopicTaxonomyError: the taxonomy is malformed, or a Matcher pattern is rejected by spaCy
            (message names the file and topic id).
    """

    def __init__(self, nlp: Language, taxonomy: TopicTaxonomy | None = None, context_tokens: int = CONTEXT_TOKENS):
        self.taxonomy = taxonomy or TopicTaxonomy.load()
        self.context_tokens = context_tokens
        self._cache_id = next(_TAGGER_IDS)  # names this tagger's matches in a doc's user_data
        self.labels = {t.id: t.label for t in self.taxonomy.topics}
        self.stance_targets = frozenset(t.id for t in self.taxonomy.topics if t.stance_target)
        self.matcher = Matcher(nlp.vocab)
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._groups: dict[str, int] = {}  # topic id -> number of all_of groups
        self.context_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")  # in_context: the context phrases
        self.unless_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")  # in_context: the excluding phrases
        self._has_context: set[str] = set()  # topics whose in_context rule names context phrases
        # per Matcher pattern, a word it cannot match without and its longest length (see _pattern_anchors)
        self._anchors: list[tuple[str, frozenset[int], int]] | None = []
        self._anchor_lengths: dict[str, dict[int, int]] | None = None  # attribute -> word -> longest length, from _anchors
        for t in self.taxonomy.topics:
            if t.phrases:
                self.phrase_matcher.add(t.id, [nlp.make_doc(p) for p in t.phrases])
            if t.patterns:
                try:
                    self.matcher.add(t.id, t.patterns)
                except (ValueError, KeyError, TypeError) as e:
                    raise TopicTaxonomyError(
                        f"{self.taxonomy.source}: topic {t.id!r}: bad Matcher pattern: {e}"
                    ) from e
            self._anchors = _pattern_anchors(self._anchors, t.patterns, nlp.vocab.strings)
            for gi, group in enumerate(t.all_of):
                self.phrase_matcher.add(f"{t.id}@all{gi}", [nlp.make_doc(p) for p in group])
            if t.all_of:
                self._groups[t.id] = len(t.all_of)
            if t.in_context:
                if t.in_context.context:
                    self._has_context.add(t.id)
                self.phrase_matcher.add(f"{t.id}@ctx", [nlp.make_doc(p) for p in t.in_context.phrases])
                if t.in_context.context:
                    self.context_matcher.add(t.id, [nlp.make_doc(p) for p in t.in_context.context])
                if t.in_context.unless:
                    self.unless_matcher.add(t.id, [nlp.make_doc(p) for p in t.in_context.unless])

    def matches(self, span: Span) -> list[tuple[str, int, int]]:
        """Topic matches inside ``span``: ``(topic_id, start, end)``; see :meth:`match_details`."""
        return sorted({m[:3] for m in self.match_details(span)}, key=lambda m: (m[1], m[2], m[0]))

    def match_details(self, span: Span) -> list[tuple[str, int, int, bool]]:
        """Topic matches inside ``span``, saying which come from an ``all_of`` rule.

        Args:
            span (Span): any span (or a whole Doc) of a parsed document.

        Returns:
            list[tuple[str, int, int, bool]]: ``(topic_id, start, end, via_all_of)`` with doc token indices
            (end-exclusive), sorted by start. A match (phrase, pattern or ``all_of`` phrase) strictly
            inside a longer match of another topic is dropped ("nuclear weapons" is not also military-aid). ``all_of``
            topics yield one match per phrase of each group, only in sentences where every group occurs.
        """
        doc = span.doc if isinstance(span, Span) else span
        lo, hi = (span.start, span.end) if isinstance(span, Span) else (0, len(doc))
        # kept per doc and token range: the stance stage asks again for the same sentences and quotes
        kept = doc.user_data.setdefault(("newsx_topic_details", self._cache_id), {})
        found = kept.get((lo, hi))
        if found is None:
            found = kept[(lo, hi)] = tuple(self._match_details(doc, lo, hi))
        return list(found)

    def _match_details(self, doc: Doc, lo: int, hi: int) -> list[tuple[str, int, int, bool]]:
        """:meth:`match_details` of the tokens ``[lo, hi)`` of ``doc``, computed."""
        raw = [m for m in self._doc_matches(doc) if lo <= m[1] and m[2] <= hi]
        tid_of = {k: k.split("@")[0] for k, _, _ in raw}
        # longest match wins across topics: "weapons" inside "nuclear weapons" is not military-aid
        raw = [
            m for m in raw
            if not any(
                tid_of[o[0]] != tid_of[m[0]] and o[1] <= m[1] and m[2] <= o[2] and (o[2] - o[1]) > (m[2] - m[1])
                for o in raw
            )
        ]
        out: list[tuple[str, int, int, bool]] = []
        grouped: dict[tuple[int, str], dict[int, list[tuple[int, int]]]] = {}
        for key, s, e in raw:
            if key.endswith("@ctx"):
                tid = tid_of[key]
                if tid in self._has_context and not (
                    self._in_context(tid, doc, s, e) and not self._names_another_body(tid, doc[s:e])
                ):
                    continue
                if not self._near(self.unless_matcher, tid, doc, s):
                    out.append((tid, s, e, False))
            elif "@all" in key:
                tid, gi = key.split("@all")
                sent_start = doc[s].sent.start if doc.has_annotation("SENT_START") else 0
                grouped.setdefault((sent_start, tid), {}).setdefault(int(gi), []).append((s, e))
            else:
                out.append((key, s, e, False))
        for (_, tid), groups in grouped.items():
            if len(groups) != self._groups[tid]:
                continue
            groups = {gi: [(s, e) for s, e in spans if not _of_another(doc, s, e, groups, gi)]
                      for gi, spans in groups.items()}
            if all(groups.values()):
                out.extend((tid, s, e, True) for spans in groups.values() for s, e in spans)
        return sorted(set(out), key=lambda m: (m[1], m[2], m[0], m[3]))

    def _doc_matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Every match of the topic and phrase matchers in ``doc`` as ``(key, start, end)``, run once per
        doc and kept in ``doc.user_data`` (the stance stage asks for many spans of one doc). The matchers
        are not greedy and have no anchors, so the matches inside a span are those of the doc that lie
        within it."""
        key = ("newsx_topic_matches", self._cache_id)
        found = doc.user_data.get(key)
        if found is None:
            vocab = doc.vocab
            hits = self._pattern_matches(doc) if len(self.matcher) else []
            hits += list(self.phrase_matcher(doc)) if len(self.phrase_matcher) else []
            found = doc.user_data[key] = [(vocab.strings[m], s, e) for m, s, e in hits]
        return found

    def _pattern_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The Matcher's matches in ``doc`` (``(key, start, end)``, doc token indices), found by running
        it only around the words every pattern needs (:func:`_pattern_anchors`): a match of a pattern
        of at most ``L`` tokens that contains the anchor token ``i`` lies in ``[i - L + 1, i + L)``,
        and the Matcher (not greedy, no callbacks) finds in a span exactly the doc's matches inside it;
        the windows are merged, so each match is found once. The same matches as ``self.matcher(doc)``
        (``tests/test_topics.py``) at a fraction of the cost: the Matcher tests every pattern at every
        token, the anchors are two columns and a set test per token. Without anchors for every pattern
        (a user's taxonomy with ``*``/``+`` or no word test), the whole doc is matched."""
        if self._anchors is None or not len(doc):
            return list(self.matcher(doc))
        if self._anchor_lengths is None:
            # per attribute, each anchor word's longest pattern: the windows of shorter patterns at a
            # token lie inside that one's, so the merged windows are the same
            self._anchor_lengths = {"LOWER": {}, "LEMMA": {}}
            for attr, words, length in self._anchors:
                table = self._anchor_lengths[attr]
                for w in words:
                    table[w] = max(table.get(w, 0), length)
        n = len(doc)
        windows = []
        for attr, table in self._anchor_lengths.items():
            if table:
                col = token_column(doc, attr.lower())
                windows += [(max(0, i - L + 1), min(n, i + L)) for i, h in enumerate(col) if (L := table.get(h))]
        hits = []
        for a, b in _merged(windows):
            hits += [(m, a + s, a + e) for m, s, e in self.matcher(doc[a:b])]
        return hits

    def _in_context(self, tid: str, doc, s: int, e: int) -> bool:
        """Whether a context phrase of ``tid`` occurs in the sentence of ``doc[s:e]``, one of the
        ``FRAMING_SENTENCES`` before it, or the document's first sentence (headline). A sentence that
        names another organisation (an ORG entity) and no context phrase is that body's, not the context's."""
        key = self.context_matcher.vocab.strings[tid]
        if not doc.has_annotation("SENT_START"):
            windows = [doc[:]]
        else:
            sent = doc[s].sent
            if not any(m == key for m, _, _ in self.context_matcher(sent)) and any(
                en.label_ == "ORG" and not any(k == key for k, _, _ in self.context_matcher(en)) for en in span_ents(sent)
            ):
                return False  # "The EU opened talks on membership": the sentence's own body is not the context
            windows = [sent]
            for _ in range(FRAMING_SENTENCES):
                if sent.start == 0:
                    break
                sent = doc[sent.start - 1].sent
                windows.append(sent)
            first = doc[0].sent
            if first.start != windows[-1].start:
                windows.append(first)
        return any(m == key for w in windows for m, _, _ in self.context_matcher(w))

    def _near(self, matcher: PhraseMatcher, tid: str, doc, s: int) -> bool:
        """Whether ``matcher`` finds a phrase of ``tid`` in the sentence of token ``s``, one of the
        ``FRAMING_SENTENCES`` sentences before it, or the document's first sentence."""
        if not len(matcher):
            return False
        key = matcher.vocab.strings[tid]
        if not doc.has_annotation("SENT_START"):
            return any(m == key for m, _, _ in matcher(doc[:]))
        sent = doc[s].sent
        first = doc[0].sent
        start = sent.start
        for _ in range(FRAMING_SENTENCES):
            if start == 0:
                break
            start = doc[start - 1].sent.start
        windows = [doc[start : sent.end]] + ([first] if first.end <= start else [])
        return any(m == key for w in windows for m, _, _ in matcher(w))

    def _names_another_body(self, tid: str, span: Span) -> bool:
        """Whether a phrase is tied by its modifiers to a named organisation other than the topic's
        context ("EU membership", "the WTO's accession", "membership of the EU"): then it is that
        body's. States (GPE: "Ukraine's membership") are members, not bodies."""
        ids = {t.i for t in span}
        key = self.context_matcher.vocab.strings[tid]
        for t in span:
            mods = [c for c in t.children if c.i not in ids and c.dep_ in ("compound", "poss", "nmod", "amod")]
            mods += [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "to", "into")
                     for g in c.children if g.dep_ == "pobj"]
            for m in mods:
                if m.ent_type_ not in _BODY_ENTS:
                    continue
                ent = next((en for en in doc_ents(m.doc) if en.start <= m.i < en.end), m.doc[m.i : m.i + 1])
                if not any(k == key for k, _, _ in self.context_matcher(ent)):
                    return True
        return False

    def topics_of(self, span: Span, context: bool = True) -> list[str]:
        """Topic ids of a span (a quote's content, usually).

        Args:
            span (Span): the content span.
            context (bool): when True and the span has fewer than ``context_tokens`` tokens or
                names no topic itself, the sentences containing it are matched too; a span naming
                none even then ("That is not under consideration, no.") takes the topics of the
                nearest of the ``FRAMING_SENTENCES`` sentences before it that names one.

        Returns:
            list[str]: sorted, unique topic ids; ``[]`` for an empty span.
        """
        if len(span) == 0:
            return []
        ids = {m[0] for m in self.matches(span)}
        if context and (not ids or len(span) < self.context_tokens):
            ids |= {m[0] for m in self.matches(context_span(span))}
            if not ids:
                ids = framing_topics(self, span)
        return sorted(ids)


def _pattern_anchors(anchors, patterns: list, strings):
    """``anchors`` extended by one ``(attribute, word hashes, longest length)`` per Matcher pattern
    of ``patterns``: the first of its tokens without an ``OP`` that tests ``LOWER`` or ``LEMMA`` for a
    word or a list of words (``IN``), which every match of the pattern contains. None (match whole
    docs) when ``anchors`` is None or a pattern has a repeat (``*``, ``+``, ``{n,m}``...) or negation, or no such token."""
    if anchors is None:
        return None
    out = list(anchors)
    for pat in patterns:
        if any(tok.get("OP") not in (None, "?") for tok in pat):
            return None
        found = None
        for tok in pat:
            if "OP" in tok:
                continue
            for attr in ("LOWER", "LEMMA"):
                v = tok.get(attr)
                words = [v] if isinstance(v, str) else v.get("IN") if isinstance(v, dict) and set(v) == {"IN"} else None
                if isinstance(words, list) and all(isinstance(w, str) for w in words):
                    found = (attr, frozenset(strings.add(w) for w in words), len(pat))
                    break
            if found:
                break
        if found is None:
            return None
        out.append(found)
    return out


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges ``[a, b)`` merged where they overlap or touch, in order."""
    out: list[list[int]] = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


_BODY_ENTS = frozenset({"ORG", "NORP", "FAC", "EVENT", "LAW", "PRODUCT"})


def _of_another(doc, s: int, e: int, groups: dict[int, list[tuple[int, int]]], gi: int) -> bool:
    """Whether an ``all_of`` phrase is tied by "of" to something no other group names: "a dangerous
    expansion of Russia's war" is the war's expansion, not NATO's, though the sentence names NATO;
    "expansion of the alliance" keeps it."""
    others = {i for g, spans in groups.items() if g != gi for a, b in spans for i in range(a, b)}
    root = doc[s:e].root
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and not any(x.i in others for x in obj.subtree):
                    return True
    return False


def framing_topics(tagger: "TopicTagger", span: Span) -> set[str]:
    """Topics of the nearest of the ``FRAMING_SENTENCES`` sentences before ``span``'s first sentence
    that names any (a speaker label such as "**Dr. Roe:**" can be a sentence of its own), within
    its paragraph, or across paragraph breaks only through questions and turn labels (an
    interviewer's question frames the answer; a neighbouring paragraph's statement does not)."""
    doc = span.doc
    if len(span) == 0 or not doc.has_annotation("SENT_START"):
        return set()
    sent = span[0].sent
    # kept per doc and sentence (the answer depends on the first sentence only; the stance stage asks
    # for many quotes of one sentence); callers get a copy
    kept = doc.user_data.setdefault(("newsx_framing_topics", tagger._cache_id), {})
    found = kept.get(sent.start)
    if found is None:
        found = kept[sent.start] = frozenset(_framing_topics_before(tagger, doc, sent))
    return set(found)


def _framing_topics_before(tagger: "TopicTagger", doc: Doc, sent: Span) -> set[str]:
    """:func:`framing_topics` of a span whose first sentence is ``sent``, computed."""
    for _ in range(FRAMING_SENTENCES):
        if sent.start == 0:
            break
        prev = doc[sent.start - 1].sent
        # across a paragraph break only a question frames the answer ("Q: ... NATO ...?"); another
        # paragraph's statement is another speaker's or another subject
        prev_text, sent_text = span_text(prev), span_text(sent)
        crossed = "\n" in span_text(doc[prev.end - 1 : sent.start + 1]) or prev_text.rstrip().endswith("\n") or sent_text.startswith("\n")
        if crossed and not prev_text.rstrip().endswith("?") and not _is_label_only(prev):
            break
        sent = prev
        found = {m[0] for m in tagger.matches(sent)}
        if found:
            return found
    return set()


def _is_label_only(sent: Span) -> bool:
    """A sentence that is only a turn label ("**Dr. Roe:**", "SMITH:")."""
    text = span_text(sent)
    return text.strip().endswith((":", ":**")) and len(text.split()) <= 6


def context_span(span: Span) -> Span:
    """The sentence(s) containing ``span`` (the span itself when the doc has no sentence boundaries)."""
    doc = span.doc
    if len(span) == 0 or not doc.has_annotation("SENT_START"):
        return span
    return doc[span[0].sent.start : span[-1].sent.end]


@functools.lru_cache(maxsize=8)
def _cached_tagger(nlp: Language, path: str) -> TopicTagger:
    return TopicTagger(nlp, TopicTaxonomy.load(path))


def get_topic_tagger(nlp: Language, path: str | Path | None = None) -> TopicTagger:
    """Return the :class:`TopicTagger` for ``nlp`` and a taxonomy file, cached per (nlp, path).

    Args:
        nlp (Language): the shared pipeline (:func:`components.nlp.load_nlp`).
        path (str | Path | None): taxonomy YAML; default :func:`taxonomy_path` (``$NEWS_ATLAS_TOPICS`` or
            ``data/topics.yaml``).

    Returns:
        TopicTagger: matchers built once; the same object for the same (nlp, resolved path). Edit
        the file and call ``_cached_tagger.cache_clear()`` (or pass another path) to reload.

    Raises:
        TopicTaxonomyError: see :meth:`TopicTaxonomy.load`.
    """
    p = Path(path) if path is not None else taxonomy_path()
    return _cached_tagger(nlp, str(p.resolve()))
