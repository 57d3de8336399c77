"""The learned attribution decider: which reporting frames without a quotation are indirect attributions.

Method: a permissive candidate generator (:func:`candidate_frames`) adds, beside the rule frames of
:mod:`.frames`, one paraphrase frame per word that the learned cue lexicon (:mod:`.cuelex`) knows as a
cue at all and that governs a content: a verb with a clause, ``to``-infinitive, object or
prepositional complement ("supports raising the limit", "knows that ..."), a noun with a
``that``-clause or infinitive ("the hope that ..."), an adjective with a clause ("confident that
...").  Every candidate, rule frame or not, is described by binary features read from spaCy's
analysis (:func:`candidate_features`: cue lemma, its learned reliability, complement shape,
dependency relation, tense and modality, negation, the source's part of speech / entity type /
pronoun, whether a rule accepts it, nesting inside another attribution, content length, position)
and scored by a logistic regression (:class:`AttributionModel`, weights in
:data:`MODEL_PATH`, about 100 KB of JSON).  :func:`decide_attributions` keeps the candidates whose
probability reaches the threshold of :class:`components.extract.frames.CueSettings`
(``attribution_threshold``, tuned on polnear-dev).

Training (:func:`train_attribution`, ``python -m components train attribution FOLDER``): the
extractor runs on PolNeAR's training split up to the indirect pass; each candidate is labelled
positive when its content matches (token F1 >= 0.5, the reference scorer's criterion) a gold
attribution content of the first annotator that no quotation already matches. L2-regularised
logistic regression fitted with SciPy's L-BFGS from zero weights on sorted input: deterministic.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field, ValidationError
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from ..errors import GoldFormatError
from ..lexicon import QUOTING_VERBS
from ..nlp import doc_text, sentence_starts, span_text, token_column, token_lemmas
from .cuelex import brat_role_spans, cue_key, cue_table, verb_shape
from .frames import (Frame, _noun_source, _that_clause, _to_infinitive, complement_content, plausible_source, span_chars,
                     subject_of)

MODEL_PATH = Path(__file__).with_name("attribution_model.json")
# features seen fewer times than this in training get no weight (rare ones are noise and bloat the file)
MIN_FEATURE_COUNT = 3
# L2 penalty of the logistic regression (per training set, on the summed log-loss)
L2 = 20.0
# folds of the stacked sequence tagger in training (each article tagged by a tagger that never saw it)
TAGGER_FOLDS = 2


class AttributionModelFile(BaseModel):
    """The model file: provenance, training counts and the weights (feature -> weight)."""

    source: str
    articles: int = Field(ge=1)
    candidates: int = Field(ge=1)
    positives: int = Field(ge=0)
    built: str
    l2: float = Field(ge=0.0)
    bias: float
    weights: dict[str, float]


@dataclass(frozen=True)
class AttributionModel:
    """A logistic regression over binary features: ``p = sigmoid(bias + sum(weights[f]))``."""

    bias: float
    weights: dict

    def probability(self, feats: list[str]) -> float:
        """P(the candidate with features ``feats`` is an attribution), in [0, 1]."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=4)
def load_attribution_model(path: Path = MODEL_PATH) -> AttributionModel:
    """Read and validate the model file (cached).

    Raises:
        GoldFormatError: the file is missing or does not match :class:`AttributionModelFile`.
    """
    try:
        data = AttributionModelFile.model_validate_json(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise GoldFormatError(f"{path}: not a valid attribution model ({exc})") from exc
    return AttributionModel(data.bias, dict(data.weights))


# ---------------------------------------------------------------- candidates

@dataclass
class Candidate:
    """An indirect-attribution candidate: its frame, content range (characters, end exclusive) and
    text, whether the hand-made rules accept it (``rule_ok``), and its features once computed."""

    frame: Frame
    start: int
    end: int
    text: str
    rule_ok: bool
    feats: Optional[list[str]] = None
    p: float = 0.0
    # the sequence tagger's score (:mod:`.attribution_tagger`): its own for a tagger candidate
    # (``frame.rule == "tagger"``), its agreement for a candidate it duplicates; None otherwise
    tagger_p: Optional[float] = None
    # the tagger's marginal probabilities (:func:`set_marginals`): of CONT over the content (mean), of
    # CUE at the cue, of SRC at the source; None when its sentence was not tagged
    marginals: Optional[tuple[float, float, float]] = None


def _lexicon_cue(tok: Token) -> Optional[tuple[str, str]]:
    """(lemma, POS) of ``tok`` when the learned lexicon lists it as a cue (any shape), else None."""
    key = cue_key(tok)
    if key is None or (key[0], key[1], "any") not in cue_table():
        return None
    return key


def _candidate(tok: Token) -> Optional[Frame]:
    """The permissive frame of one lexicon cue word ``tok``: content by complement, source by syntax."""
    key = _lexicon_cue(tok)
    if key is None or tok.dep_ in ("amod", "compound"):
        return None
    doc = tok.doc
    cue = doc[tok.i : tok.i + 1]
    if key[1] == "VERB":
        shape, comp = verb_shape(tok)
        if shape == "none":
            return None
        content = complement_content(tok, shape, comp)
        return Frame(cue, subject_of(tok), content, kind="paraphrase", rule="model-" + shape) if content else None
    if key[1] == "NOUN":
        body = _that_clause(tok) or _to_infinitive(tok)
        if body is None:
            return None
        return Frame(cue, _noun_source(tok), span_chars(list(body.subtree)), kind="paraphrase", rule="model-noun")
    if key[1] == "ADJ" and tok.dep_ == "acomp":
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i), None)
        if comp is None:
            return None
        return Frame(cue, subject_of(tok.head), span_chars(list(comp.subtree)), kind="paraphrase", rule="model-adj")
    return None


_CANDIDATE_POS = frozenset({VERB, AUX, NOUN, ADJ})  # the parts of speech a lexicon cue can have
# their names in the lexicon (:data:`.cuelex.CUE_POS`)
_CANDIDATE_POS_NAMES = {VERB: "VERB", AUX: "VERB", NOUN: "NOUN", ADJ: "ADJ"}


def candidate_frames(doc: Doc, in_quote, taken: set[int]) -> list[Frame]:
    """Paraphrase frames of the words outside quotation marks that the learned lexicon lists as cues
    and that no rule frame already covers (token indices ``taken``), in token order.

    Args:
        doc (Doc): the parsed article.
        in_quote (Callable[[int], bool]): True for a character offset inside quotation marks.
        taken (set[int]): token indices of the rule frames' cues.

    Returns:
        list[Frame]: ``kind="paraphrase"``, ``rule="model-<shape>"`` (clause, infinitive, object,
        prep, noun, adj); ``subject`` may be None, ``content`` is never None.
    """
    out = []
    idx, pos = token_column(doc, "idx"), token_column(doc, "pos")  # tested before a Token is built
    lems, table = token_lemmas(doc), cue_table()
    for i in range(len(doc)):
        if i in taken or pos[i] not in _CANDIDATE_POS or in_quote(idx[i]):
            continue
        if (lems[i], _CANDIDATE_POS_NAMES[pos[i]], "any") not in table:
            continue  # not a lexicon cue (:func:`_lexicon_cue`), the only way to a candidate
        f = _candidate(doc[i])
        if f is not None and f.content is not None:
            out.append(f)
    return out


# ---------------------------------------------------------------- features

def _bin(x: int, edges: tuple[int, ...]) -> int:
    """Index of the first edge ``x`` does not exceed (len(edges) when above all)."""
    return next((k for k, e in enumerate(edges) if x <= e), len(edges))


def _subject_feats(subj: Optional[Token], in_quote) -> list[str]:
    """Features of the source token: absent, pronoun, entity type, part of speech, lemma."""
    if subj is None:
        return ["subj=none"]
    out = ["subj_pos=" + subj.pos_]
    if subj.pos_ == "PRON":
        out.append("subj_pron=" + subj.lower_)
    else:
        out.append("subj_ent=" + (subj.ent_type_ or "-"))
        out.append("subj_lem=" + subj.lemma_.lower())
    if in_quote(subj.idx):
        out.append("subj_in_quote")
    if any(c.dep_ == "poss" for c in subj.children) or subj.dep_ == "poss":
        out.append("subj_poss")
    return out


def _content_head(doc: Doc, a: int, b: int) -> Optional[Token]:
    """The syntactic head of the content ``[a, b)`` (the token whose head lies outside it), or None."""
    span = doc.char_span(a, b, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def candidate_features(c: Candidate, doc: Doc, in_quote, nested: bool, first_nl: int) -> list[str]:
    """The binary features of candidate ``c`` (strings; the model weighs each present one).

    Args:
        c (Candidate): the candidate (frame, content range, rule verdict).
        doc (Doc): the parsed article.
        in_quote (Callable[[int], bool]): True inside quotation marks.
        nested (bool): the cue lies inside the content of an accepted rule frame or of a quotation.
        first_nl (int): offset of the article's first line break (the headline ends there); -1 when
            the text is one line (no headline).
    """
    f = c.frame
    tok = f.cue[0]
    if f.kind == "according":
        lemma, pos, shape = "according to", "ADP", "according"
    else:
        key = cue_key(tok) or (tok.lemma_.lower(), tok.pos_)
        lemma, pos = key
        shape = verb_shape(tok)[0] if pos == "VERB" else pos.lower()
    table = cue_table()
    cnt, rel = table.get((lemma, pos, "any"), (0, 0.0))
    _, rel_s = table.get((lemma, pos, shape), (0, rel))
    gen = ("rule-" + f.kind + "-" + (f.rule or "-")) if not f.rule.startswith("model-") else f.rule
    rb, rsb = min(9, int(rel * 10)), min(9, int(rel_s * 10))
    feats = [
        "gen=" + gen, "rule_ok=" + str(c.rule_ok), "lem=" + lemma, "lem_shape=" + lemma + "|" + shape,
        "shape=" + shape, "rel=%d" % rb, "rel_shape=%d" % rsb, "gen_rel=%s|%d" % (gen, rb),
        "ok_rel=%s|%d" % (c.rule_ok, rb), "cnt=%d" % _bin(cnt, (3, 10, 30, 100, 1000)),
        "dep=" + tok.dep_, "tag=" + tok.tag_, "nested=" + str(nested), "ok_nested=%s|%s" % (c.rule_ok, nested),
    ]
    feats += _subject_feats(f.subject, in_quote)
    subj_kind = "none" if f.subject is None else (f.subject.ent_type_ or f.subject.pos_)
    feats += ["ok_subj=%s|%s" % (c.rule_ok, subj_kind), "lem_subj=%s|%s" % (lemma, subj_kind),
              "shape_subj=%s|%s" % (shape, subj_kind), "plausible=" + str(plausible_source(f.subject)),
              "gen_plausible=%s|%s" % (gen, plausible_source(f.subject))]
    if f.subject is not None and f.subject.pos_ == "NOUN":
        feats.append("shape_subj_lem=%s|%s" % (shape, f.subject.lemma_.lower()))
    head = _content_head(doc, c.start, c.end)
    if head is not None:
        feats += ["chead_pos=" + head.pos_, "chead_lem=" + head.lemma_.lower(), "lem_chead_pos=%s|%s" % (lemma, head.pos_),
                  "chead_ent=" + (head.ent_type_ or "-"), "chead_subj=" + str(any(ch.dep_ in ("nsubj", "nsubjpass") for ch in head.children))]
    for ch in tok.children:
        if ch.dep_ == "neg":
            feats.append("neg")
        elif ch.dep_ == "aux" and ch.tag_ == "MD":
            feats.append("modal=" + ch.lower_)
        elif ch.dep_ in ("auxpass", "nsubjpass"):
            feats.append("passive")
    if tok.dep_ not in ("ROOT",):
        feats.append("head_lem=" + tok.head.lemma_.lower())
    feats.append("lem_tag=%s|%s" % (lemma, tok.tag_))
    starts = sentence_starts(doc)  # the cue's sentence, as tok.sent, without walking its tokens
    k = bisect.bisect_right(starts, tok.i) - 1
    sent = doc[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(doc)]
    feats.append("sent_len=%d" % _bin(len(sent), (8, 15, 25, 40, 60)))
    feats.append("sent_pos=%d" % min(2, 3 * (tok.i - sent.start) // max(1, len(sent))))
    feats.append("first_line=" + str(tok.idx < first_nl))
    n = len(c.text.split())
    feats.append("len=%d" % _bin(n, (3, 5, 8, 12, 20, 35, 60)))
    feats.append("content_before=" + str(c.end <= tok.idx))
    feats.append("content_quoted=" + str(bool(re.search("[\"“”]", c.text))))
    feats.append("question=" + str(span_text(sent).rstrip().endswith("?")))
    return feats + _tagger_feats(c)


def _tagger_feats(c: Candidate) -> list[str]:
    """Features of the sequence tagger's view of ``c`` (:mod:`.attribution_tagger`): its score in
    tenths (its own for a tagger candidate, its agreement for a rule frame it duplicates; ``none``),
    alone and with the rules' verdict and the candidate's origin; and its marginal probabilities
    (``c.marginals``, :func:`set_marginals`: content, cue, source) in fifths, alone and with the
    origin (``marg=none`` when the sentence was not tagged). A learned-lexicon candidate gets no
    agreement: it takes any object of a cue word, and the tagger, trained on stance annotations,
    labels such an object content even where the verb means material help ("supports the rebels'
    weapons program"); for the same reason it gets no marginals either."""
    origin = "tagger" if c.frame.rule == "tagger" else ("model" if c.frame.rule.startswith("model-") else "rule")
    t = "none" if c.tagger_p is None or origin == "model" else str(min(9, int(c.tagger_p * 10)))
    feats = ["tagger=" + t, "tagger_ok=%s|%s" % (c.rule_ok, t), "tagger_origin=%s|%s" % (origin, t)]
    if origin == "model":
        return feats
    if c.marginals is None:
        return feats + ["marg=none"]
    for name, x in zip(("cont", "cue", "src"), c.marginals):
        b = min(4, int(x * 5))
        feats += ["m_%s=%d" % (name, b), "m_%s_o=%s|%d" % (name, origin, b)]
    return feats


def set_marginals(cands: list[Candidate], marg: dict[str, list[Optional[float]]]) -> None:
    """Set ``c.marginals`` of each candidate from the tagger's per-token marginals ``marg``
    (:func:`.attribution_tagger.token_marginals`): the mean CONT probability of the content's
    tokens, the highest CUE probability of the cue's, the SRC probability of the source token (0.0
    without one); left None when the cue's sentence was not tagged."""
    for c in cands:
        cue = [marg["CUE"][t.i] for t in c.frame.cue]
        if any(x is None for x in cue):
            continue
        span = c.frame.cue.doc.char_span(c.start, c.end, alignment_mode="expand")
        cont = [marg["CONT"][t.i] for t in span or () if marg["CONT"][t.i] is not None]
        subj = c.frame.subject
        src = marg["SRC"][subj.i] if subj is not None else 0.0
        c.marginals = (sum(cont) / len(cont) if cont else 0.0, max(cue), src or 0.0)


def featurize(cands: list[Candidate], doc: Doc, in_quote, quoted: list[tuple[int, int]]) -> None:
    """Set ``c.feats`` (:func:`candidate_features`) of every candidate; a cue is ``nested`` when it
    lies inside the content of a rule-accepted candidate or of an attributed quotation (``quoted``:
    character ranges)."""
    holders = sorted([(c.start, c.end) for c in cands if c.rule_ok] + list(quoted))
    starts = [x for x, _ in holders]
    longest = max((y - x for x, y in holders), default=0)
    first_nl = doc_text(doc).find("\n")  # a headline is a first line with a body after it; -1: none
    for c in cands:
        a = c.frame.cue.start_char
        k = bisect.bisect_right(starts, a) - 1
        nested = False
        while k >= 0 and starts[k] >= a - longest and not nested:
            nested = holders[k][1] > a and holders[k] != (c.start, c.end)
            k -= 1
        c.feats = candidate_features(c, doc, in_quote, nested, first_nl)


# contents of fewer words are short ("attacked Machado", "declined to comment"): kept only at the stricter
# ``short_threshold`` of :func:`decide_attributions`
SHORT_CONTENT_WORDS = 3


def _threshold_of(c: Candidate, threshold: float, override_threshold: float, tagger_threshold: float,
                  short_threshold: float = 1.01) -> float:
    """The minimum probability candidate ``c`` needs (see :func:`decide_attributions`)."""
    if c.frame.rule == "tagger":
        t = tagger_threshold
    else:
        t = threshold if c.rule_ok else override_threshold
    return max(t, short_threshold) if len(c.text.split()) < SHORT_CONTENT_WORDS else t


def _quoted_as(c: Candidate) -> bool:
    """True for the words of the one an outlet or report quotes "as saying" ("IRNA quoted the minister as saying
    that ..."; ``quoting_verbs``): the candidate's cue hangs on "as" under the quoting verb and its source is that
    verb's object. Such a report is kept whatever its probability: PolNeAR annotates only the outer "quoted", so the
    decider learned to drop the inner one, which says who said what."""
    cue = c.frame.cue.root
    prep = cue.head
    if c.frame.subject is None or cue.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in QUOTING_VERBS:
        return False
    return c.frame.subject.head.i == prep.head.i and c.frame.subject.dep_ in ("dobj", "obj")


def decide_attributions(
    cands: list[Candidate], doc: Doc, in_quote, quoted: list[tuple[int, int]], threshold: float, override_threshold: float,
    tagger_threshold: float = 1.01, short_threshold: float = 1.01,
) -> list[Candidate]:
    """The one place that decides which candidates become indirect attributions.

    Each candidate's probability (:func:`load_attribution_model`, features of
    :func:`featurize`) is stored in ``c.p``; a candidate the rules accept (``rule_ok``) is kept with
    ``p >= threshold``, one they reject or do not make (a learned-lexicon candidate) with
    ``p >= override_threshold``, one proposed by the sequence tagger alone
    (:mod:`.attribution_tagger`, ``frame.rule == "tagger"``) with ``p >= tagger_threshold``, and one
    whose content has fewer than :data:`SHORT_CONTENT_WORDS` words also with ``p >= short_threshold``; kept ones are taken most probable first, unless their content overlaps a kept one's with token F1 >= 0.5
    (two contents a scorer would match to one attribution; non-maximum suppression), and
    returned in input order. A report nested in another's content (:func:`_nested`) is no rival of it.

    Args:
        cands (list[Candidate]): rule frames and model candidates that passed the structural checks.
        doc (Doc): the parsed article.
        in_quote (Callable[[int], bool]): True inside quotation marks.
        quoted (list[tuple[int, int]]): content ranges of the quotations already attributed.
        threshold (float): minimum probability of a rule-accepted candidate, in [0, 1]
            (:attr:`components.extract.frames.CueSettings.attribution_threshold`).
        override_threshold (float): minimum probability of any other candidate, in [0, 1]
            (:attr:`components.extract.frames.CueSettings.override_threshold`).
        tagger_threshold (float): minimum probability of a tagger candidate, in [0, 1]
            (:attr:`components.extract.frames.CueSettings.tagger_threshold`; above 1: none kept).
        short_threshold (float): minimum probability of a candidate with a short content, in [0, 1]
            (:attr:`components.extract.frames.CueSettings.short_content_threshold`; above 1: none kept).

    Raises:
        GoldFormatError: the model file is missing or invalid.
    """
    model = load_attribution_model()
    featurize(cands, doc, in_quote, quoted)
    for c in cands:
        c.p = model.probability(c.feats)
    passed = [k for k, c in enumerate(cands)
              if c.p >= _threshold_of(c, threshold, override_threshold, tagger_threshold, short_threshold) or _quoted_as(c)]
    kept: set[int] = set()
    by_start = sorted(passed, key=lambda k: (cands[k].start, k))
    starts = [cands[k].start for k in by_start]
    longest = max((cands[k].end - cands[k].start for k in passed), default=0)
    for k in sorted(passed, key=lambda k: (-cands[k].p, k)):
        c = cands[k]
        # two contents a scorer would match to one attribution: the more probable one stands for both
        j = bisect.bisect_left(starts, c.end) - 1
        rival = False
        while j >= 0 and starts[j] >= c.start - longest and not rival:
            r = cands[by_start[j]]
            rival = by_start[j] in kept and r.end > c.start and token_f1(r.text, c.text) >= 0.5 and not _nested(r, c)
            j -= 1
        if not rival:
            kept.add(k)
    return [c for k, c in enumerate(cands) if k in kept]


def _nested(a: Candidate, b: Candidate) -> bool:
    """Whether one candidate's cue lies inside the other's content: a report relayed by another ("X said
    that ... , according to a statement": the statement's content holds X's report), two attributions."""
    return a.start <= b.frame.cue.start_char < a.end or b.start <= a.frame.cue.start_char < b.end


# ---------------------------------------------------------------- training

def _norm_tokens(s: str) -> list[str]:
    """Lower-cased word tokens, as the reference scorer compares contents."""
    return re.findall(r"\w+", s.lower())


def token_f1(a: str, b: str) -> float:
    """Token-multiset F1 between two texts (0.0 when either is empty)."""
    ta, tb = _norm_tokens(a), _norm_tokens(b)
    if not ta or not tb:
        return 0.0
    common: dict[str, int] = {}
    for t in ta:
        common[t] = common.get(t, 0) + 1
    hit = 0
    for t in tb:
        if common.get(t, 0) > 0:
            common[t] -= 1
            hit += 1
    if not hit:
        return 0.0
    p, r = hit / len(tb), hit / len(ta)
    return 2 * p * r / (p + r)


def gold_contents(ann_text: str, text: str) -> list[str]:
    """The content texts of a brat annotation's attributions (fragments joined by one space)."""
    return [" ".join(text[a:b] for a, b in segs) for segs in brat_role_spans(ann_text, "Content")]


def labelled_candidates(doc: Doc, golds: list[str], tagger: Optional[Path] = None,
                        stats: Optional[dict] = None) -> list[tuple[list[str], int]]:
    """(features, label) of every candidate of one parsed training article; ``stats`` (a dict), when
    given, receives the article's counts ``gold`` (attributions), ``quotes`` (quotation units of the
    quotation passes: records of one cue and one mention count once, as the reference scorer joins
    them) and ``quote_hits`` (gold contents one of them matches with token F1 >= 0.5).

    Runs the extractor's sieve up to the indirect pass (:func:`.quotes.indirect_candidates`, with the
    sequence tagger at path ``tagger``; None: none); a candidate is positive when its content is matched one-to-one (best token F1 first, at least 0.5,
    as the reference scorer matches) to a gold content that no attributed quotation matches.
    """
    from .places import toponyms
    from .quotes import _quotation_pass, _Sieve, indirect_candidates

    try:
        places = toponyms(doc)
    except (AttributeError, TypeError):  # a geocoder failure on an odd training article: no places
        places = []
    s = _Sieve(doc, places)
    _quotation_pass(s)
    done = [d["text"] for d in s.results]
    free = [g for g in golds if not any(token_f1(g, t) >= 0.5 for t in done)]
    if stats is not None:
        units = {(d.get("cue_start"), d.get("mention_start")) if d.get("cue_start") is not None or d.get("mention_start") is not None
                 else ("solo", d["start"]) for d in s.results}  # records of one cue and mention: one unit to the scorer
        stats.update(gold=len(golds), quotes=len(units), quote_hits=len(golds) - len(free))
    cands = indirect_candidates(s, tagger)
    featurize(cands, doc, s.in_quote, [(d["start"], d["end"]) for d in s.results])
    # one candidate per gold attribution, best match first (the scorer's one-to-one matching)
    pairs = sorted(((token_f1(g, c.text), gi, ci) for gi, g in enumerate(free) for ci, c in enumerate(cands)), key=lambda x: (-x[0], x[1], x[2]))
    used_g, pos = set(), set()
    for f1, gi, ci in pairs:
        if f1 < 0.5:
            break
        if gi not in used_g and ci not in pos:
            used_g.add(gi)
            pos.add(ci)
    return [(c.feats, int(ci in pos)) for ci, c in enumerate(cands)]


def fit_logistic(rows: list[tuple[list[str], int]], l2: float = L2, min_count: int = MIN_FEATURE_COUNT) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression on binary features (SciPy L-BFGS from zero; deterministic).

    Returns:
        tuple[float, dict[str, float]]: bias and weights of the features seen ``min_count`` times or more.
    """
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts: dict[str, int] = {}
    for feats, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(names)}
    ind, ptr = [], [0]
    for feats, _ in rows:
        ind.extend(sorted({index[f] for f in feats if f in index}))
        ptr.append(len(ind))
    X = csr_matrix((np.ones(len(ind)), ind, ptr), shape=(len(rows), len(names)))
    y = np.array([lab for _, lab in rows], dtype=float)

    def loss(w):
        z = X @ w[1:] + w[0]
        p = 1.0 / (1.0 + np.exp(-z))
        ll = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * np.dot(w[1:], w[1:])
        g = p - y
        return ll, np.concatenate(([g.sum()], X.T @ g + l2 * w[1:]))

    res = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    w = res.x
    return round(float(w[0]), 5), {f: round(float(w[k + 1]), 5) for k, f in enumerate(names) if abs(w[k + 1]) >= 1e-4}


def train_attribution(folder: Path, out: Path = MODEL_PATH, limit: Optional[int] = None, nlp=None, docs=None,
                      folds: int = TAGGER_FOLDS) -> AttributionModelFile:
    """``python -m components train attribution FOLDER``: parse the split, label the candidates,
    fit the model and write it to ``out`` (JSON). Returns the written model.

    The sequence tagger's candidates and scores (:mod:`.attribution_tagger`) are features too; so that
    they are as good on the training split as on unseen text, each article is tagged by a tagger
    trained on the other folds only (``folds`` folds by article index modulo ``folds``; 0 or 1: no
    tagger; stacking).

    Args:
        folder (Path): PolNeAR-style folder with ``text/`` and ``attributions/`` (the training split).
        out (Path): the model file to write.
        limit (int | None): read only the first ``limit`` articles (tests).
        nlp (Language | None): the pipeline (default :func:`components.nlp.load_nlp`).
        docs (list[Doc] | None): the articles already parsed, in the folder's order (skips parsing).
        folds (int): number of folds of the stacked tagger.

    Raises:
        GoldFormatError: the folder holds no annotated article, or no candidate was found.
    """
    from ..nlp import load_nlp
    from .cuelex import _first_annotations

    pairs = _first_annotations(Path(folder))[:limit]
    if not pairs:
        raise GoldFormatError(f"{folder}: no text/NAME.txt with attributions/NAME_*.ann")
    texts = [t.read_text(encoding="utf-8") for t, _ in pairs]
    anns = [a.read_text(encoding="utf-8") for _, a in pairs]
    golds = [gold_contents(a, txt) for a, txt in zip(anns, texts)]
    docs = list(docs) if docs is not None else list((nlp or load_nlp()).pipe(texts, batch_size=16))
    rows = stacked_rows(docs, anns, folds, lambda i, tagger: labelled_candidates(docs[i], golds[i], tagger))
    return write_model(rows, str(folder), len(pairs), out)


def stacked_rows(docs: list[Doc], anns: list[str], folds: int, rows_of) -> list:
    """Training rows of every article, each made with a sequence tagger that never saw it (stacking).

    Args:
        docs (list[Doc]): the parsed training articles.
        anns (list[str]): their brat annotations, in the same order.
        folds (int): article ``i`` goes to fold ``i % folds``; each fold's rows use a tagger trained on
            the other folds (:func:`.attribution_tagger.fit_tagger`); 0 or 1: no tagger.
        rows_of (Callable[[int, Path | None], list]): the rows of article ``i`` with the tagger at a path.

    Returns:
        list: the rows, fold by fold, articles in order within a fold.
    """
    import tempfile

    from .attribution_tagger import fit_tagger

    rows: list = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(max(1, folds)):
            model = None
            if folds > 1:
                model = Path(tmp) / f"fold{k}.crfsuite"
                fit_tagger(((d, a) for i, (d, a) in enumerate(zip(docs, anns)) if i % folds != k), model)
            for i in range(k, len(docs), max(1, folds)):
                rows.extend(rows_of(i, model))
    return rows


def write_model(rows: list[tuple[list[str], int]], source: str, articles: int, out: Path = MODEL_PATH) -> AttributionModelFile:
    """Fit :func:`fit_logistic` on ``rows`` and write the model file; returns it.

    Raises:
        GoldFormatError: ``rows`` is empty.
    """
    if not rows:
        raise GoldFormatError(f"{source}: no attribution candidate to train on")
    bias, weights = fit_logistic(rows)
    model = AttributionModelFile(
        source=source, articles=articles, candidates=len(rows), positives=sum(lab for _, lab in rows),
        built=_dt.date.today().isoformat(), l2=L2, bias=bias, weights=dict(sorted(weights.items())),
    )
    Path(out).write_text(json.dumps(model.model_dump(), indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    load_attribution_model.cache_clear()
    return model
