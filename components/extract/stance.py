"""Speaker stance: each speaker's position on each topic, with the quotes and words that decide it.

Method (explainable rules, no trained model):

1. **Scope.** A quote's content is cut into sentence pieces. Text of other speakers' quotes nested
   inside it is left out, so a stance an interviewee *reports* ("the president has stated that NATO expansion
   is a security threat") counts for the third party (whose own quote it is), not the interviewee.
2. **Topics per piece.** A piece gets the topics the :class:`~.topics.TopicTagger` finds in it. A
   piece naming none refers back ("That is not under consideration, no."): it takes the topics of
   the previous piece of the quote, or for the first piece those of its framing (the rest of its
   sentence, then the previous sentence), else those of the next topical piece ("That is out of the
   question. Sending troops ..."); in a piece whose topics come from a later piece, a bare negation
   does not vote (step 3: it negates something else, "It is not directed against anyone. Nobody wins
   a frozen conflict"). Short quotes
   (fewer than the tagger's ``context_tokens`` tokens) take the topics of their whole sentence.
3. **Cues.** Inside a piece, lemmas of a stance lexicon (``data/stance_lexicon.yaml``: support,
   oppose, hedge words and phrases) vote +1 / -1 / hedge. Negation scope comes from the dependency
   parse: a cue is negated when it, or a head reached through non-clausal arcs (``acomp``, ``attr``,
   ``prep``, ``pobj``, ``dobj``, ``xcomp`` ...) up to its clause head, has a negation child. A negated
   support word opposes, a negated oppose word weakly supports, a negated hedge opposes ("not under
   consideration"); a negation with no lexicon word in its scope opposes by itself, as does a bare
   "no" (not in a piece whose topics come from a later piece, step 2), except a zero count in a
   report ("No staff were hurt": a "no" determining a noun that is, or whose predicate is, a lexicon
   ``report`` word states a fact). A negation inside a lexicon phrase is part of it ("no alternative", "a matter of when, not
   if"), and overlapping phrases of one polarity are one cue. A verb of excluding an option (lexicon ``exclude``: "rule out", "exclude") opposes, but
   negated it keeps the option open: "could not be ruled out", "does not exclude" are one hedge vote
   (neutral, never oppose; the speaker leaves the door open without endorsing it, like "strategic
   ambiguity"), and its modal and negation cast no vote of their own. A verb of taking a position
   (lexicon ``stance_verbs``: "oppose", "reject", "support", "back") whose object is the topic decides
   the piece's vote on it alone ("Beijing firmly opposes the sanctions and would take necessary
   measures to protect ..." opposes the sanctions). A passive verb done to the topic, without a modal
   ("aid convoys have been blocked", "the truce was violated"), reports an event: it casts no vote and
   VADER does not read it ("aid must be blocked" still votes). A modal of obligation (``calls``: "should",
   "must") on a verb whose subject is the topic, or that names it, calls for it and supports ("a
   ceasefire should come before ..."), unless the verb has a polarity of its own ("sanctions should
   be lifted"). An increase modifier on a topic word ("more weapons") supports (a demand). Words that
   name a topic ("security guarantee") do not vote, nor do words inside a name (a person, organisation,
   place, group, event, law ... entity, or a proper noun not starting its sentence: "the Rapid Support
   Forces", "the Progress Party"); a modal defers to the lexicon verb it governs
   ("must stop" opposes); a preposition votes only as a predicate ("we are against ..."). When one piece
   names several topics, each topic only sees the cues on the dependency path from its words to
   their clause head (plus that path's negations, copular complements and modals), and VADER (step 5)
   reads only those words, so in "delivering
   extra artillery ..., not nuclear weapons" the "not" counts against nuclear weapons
   only.
4. **Cue verb.** A reporting verb with a polarity of its own ("accused", "welcomed", "rejected",
   "called for"; not "called it ...", which names) votes with weight 1.5 for every topic of its quote.
5. **Fallback.** Only when no lexicon cue fires for a (quote, topic), VADER's compound score
   (Hutto & Gilbert 2014, ``vaderSentiment`` 3.3.2) of the piece text votes with weight 0.5 when
   ``|compound| >= 0.5``; such a quote scores ``0.5 * compound`` (a weak vote, never above 0.5).
   VADER reads the piece without the words that name the topic or are part of a name, and without the
   lexicon's ``report`` words ("killed", "wounded", "shelling", "fighting"): a quote that only reports
   facts ("29 Palestinians had been killed in the past 24 hours") is evidence with no stance, not
   opposition to civilian harm or to the ceasefire its story is about. Condemnation opposes through
   the lexicon ("this must stop", "a war crime", "we condemn ...", "barbaric").
6. **Score.** Per (quote, topic): ``(S - O) / (S + O + H)`` with S, O, H the weighted support, oppose
   and hedge votes. Per (speaker, topic): the mean over the quotes that had any vote (quotes with
   none stay evidence but do not vote). ``score >= 0.25`` support, ``<= -0.25`` oppose, else neutral,
   so hedges and balanced "understandable but complex" answers come out neutral; a polarity also
   needs a strict majority of the voting quotes to agree with it, else it is neutral (mixed evidence)
   and its score is reported as 0.0, so that polarity and score always agree (``polarity`` is
   ``support`` exactly when ``score >= 0.25``, ``oppose`` when ``<= -0.25``): a chart drawing the
   score never shows a grey "neutral" bar half-way to support.
   A lexicon verb whose subject is a named third party ("Russia supports ...") describes that
   party's action, not the speaker's view, and does not vote; a subject standing for the speaker's
   own side is no third party: the speaker's organisation, or a place of the speaker's country (a
   Chinese spokesperson's "Beijing opposes ...").
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from ..errors import NewsAtlasError
from ..yamlio import safe_load
from ..models import SUPPORT_THRESHOLD, Quote, Speaker, Stance
from ..nlp import doc_ents, sentence_starts, token_column
from ..text.words import verb_lemma
from .topics import ROOT, TopicTagger, framing_topics
from .tree import head_path, is_root

DEFAULT_LEXICON = ROOT / "data" / "stance_lexicon.yaml"

CUE_VERB_WEIGHT = 1.5
DOUBLE_NEGATION_WEIGHT = 0.5
VADER_WEIGHT = 0.5
VADER_MIN = 0.5

# arcs that stay inside one clause when walking from a word up to its clause head
_INNER_DEPS = frozenset(
    {"acomp", "attr", "oprd", "prep", "pobj", "pcomp", "dobj", "dative", "xcomp", "amod", "advmod", "npadvmod",
     "compound", "nmod", "appos", "poss", "agent", "aux", "auxpass", "nummod", "quantmod", "det", "case", "neg"}
)
# children of a path word that belong to its predicate: negation, copular complements and modals
# ("a ceasefire should come": "should" is the ceasefire's)
_PREDICATE_CHILD_DEPS = frozenset({"neg", "acomp", "attr", "oprd", "intj", "aux"})
# children of a clause head that start another clause (coordinated, adverbial, parenthetical): a topic
# in the subject is not the target of what they say ("The terrorists hid in the school, and we ensured ...")
_OTHER_CLAUSE_DEPS = frozenset({"conj", "cc", "advcl", "parataxis", "ccomp", "punct", "mark", "dep"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "csubj", "csubjpass"})
_ANAPHORS = frozenset({"it", "this", "that", "they", "these", "those"})
_MODIFIER_DEPS = frozenset({"amod", "advmod", "det", "neg", "nummod", "compound", "quantmod"})
# entity types that name someone or something: their words are part of a name, not a cue
# ("the Rapid Support Forces", "the Peace Now movement")
_NAME_ENTS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)


class StanceLexiconError(NewsAtlasError):
    """The stance lexicon file is missing, not YAML, or malformed (message names the file and key)."""


class _Polar(BaseModel):
    model_config = ConfigDict(extra="forbid")
    support: list[str] = Field(default_factory=list)
    oppose: list[str] = Field(default_factory=list)
    hedge: list[str] = Field(default_factory=list)


class StanceLexicon(BaseModel):
    """Validated contents of ``data/stance_lexicon.yaml`` (see the comments in that file)."""

    model_config = ConfigDict(extra="forbid")
    support: list[str]
    oppose: list[str]
    hedge: list[str]
    phrases: _Polar = Field(default_factory=_Polar)
    increase: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list)
    report: list[str] = Field(default_factory=list)
    cue_verbs: _Polar = Field(default_factory=_Polar)
    stance_verbs: _Polar = Field(default_factory=_Polar)
    calls: list[str] = Field(default_factory=list)
    negation: list[str] = Field(default_factory=list)
    neg_raising: list[str] = Field(default_factory=list)
    accusation: list[str] = Field(default_factory=list)
    circumstance: list[str] = Field(default_factory=list)
    _word_polarity: dict[str, str] = PrivateAttr(default_factory=dict)
    _cue_polarity: dict[str, str] = PrivateAttr(default_factory=dict)  # "call" -> no entry, "call for" -> support
    _stance_verbs: dict[str, str] = PrivateAttr(default_factory=dict)
    _exclude: dict[str, Optional[str]] = PrivateAttr(default_factory=dict)
    _report: frozenset[str] = PrivateAttr(default_factory=frozenset)
    _matchers: dict[int, PhraseMatcher] = PrivateAttr(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None = None) -> "StanceLexicon":
        """Read and validate a lexicon file.

        Raises:
            StanceLexiconError: unreadable, not YAML, or a key is missing / of the wrong type.
        """
        p = Path(path) if path is not None else DEFAULT_LEXICON
        try:
            raw = safe_load(p.read_text(encoding="utf-8"))
            return cls.model_validate(raw)
        except OSError as e:
            raise StanceLexiconError(f"{p}: cannot read stance lexicon ({e.strerror or e})") from e
        except yaml.YAMLError as e:
            raise StanceLexiconError(f"{p}: not valid YAML: {e}") from e
        except ValidationError as e:
            reasons = "; ".join(f"{'.'.join(str(x) for x in err['loc'])}: {err['msg']}" for err in e.errors())
            raise StanceLexiconError(f"{p}: {reasons}") from e

    def polarity_of(self, lemma: str) -> Optional[str]:
        """``"support"``, ``"oppose"``, ``"hedge"`` or None for a lower-cased lemma."""
        return self._word_polarity.get(lemma)

    def cue_verb_polarity(self, cue: str) -> Optional[str]:
        """Polarity of a reporting cue as written ("accused", "welcomed", "called for"), or None.

        A two-word entry ("call for") needs its second word right after the verb: "called for" supports,
        "called" (naming: "calling it a waste") has no polarity."""
        words = cue.lower().replace("-", " ").split()
        for i, w in enumerate(words):
            nxt = words[i + 1] if i + 1 < len(words) else None
            for form in dict.fromkeys((w, verb_lemma(w))):
                if nxt is not None and f"{form} {nxt}" in self._cue_polarity:
                    return self._cue_polarity[f"{form} {nxt}"]
                if form in self._cue_polarity:
                    return self._cue_polarity[form]
        return None

    def stance_verb_polarity(self, tok: Token) -> Optional[str]:
        """``"support"``/``"oppose"`` for a verb of taking a position (``stance_verbs:``: "oppose", "back"), else None."""
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        return self._stance_verbs.get(tok.lemma_.lower())

    def model_post_init(self, __context) -> None:  # noqa: D401 - pydantic hook
        words: dict[str, str] = {}
        for pol in ("hedge", "oppose", "support"):  # later lists win on overlap
            for w in getattr(self, pol):
                words[w.lower()] = pol
        cues: dict[str, str] = {}
        for pol in ("hedge", "oppose", "support"):
            for w in getattr(self.cue_verbs, pol):
                cues[" ".join(w.lower().split())] = pol
        self._word_polarity = words
        self._cue_polarity = cues
        self._stance_verbs = {w.lower(): pol for pol in ("oppose", "support") for w in getattr(self.stance_verbs, pol)}
        self._report = frozenset(w.lower() for w in self.report)
        self._exclude = {}
        for entry in self.exclude:
            verb, _, particle = entry.lower().strip().partition(" ")
            self._exclude[verb] = particle.strip() or None

    def is_report_word(self, tok: Token) -> bool:
        """Whether ``tok`` reports an event or its toll ("killed", "wounded", "shelling"; ``report:``)."""
        return tok.lemma_.lower() in self._report or tok.lower_ in self._report

    def is_exclusion(self, tok: Token) -> bool:
        """Whether ``tok`` is a verb of excluding an option (``exclude:`` in the lexicon: "rule out" needs
        its particle, "exclude" stands alone)."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        key = tok.lemma_.lower()
        if key not in self._exclude:
            return False
        particle = self._exclude[key]
        return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)

    def phrase_matcher(self, vocab) -> PhraseMatcher:
        """PhraseMatcher (attr LOWER) of the multi-word cues, keyed support/oppose/hedge; built once per vocab."""
        key = id(vocab)
        if key not in self._matchers:
            from spacy.lang.en import English

            make = English(vocab=vocab).tokenizer
            pm = PhraseMatcher(vocab, attr="LOWER")
            for pol in ("support", "oppose", "hedge"):
                phrases = getattr(self.phrases, pol)
                if phrases:
                    pm.add(pol, [make(p) for p in phrases])
            self._matchers[key] = pm
        return self._matchers[key]


@functools.lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> StanceLexicon:
    """The stance lexicon, cached per path.

    Args:
        path (str | None): YAML file; default ``data/stance_lexicon.yaml`` under the project root.

    Returns:
        StanceLexicon: validated word lists (support / oppose / hedge, phrases, increase, cue verbs, negation).

    Raises:
        StanceLexiconError: see :meth:`StanceLexicon.load`.
    """
    return StanceLexicon.load(path)


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@dataclass
class TopicVotes:
    """Weighted votes for one (quote, topic).

    Attributes:
        support, oppose, hedge (float): summed vote weights (lexicon word 1.0, cue verb 1.5,
            negated oppose word 0.5).
        cues (dict[str, list[str]]): the words behind each kind of vote, as written ("not considering").
        vader (float | None): VADER compound in [-1, 1], set only when no lexicon cue fired.
    """

    support: float = 0.0
    oppose: float = 0.0
    hedge: float = 0.0
    cues: dict[str, list[str]] = field(default_factory=lambda: {"support": [], "oppose": [], "hedge": []})
    vader: Optional[float] = None  # VADER compound, set only when no lexicon cue fired

    def add(self, pol: str, weight: float, cue: str) -> None:
        setattr(self, pol, getattr(self, pol) + weight)
        if cue not in self.cues[pol]:
            self.cues[pol].append(cue)

    def merge(self, other: "TopicVotes") -> None:
        for pol in ("support", "oppose", "hedge"):
            setattr(self, pol, getattr(self, pol) + getattr(other, pol))
            for c in other.cues[pol]:
                if c not in self.cues[pol]:
                    self.cues[pol].append(c)

    @property
    def total(self) -> float:
        return self.support + self.oppose + self.hedge + (VADER_WEIGHT if self.vader is not None else 0.0)

    @property
    def score(self) -> float:
        """``(S - O) / (S + O + H)`` in [-1, 1]; a VADER-only vote scores ``compound * VADER_WEIGHT``."""
        lexical = self.support + self.oppose + self.hedge
        if lexical:
            return (self.support - self.oppose) / lexical
        return self.vader * VADER_WEIGHT if self.vader is not None else 0.0


def _in_name(tok: Token) -> bool:
    """Whether a token is part of a name: inside a named entity of a naming type (``_NAME_ENTS``), or a
    proper noun that does not start its sentence (a sentence-initial capital is not evidence of a name)."""
    return tok.ent_type_ in _NAME_ENTS or (tok.pos_ == "PROPN" and not tok.is_sent_start)


def _is_negation(tok: Token, lex: StanceLexicon) -> bool:
    if tok.dep_ == "neg":
        return True
    low = tok.lower_.replace("’", "'")
    if low in lex.negation and tok.dep_ in ("det", "advmod", "intj", "neg", "preconj", "cc"):
        return low not in ("nor", "neither") or tok.dep_ != "cc"
    return False


def _skip_negation(tok: Token) -> bool:
    """Negations that negate nothing stance-like: "not only", "no longer", "no doubt"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in ("only", "just", "merely", "longer", "doubt", "less")


def _clause_path(tok: Token) -> list[Token]:
    """``tok`` and its heads up to and including its clause head (inner arcs only)."""
    path = head_path(tok, lambda n: n.dep_ in _INNER_DEPS)
    node = path[-1]
    # a subject's predicate: step to the verb it is subject of
    if node.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and not is_root(node):
        path.append(node.head)
    return path


def _negators(tok: Token, lex: StanceLexicon) -> list[Token]:
    """Negation tokens whose scope covers ``tok`` (children of ``tok`` or of its in-clause heads, and of a belief
    verb whose clause complement holds it: ``neg_raising``, "do not think that X would help" = "think X would not
    help")."""
    out = []
    path = _clause_path(tok)
    head = path[-1]
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in lex.neg_raising:
        path.append(head.head)  # "I do not believe that sanctions would help": the negation is the clause's
    for node in path:
        for c in node.children:
            if _is_negation(c, lex) and not _skip_negation(c) and c.dep_ != "intj":  # a bare "no" answers alone
                out.append(c)
    return out


def _predicate(head: Token) -> set[int]:
    """Token indices of a clause's predicate: the head and its children's subtrees, without other clauses
    (``_OTHER_CLAUSE_DEPS``) except a coordinated predicate that shares the subject or takes it up with a
    pronoun ("the sanctions have failed and should be lifted", "civilians are killed and this must stop")."""
    out = {head.i}
    for c in head.children:
        if c.dep_ not in _OTHER_CLAUSE_DEPS:
            out.update(x.i for x in c.subtree)
    return out | _shared_conjuncts(head)


def _shared_conjuncts(head: Token, pos: tuple[str, ...] = ("VERB", "AUX", "ADJ")) -> set[int]:
    """Predicates coordinated with ``head`` that have no subject of their own, or take it up with a
    pronoun ("have failed and should be lifted", "should join NATO, and the sooner the better", "are
    killed and this must stop"), with their own such conjuncts; a conjunct with another subject ("...,
    and our guards secured the compound") is another clause."""
    out: set[int] = set()
    for c in head.children:
        if c.dep_ != "conj" or c.pos_ not in pos:
            continue
        subj = [x for x in c.children if x.dep_ in _SUBJECT_DEPS]
        if subj and not all(x.lower_ in _ANAPHORS for x in subj):
            continue
        out.update(_predicate(c) if c.pos_ in ("VERB", "AUX") else {x.i for x in c.subtree})
    return out


def _focus_tokens(
    match_tokens: Iterable[Token], lex: Optional[StanceLexicon] = None, inside: Optional[set[int]] = None
) -> set[int]:
    """Token indices aimed at a topic (its *target scope*): the topic's words, their modifiers, the path
    to their clause head, and that path's negations, modals and copular complements (with their
    subtrees); when the topic is (in) the subject of its clause, the whole predicate of that clause
    without its coordinated or adverbial clauses ("the sanctions have failed", "aid must reach the valley
    without delay"; not "..., and our guards secured the compound"). A path that reaches a preposition
    of circumstance (lexicon ``circumstance``: "despite", "after", "during") stops there: the clause
    above is not about the topic ("despite the sanctions, our economy is strong"). ``inside``: the
    piece's token indices; the path climbs from a complement clause to its governing verb only inside
    them (never to the reporting verb of the quote)."""
    keep: set[int] = set()
    circumstance = {w.lower() for w in lex.circumstance} if lex is not None else set()
    for t in match_tokens:
        keep.add(t.i)
        keep.update(c.i for c in t.children if c.dep_ in _MODIFIER_DEPS)
        path = _clause_path(t)
        # a complement clause is what its governing verb judges ("we do not oppose [Ukraine joining NATO]")
        while (path[-1].dep_ in _COMPLEMENT_DEPS and path[-1].head.i != path[-1].i
               and (inside is None or path[-1].head.i in inside)):
            path = path + _clause_path(path[-1].head)
        cut = next((k for k, n in enumerate(path) if n.dep_ == "prep" and n.lower_ in circumstance), None)
        if cut is not None:
            keep.update(n.i for n in path[:cut])
            continue
        for sub, head in zip(path, path[1:]):
            if sub.dep_ in _SUBJECT_DEPS and sub.head.i == head.i:
                keep.update(_predicate(head))
        for prev, node in zip([None] + path[:-1], path):
            keep.add(node.i)
            if node.pos_ in ("VERB", "AUX"):  # "should join NATO, and the sooner the better"
                keep.update(_shared_conjuncts(node, ("ADJ",)))
            for c in node.children:
                if c.dep_ in _PREDICATE_CHILD_DEPS:
                    keep.update(x.i for x in c.subtree)
                # "X is <topic>": the subject equated with the topic carries its evaluation
                if prev is not None and prev.dep_ in ("attr", "acomp") and node.lemma_ == "be" and c.dep_ == "nsubj":
                    keep.update(x.i for x in c.subtree)
    return keep


def _phrase_votes(v: TopicVotes, doc: Doc, phrase_hits: list[tuple[str, int, int]], inside: set[int],
                  allowed: set[int], lex: StanceLexicon, used_neg: set[int], covered: set[int]) -> None:
    """Votes of the lexicon phrases inside a piece (``phrase_hits``: polarity, start, end token
    indices); their tokens go to ``covered`` and their inner negations to ``used_neg``."""
    for pol, s, e in phrase_hits:
        if not all(i in inside for i in range(s, e)) or not any(i in allowed for i in range(s, e)):
            continue
        if any(_in_name(doc[i]) for i in range(s, e)):  # "Red Line Capital" names, does not judge
            continue
        span = doc[s:e]
        covered.update(range(s, e))
        # a negation inside the phrase is part of it ("no alternative", "when, not if"), not a vote
        used_neg.update(i for i in range(s, e) if _is_negation(doc[i], lex))
        negs = [n for n in _negators(span.root, lex) if n.i not in range(s, e)]
        _vote(v, pol, span.text, negs, used_neg)


def _piece_votes(
    tokens: list[Token],
    topic_tokens: list[Token],
    focus: Optional[set[int]],
    lex: StanceLexicon,
    phrase_hits: list[tuple[str, int, int]],
    naming: frozenset[int] = frozenset(),
    own_side: Optional[Callable[[Token], bool]] = None,
    bare_negation: bool = True,
) -> TopicVotes:
    """Votes of one sentence piece for one topic (see module docstring, step 3). Tokens in
    ``naming`` (words of topic phrases, "security guarantee") name a topic and do not vote.
    ``own_side(token)`` says whether a subject stands for the speaker's own side (see :func:`_own_side`).
    ``bare_negation`` False: a negation without a lexicon word does not vote (a piece whose topic
    comes from a later sentence negates something else: "It is not directed against anyone")."""
    v = TopicVotes()
    inside = {t.i for t in tokens}
    allowed = inside if focus is None else inside & focus
    used_neg: set[int] = set()
    covered: set[int] = set()
    doc = tokens[0].doc if tokens else None
    topic_ids = {t.i for t in topic_tokens}
    # a verb of taking a position whose object is the topic decides ("Beijing firmly opposes the sanctions
    # and would take necessary measures to protect ...": oppose, whatever "necessary" and "protect" say)
    decisive = [t for t in tokens if t.i in allowed and not _in_name(t) and lex.stance_verb_polarity(t)
                and _object_is_topic(t, topic_ids) and not _third_party_action(t, topic_ids, lex, own_side)]
    if decisive:
        for t in decisive:
            _vote(v, lex.stance_verb_polarity(t), t.text, _negators(t, lex), used_neg)
        return v
    _phrase_votes(v, doc, phrase_hits, inside, allowed, lex, used_neg, covered)
    for t in tokens:
        if t.i in allowed and t.i not in covered and not _in_name(t) and lex.is_exclusion(t):
            _exclusion_vote(v, t, lex, used_neg, covered)
    for t in tokens:
        if t.i not in allowed or t.i in covered or _in_name(t):
            continue
        low = t.lower_
        if low in lex.increase and t.head.i in topic_ids and t.dep_ in ("amod", "advmod", "nummod", "compound"):
            # "more aid" supports, unless an opposing or excluding verb governs the topic ("opposed any
            # new sanctions", "never ruled out new sanctions"): that verb decides
            if not any(
                a.pos_ in ("VERB", "AUX") and (lex.polarity_of(a.lemma_.lower()) == "oppose" or lex.is_exclusion(a))
                for a in _clause_path(t.head)[1:]
            ) and not _negators(t.head, lex):  # (nor in a negated clause: "do not believe new sanctions would help")
                v.add("support", 1.0, f"{t.text} {t.head.text}")
            continue
        if t.i in naming or _is_negation(t, lex):
            continue
        if _calls_for_topic(t, topic_ids, lex):
            # "a ceasefire should come ...": a call for the topic supports it ("should not come": opposes)
            negs = _negators(t.head, lex)
            used_neg.update(n.i for n in negs)
            words = sorted([t, t.head, *negs], key=lambda x: x.i)
            v.add("oppose" if negs else "support", 1.0, " ".join(w.text for w in words))
            continue
        pol = lex.polarity_of(t.lemma_.lower()) or lex.polarity_of(low)
        if pol is None or _third_party_action(t, topic_ids, lex, own_side) or _done_to_topic(t, topic_ids):
            continue
        if t.pos_ == "ADP" and t.head.lemma_ != "be":  # "we are against X" votes, "sanctions against X" does not
            continue
        if t.dep_ == "aux" and t.tag_ == "MD" and (lex.polarity_of(t.head.lemma_.lower()) or t.head.i in naming):
            continue  # a modal ("must", "could") defers to the lexicon verb it governs ("must stop")
        _vote(v, pol, t.text, _negators(t, lex), used_neg)
    for t in tokens if bare_negation else ():
        if (t.i in allowed and t.i not in used_neg and _is_negation(t, lex) and not _skip_negation(t)
                and not _in_name(t) and not _zero_count(t, lex) and t.head.pos_ != "ADP"):
            # a negated preposition contrasts a circumstance ("before, not after, the next round"), it
            # does not negate the predicate
            v.add("oppose", 1.0, _negation_label(t))
    return v


def _exclusion_vote(v: TopicVotes, t: Token, lex: StanceLexicon, used_neg: set[int], covered: set[int]) -> None:
    """Vote of a verb of excluding an option ("rule out", "exclude"). Negated, it keeps the option open
    without endorsing it: a hedge ("could not be ruled out", "does not exclude", "never ruled out"), never
    an opposing double negation. Un-negated, it opposes ("we rule out sending troops"). Its negations,
    particle and auxiliaries (the modal "could") are part of the cue and cast no vote of their own."""
    negs = _negators(t, lex)
    parts = [t] + [c for c in t.children if c.dep_ in ("prt", "aux", "auxpass")]
    covered.update(c.i for c in parts)
    if negs:
        used_neg.update(n.i for n in negs)
        words = parts + negs
        v.add("hedge", 1.0, t.doc[min(w.i for w in words) : max(w.i for w in words) + 1].text)
    elif t.dep_ not in ("prep", "pcomp", "acl", "amod", "advcl"):  # "the talks, excluding Russia" judge nothing
        v.add("oppose", 1.0, " ".join(c.text for c in sorted([t] + [c for c in parts if c.dep_ == "prt"])))


def _negation_label(t: Token) -> str:
    """Readable cue for a bare negation: "no", "n't enter" (negated verb), else "not" + next content word."""
    if t.dep_ == "intj" or is_root(t):
        return t.text
    if t.head.pos_ == "VERB":
        return f"{t.text} {t.head.text}"
    for nxt in t.doc[t.i + 1 : t.i + 4]:
        if nxt.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "NUM"):
            return f"{t.text} {nxt.text}"
    return f"{t.text} {t.head.text}"


def _third_party_action(
    t: Token, topic_ids: set[int], lex: StanceLexicon, own_side: Optional[Callable[[Token], bool]] = None
) -> bool:
    """True for a stance-taking verb (one of the lexicon's cue verbs: support, back, oppose, reject,
    ...) whose subject is a named third party ("Russia supports ..."): it reports what someone else
    does, not what the speaker thinks. Verbs whose subject is a pronoun ("we support"), contains
    the topic's own words ("NATO membership would provide") or stands for the speaker's own side
    (``own_side``: a Chinese spokesperson's "Beijing opposes ...") count, and so do other verbs
    ("Ukraine needs ...")."""
    if t.pos_ not in ("VERB", "AUX") or (lex.cue_verb_polarity(t.lemma_) is None and not lex.stance_verb_polarity(t)):
        return False
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("PROPN", "NOUN"):
            if not any(x.i in topic_ids for x in c.subtree) and not (own_side is not None and own_side(c)):
                return True
    return False


def _done_to_topic(t: Token, topic_ids: set[int]) -> bool:
    """True for a passive verb whose subject holds the topic's words, with no modal ("aid convoys have been
    blocked", "the ceasefire was violated"): it reports what was done to the topic, not what the speaker
    wants ("aid must be blocked" and "sanctions should be lifted" still vote)."""
    return t.pos_ in ("VERB", "AUX") and any(c.dep_ == "auxpass" for c in t.children) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in t.children) and any(
        c.dep_ == "nsubjpass" and any(x.i in topic_ids for x in c.subtree) for c in t.children)


def _object_is_topic(t: Token, topic_ids: set[int]) -> bool:
    """Whether a verb's object (or clausal complement: "oppose sending troops") holds words of the topic."""
    return bool(topic_ids) and any(
        c.dep_ in ("dobj", "obj", "xcomp", "ccomp") and any(x.i in topic_ids for x in c.subtree) for c in t.children
    )


def _calls_for_topic(t: Token, topic_ids: set[int], lex: StanceLexicon) -> bool:
    """A modal of obligation (``calls:`` "should", "must") on a verb that names the topic or whose
    active subject is the topic, and that has no polarity of its own ("a ceasefire should come",
    "Ukraine should join NATO"; not "sanctions should be lifted", where "lifted" decides, nor
    "civilians should be given more information", where the topic's word is the recipient)."""
    if t.dep_ != "aux" or t.lower_ not in {c.lower() for c in lex.calls}:
        return False
    verb = t.head
    if lex.polarity_of(verb.lemma_.lower()) or not topic_ids:
        return False
    return verb.i in topic_ids or any(
        c.dep_ == "nsubj" and any(x.i in topic_ids for x in c.subtree) for c in verb.children)


def _zero_count(t: Token, lex: StanceLexicon) -> bool:
    """A "no" counting nothing in a report ("No staff were hurt", "no casualties"): the determiner of a
    noun that is, or whose predicate is, a report word. It states a fact; it is not a stance."""
    if t.lower_ != "no" or t.dep_ != "det":
        return False
    return any(lex.is_report_word(n) for n in _clause_path(t.head))


def _vote(v: TopicVotes, pol: str, text: str, negs: list[Token], used_neg: set[int]) -> None:
    if negs:
        used_neg.update(n.i for n in negs)
        label = f"{negs[0].text} {text}"
        if pol == "support":
            v.add("oppose", 1.0, label)
        elif pol == "oppose":
            v.add("support", DOUBLE_NEGATION_WEIGHT, label)
        else:
            v.add("oppose", 1.0, label)
    else:
        v.add(pol, 1.0, text)


def _is_question(tokens: list[Token]) -> bool:
    """Whether a sentence piece is a question (its last non-space token is "?")."""
    words = [t for t in tokens if not t.is_space]
    return bool(words) and words[-1].text == "?"


def _pieces(doc: Doc, q: Quote, excluded: list[tuple[int, int]]) -> list[list[Token]]:
    """The quote's tokens, minus excluded character ranges, grouped by sentence.

    Questions are left out: asking "Is this a negotiating tactic?" takes no stance. A transcript turn
    that asks a question is an interviewer's turn (:func:`_interviewer_turn`): none of its pieces count,
    not even the statement that sets up the question ("Critics call the deliveries reckless. What is your
    answer?").
    """
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    pieces: dict[int, list[Token]] = {}
    starts = sentence_starts(doc) if doc.has_annotation("SENT_START") else [0]
    space, idx = token_column(doc, "is_space"), token_column(doc, "idx")  # tested before a Token is built
    for i in range(span.start, span.end):
        if space[i] or excluded and any(s <= idx[i] < e for s, e in excluded):
            continue
        pieces.setdefault(starts[bisect.bisect_right(starts, i) - 1], []).append(doc[i])
    ordered = [p for _, p in sorted(pieces.items())]
    if _interviewer_turn(q, ordered):
        return []
    return [p for p in ordered if not _is_question(p)]


def _interviewer_turn(q: Quote, pieces: list[list[Token]]) -> bool:
    """Whether a quote is an interviewer's turn: marked so by the transcript reader (a true
    ``interviewer`` attribute, when the quote model carries one), or a ``transcript`` turn with a question
    among its sentences. An interviewer's framing ("Many say sanctions are useless. Do you agree?") puts
    a view to the guest; it is not the interviewer's stance."""
    if getattr(q, "interviewer", False):
        return True
    return q.kind == "transcript" and any(_is_question(p) for p in pieces)


def _topic_tokens(
    doc: Doc, tagger: TopicTagger, tokens: list[Token], naming: Optional[set[int]] = None
) -> dict[str, list[Token]]:
    """Topic id -> matched tokens inside this piece (contiguous runs are matched separately).
    Indices of tokens matched by a phrase or pattern (not an ``all_of`` rule) are added to ``naming``."""
    out: dict[str, list[Token]] = {}
    runs: list[tuple[int, int]] = []
    for t in tokens:
        if runs and runs[-1][1] == t.i:
            runs[-1] = (runs[-1][0], t.i + 1)
        else:
            runs.append((t.i, t.i + 1))
    for s, e in runs:
        for tid, ms, me, via_all_of in tagger.match_details(doc[s:e]):
            out.setdefault(tid, []).extend(doc[ms:me])
            if naming is not None and not via_all_of:
                naming.update(range(ms, me))
    return out


def _framing_topics(doc: Doc, tagger: TopicTagger, q: Quote, first: list[Token]) -> set[str]:
    """Topics of a quote's framing: the rest of its first sentence, else the nearest earlier sentence
    naming one (:func:`~.topics.framing_topics`)."""
    if not doc.has_annotation("SENT_START") or not first:
        return set()
    sent = first[0].sent
    outside = [t for t in sent if not (q.start <= t.idx < q.end)]
    found = set(_topic_tokens(doc, tagger, outside)) if outside else set()
    return found or framing_topics(tagger, doc[first[0].i : first[-1].i + 1])


def _assign_topics(doc: Doc, tagger: TopicTagger, q: Quote, pieces: list, own: list[dict]) -> tuple[list[set[str]], list[bool]]:
    """Topics of each piece of a quote: its own, else the previous piece's, else (first piece) its
    framing sentence's, else the next piece that names one. Also ``ahead[i]``: piece i's topics come
    from a later piece ("That is out of the question. Sending troops ..."), not from itself, its
    framing or an earlier piece."""
    assigned: list[set[str]] = []
    ahead: list[bool] = []
    for i, p in enumerate(pieces):
        if own[i]:
            assigned.append(set(own[i]))
            ahead.append(False)
        elif i > 0 and assigned[-1]:
            assigned.append(set(assigned[-1]))
            ahead.append(ahead[-1])
        else:
            framing = _framing_topics(doc, tagger, q, p) if i == 0 else set()
            ahead.append(not framing)
            if not framing:
                framing = next((set(o) for o in own[i + 1 :] if o), set())
            assigned.append(framing)
    return assigned, ahead


def _accused_topics(doc: Doc, tagger: TopicTagger, pieces: list, accused: set[int]) -> set[str]:
    """An accusation: the quote is the accused party's act, so its topics are not the speaker's
    target; only a topic naming the accused party (token indices ``accused``) takes the stance
    ("accused the extremists of ...")."""
    sent = doc[min(accused | {pieces[0][0].i}):]
    sent = sent[0].sent if doc.has_annotation("SENT_START") else doc[:]
    return {tid for tid, s, e, _ in tagger.match_details(sent) if accused & set(range(s, e))}


def _token_at_or_after(doc: Doc, char: int) -> int:
    """Index of the token holding character offset ``char``, or of the first token after it (``len(doc)``
    past the end); the token start offsets are read once per doc (:func:`components.nlp.token_column`)."""
    starts = token_column(doc, "idx")
    i = bisect.bisect_right(starts, char) - 1
    if i < 0:
        return 0
    return i if char < starts[i] + len(doc[i].text) else i + 1


def _add_cue_verb_vote(doc: Doc, q: Quote, lex: StanceLexicon, votes: dict[str, TopicVotes],
                       only: Optional[set[str]]) -> None:
    """The cue verb's own polarity votes for every topic (or only those in ``only``); the word after
    the cue tells "called for" (support) from "called it" (naming)."""
    if not q.cue:
        return
    # the token after the cue, found by offset (``Doc.text`` would join every token on each call)
    i = _token_at_or_after(doc, q.cue_end) if q.cue_end is not None else len(doc)
    nxt = next((t.text for t in doc[i:] if not t.is_space), "")
    cue = q.cue if len(q.cue.split()) > 1 or not nxt else f"{q.cue} {nxt}"
    pol = lex.cue_verb_polarity(cue)
    if pol:
        for tid in votes:
            if only is None or tid in only:
                votes[tid].add(pol, CUE_VERB_WEIGHT, q.cue)


def _add_vader_votes(pieces: list, assigned: list[set[str]], focus_of: dict, naming: set[int], lex: StanceLexicon,
                     votes: dict[str, TopicVotes]) -> None:
    """For a topic no cue voted on, VADER's compound score of what it reads: the pieces of that
    topic (only the topic's own words when a piece names several topics) without the words that
    report events ("killed", or a passive verb done to the topic: "the truce was violated"), name the
    topic ("war", "civilian casualties") or are part of a name ("Rapid Support Forces"); kept when at
    least :data:`VADER_MIN` in size."""
    for tid, v in votes.items():
        if v.total != 0:
            continue
        text = " ".join(
            t.text for k, (p, a) in enumerate(zip(pieces, assigned)) if tid in a for t in p
            if (focus_of.get((k, tid)) is None or t.i in focus_of[(k, tid)])
            and t.i not in naming and not _in_name(t) and not lex.is_report_word(t) and not _done_to_topic(t, naming)
        )
        compound = _vader().polarity_scores(text)["compound"]
        if abs(compound) >= VADER_MIN:
            v.vader = compound
            v.cues["support" if compound > 0 else "oppose"].append(f"vader:{compound:+.2f}")


def quote_topic_votes(
    doc: Doc, q: Quote, tagger: TopicTagger, excluded: list[tuple[int, int]] = (), lexicon: StanceLexicon | None = None,
    own_side: Optional[Callable[[Token], bool]] = None,
) -> dict[str, TopicVotes]:
    """Votes per topic for one quote (steps 1-5 of the module docstring).

    Args:
        doc (Doc): the parsed article.
        q (Quote): the quote (its ``start``/``end`` index ``doc.text``).
        tagger (TopicTagger): topic matcher.
        excluded (list[tuple[int, int]]): character ranges to leave out (nested quotes of others).
        lexicon (StanceLexicon | None): default :func:`load_lexicon`.
        own_side (Callable | None): whether a subject token stands for the speaker's own side
            (:func:`_own_side`); such a subject's stance verb is the speaker's ("Beijing opposes ...").

    Returns:
        dict[str, TopicVotes]: topic id -> weighted votes with their cue words; topics with no vote
        at all are present with zero votes (they are still evidence).
    """
    lex = lexicon or load_lexicon()
    pieces = _pieces(doc, q, list(excluded))
    if not pieces:
        return {}
    qspan = doc[pieces[0][0].i : pieces[-1][-1].i + 1]
    # PhraseMatcher on a Span returns doc token indices (spaCy 3.8)
    phrase_hits = _merge_overlaps([(doc.vocab.strings[m], s, e) for m, s, e in lex.phrase_matcher(doc.vocab)(qspan)])
    n_tokens = sum(len(p) for p in pieces)
    short_topics: set[str] = set(q.topics)
    if n_tokens < tagger.context_tokens:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        short_topics |= set(tagger.topics_of(span))
    naming: set[int] = set()
    own = [_topic_tokens(doc, tagger, p, naming) for p in pieces]
    assigned, ahead = _assign_topics(doc, tagger, q, pieces, own)
    if n_tokens < tagger.context_tokens:
        assigned = [a | short_topics for a in assigned]
    votes: dict[str, TopicVotes] = {}
    focus_of: dict[tuple[int, str], Optional[set[int]]] = {}
    for k, (p, topics, mine) in enumerate(zip(pieces, assigned, own)):
        for tid in topics:
            toks = mine.get(tid, [])
            focus = focus_of[(k, tid)] = _focus_tokens(toks, lex, {t.i for t in p}) if toks else None
            votes.setdefault(tid, TopicVotes()).merge(
                _piece_votes(p, toks, focus, lex, phrase_hits, frozenset(naming), own_side, bare_negation=not ahead[k]))
    accused = _accused(doc, q, lex)
    named: set[str] = set()
    if accused is not None:
        named = _accused_topics(doc, tagger, pieces, accused)
        votes = {tid: (v if tid in named else TopicVotes()) for tid, v in votes.items()}
    _add_cue_verb_vote(doc, q, lex, votes, None if accused is None else named)
    if accused is None:
        _add_vader_votes(pieces, assigned, focus_of, naming, lex, votes)
    return votes


def _accused(doc: Doc, q: Quote, lex: StanceLexicon) -> Optional[set[int]]:
    """Token indices of the party a quote's cue accuses, or None when the cue is no accusation.

    An accusation cue (lexicon ``accusation``: "accused", "blamed", "charged") takes the accused as its
    object and the quote as the act ("accused Iran of supplying drones"); the object's subtree, minus
    the quote itself, is the accused party (empty for "charged that ...")."""
    if q.cue_start is None or q.cue_end is None:
        return None
    span = doc.char_span(q.cue_start, q.cue_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = span.root
    if verb.lemma_.lower() not in {w.lower() for w in lex.accusation}:
        return None
    out: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            out.update(x.i for x in c.subtree if not (q.start <= x.idx < q.end) or x.i == c.i)
    return out


def _merge_overlaps(hits: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Overlapping phrase matches of the same polarity become one cue ("a matter of when" + "when, not
    if" -> "a matter of when, not if"), so one phrase is one vote."""
    out: list[tuple[str, int, int]] = []
    for pol, s, e in sorted(hits, key=lambda h: (h[1], h[2])):
        for k, (p2, s2, e2) in enumerate(out):
            if p2 == pol and s < e2 and s2 < e:
                out[k] = (pol, min(s, s2), max(e, e2))
                break
        else:
            out.append((pol, s, e))
    return out


def _nested_ranges(q: Quote, quotes: list[Quote]) -> list[tuple[int, int]]:
    return [
        (o.start, o.end)
        for o in quotes
        if o is not q and o.speaker != q.speaker and q.start <= o.start and o.end <= q.end and (o.end - o.start) < (q.end - q.start)
    ]


def _own_side(card: Optional[Speaker]) -> Optional[Callable[[Token], bool]]:
    """A test of whether a subject stands for the speaker's own side: the speaker's organisation
    ("NATO" for its secretary general), or a place (GPE) whose country is the speaker's: the country
    or a city of it standing for its government ("Beijing" for a Chinese spokesperson). None when the
    speaker's card gives neither country nor organisation."""
    if card is None or not (card.country or card.org):
        return None

    def check(tok: Token) -> bool:
        ent = next((e for e in doc_ents(tok.doc) if e.start <= tok.i < e.end), None)
        name = (ent.text if ent is not None else tok.text).strip()
        if card.org and name.lower() == card.org.lower():
            return True
        if not card.country or ent is None or ent.label_ != "GPE":
            return False
        from ..gazetteer import get_gazetteer

        gaz = get_gazetteer()
        code = gaz.country_code(name) or next((r.country for r in gaz.candidates(name)[:1]), None)
        return code == card.country

    return check


NO_VOTE_CONFIDENCE = 0.3


def stance_confidence(polarity: str, score: float, quote_scores: list[float]) -> float:
    """How sure the rules are of a (speaker, topic) stance, in [0, 1].

    Args:
        polarity (str): the stance's polarity (support | oppose | neutral).
        score (float): its score in [-1, 1].
        quote_scores (list[float]): per-quote scores of the quotes that had any vote.

    Returns:
        float: rounded to 3 places. support/oppose: (share of voting quotes of that polarity) x (their
        mean absolute score) x (1 - 0.4^k), k = number of such quotes, so one clear quote gives 0.6, two
        0.84, three 0.94, and a VADER-only vote (score at most 0.5) half as much. neutral: with votes,
        (1 - 0.4^n) x (1 - 2|score|); without any vote (the topic is only mentioned) 0.3.
    """
    if not quote_scores:
        return NO_VOTE_CONFIDENCE
    if polarity == "neutral":
        return round((1 - 0.4 ** len(quote_scores)) * max(0.0, 1 - 2 * abs(score)), 3)
    agree = [abs(s) for s in quote_scores if _polarity(s) == polarity]
    if not agree:
        return 0.0
    return round(len(agree) / len(quote_scores) * (sum(agree) / len(agree)) * (1 - 0.4 ** len(agree)), 3)


def _polarity(score: float) -> str:
    return "support" if score >= SUPPORT_THRESHOLD else "oppose" if score <= -SUPPORT_THRESHOLD else "neutral"


def speaker_stances(doc: Doc, quotes: list[Quote], speakers: list[Speaker], tagger: TopicTagger) -> list[Stance]:
    """Each speaker's stance on each topic they are quoted on that can have one (``stance_target``
    in the taxonomy: none on "Disasters and weather").

    Args:
        doc (Doc): the parsed article (``quote.start``/``end`` index ``doc.text``).
        quotes (list[Quote]): the article's quotes; those with ``speaker`` None are skipped.
            ``q.topics`` (if set) are used as context for short quotes.
        speakers (list[Speaker]): the article's speakers; a quote's speaker matching a speaker's
            alias is reported under that speaker's canonical ``name``.
        tagger (TopicTagger): from :func:`~.topics.get_topic_tagger`.

    Returns:
        list[Stance]: one per (speaker, topic) with at least one evidence quote, sorted by speaker
        then topic. ``score`` in [-1, 1] (mean per-quote ``(S-O)/(S+O+H)``, rounded to 3 places);
        ``polarity`` support if ``score >= 0.25``, oppose if ``<= -0.25``, else neutral, and also
        neutral when no strict majority of the voting quotes has that polarity on its own (mixed
        evidence, as in an analyst's "risks ... rewards" answers), and then ``score`` is 0.0: a
        neutral stance always has ``-0.25 < score < 0.25``;
        ``evidence`` the quote ids in text order; ``cues`` the words that decided the polarity
        (for neutral: the hedges, then any conflicting cues); ``confidence`` from
        :func:`stance_confidence`.

    Side effect:
        a quote that is evidence for a topic it was not tagged with (a topic taken from the quote's
        framing, e.g. an anaphoric first sentence) gets that id added to ``q.topics``, so every
        stance's evidence quotes carry its topic.

    Raises:
        StanceLexiconError: the stance lexicon file is malformed.

    Method: see the module docstring (lexicon + dependency negation scope + cue verbs, VADER fallback).
    """
    lex = load_lexicon()
    canon: dict[str, str] = {}
    cards: dict[str, Speaker] = {}
    for s in speakers:
        canon[s.name.lower()] = s.name
        cards[s.name] = s
        for a in s.aliases:
            canon.setdefault(a.lower(), s.name)
    by_key: dict[tuple[str, str], list[tuple[Quote, TopicVotes]]] = {}
    for q in sorted(quotes, key=lambda q: q.start):
        if not q.speaker:
            continue
        name = canon.get(q.speaker.lower(), q.speaker)
        own = _own_side(cards.get(name))
        for tid, v in quote_topic_votes(doc, q, tagger, _nested_ranges(q, quotes), lex, own).items():
            if tid in tagger.stance_targets:  # not a topic one reports on ("stance_target: false")
                by_key.setdefault((name, tid), []).append((q, v))
    out: list[Stance] = []
    for (name, tid), items in sorted(by_key.items()):
        voting = [v for _, v in items if v.total > 0]
        score = sum(v.score for v in voting) / len(voting) if voting else 0.0
        score = round(max(-1.0, min(1.0, score)), 3)
        polarity = _polarity(score)
        if polarity != "neutral" and sum(_polarity(v.score) == polarity for v in voting) * 2 <= len(voting):
            polarity, score = "neutral", 0.0  # mixed evidence: no majority agrees, so no lean either
        merged = TopicVotes()
        for v in voting:
            merged.merge(v)
        if polarity == "neutral":
            cues = merged.cues["hedge"] + merged.cues["support"] + merged.cues["oppose"]
        else:
            cues = merged.cues[polarity]
        evidence = list(dict.fromkeys(q.id for q, _ in items))
        for q, _ in items:  # an evidence quote always carries the topic it is evidence for
            if tid not in q.topics:
                q.topics = sorted({*q.topics, tid})
        conf = stance_confidence(polarity, score, [v.score for v in voting])
        out.append(Stance(speaker=name, topic=tid, polarity=polarity, score=score, evidence=evidence, cues=cues,
                          confidence=conf))
    return out
