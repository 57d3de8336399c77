"""The learned attribution proposer: a CRF sequence tagger for Cue / Source / Content.

Method (the classic approach to PARC-style attribution, e.g. Pareti 2016): one linear-chain
conditional random field (CRFsuite via ``python-crfsuite``, L-BFGS with L1 + L2 penalties) tags every
token of a sentence ``O``, ``CUE``, ``SRC`` or ``CONT`` (IO scheme; a run of one label is a span).
Features (:func:`sentence_features`) come from en_core_web_sm's analysis: word, lemma, part of
speech, dependency relation, head lemma, entity type, word shape, quotation-mark state
(:func:`.quotemarks.quote_spans`), the token's own cue reliability and that of the nearest cue
ancestor in the parse tree from the learned cue lexicon (:mod:`.cuelex`; with the dependency under
which the token hangs from it and its side), the position in the sentence, and the same for the
neighbouring tokens (window of two).

Training (:func:`train_tagger`, ``python -m components train tagger FOLDER``): PolNeAR's training
split, first annotator, one sequence per sentence; where attributions nest (a content holding
another attribution) the shorter one's labels win. Deterministic: sorted input, L-BFGS from zero.

Use (:func:`tagger_frames`): each content run (tokens labelled ``CONT`` on the Viterbi path or with
a marginal probability of it of at least :data:`RUN_MIN_MARGINAL`) of three words or more, with a cue
run in its sentence, becomes a paraphrase :class:`.frames.Frame` (``rule="tagger"``) whose source is
the predicted source run nearest the cue (else the cue's syntactic subject), scored by the mean
marginal probability of its content and cue labels. These are candidates only: the one deciding
place, :func:`.attribution_model.decide_attributions`, scores them with the other candidates by the
logistic regression (the tagger's score, and its agreement with a rule candidate, are features
there; trained on tagger output for articles the tagger never saw, ``train attribution`` with two
folds) and keeps them at :attr:`.frames.CueSettings.tagger_threshold`.
"""

from __future__ import annotations

import bisect
import functools
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from spacy.attrs import DEP, SHAPE, TAG
from spacy.tokens import Doc, Span, Token

from ..errors import GoldFormatError
from ..nlp import doc_text, token_column, token_heads, token_lemmas, token_lowers
from .attribution_model import token_f1
from .cuelex import CUE_POS, brat_role_spans, cue_table
from .frames import Frame, span_chars, subject_of
from .quotemarks import quote_spans

TAGGER_PATH = Path(__file__).with_name("attribution_tagger.crfsuite")
LABELS = ("O", "CUE", "SRC", "CONT")
# CRFsuite training parameters (L-BFGS): L1 prunes rare features (small model file), L2 smooths
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 120, "feature.possible_transitions": True}
# a token joins a run of a label it did not get in the Viterbi path when its marginal probability of
# that label reaches this (proposals beyond the single best path; the decider weighs their scores)
RUN_MIN_MARGINAL = 0.3
# how far up the parse tree a token looks for the cue that governs it
ANCESTOR_DEPTH = 8
# a word is a cue ancestor when the lexicon gives it at least this reliability (any shape)
ANCESTOR_MIN_RELIABILITY = 0.15


def _quote_flags(doc: Doc, offsets: list[int] | None = None) -> list[int]:
    """Per token: 1 when it lies inside a quotation (marks included; :func:`.quotemarks.quote_spans`),
    else 0; a token inside two quotations counts by the one that opens last before it. ``offsets``:
    the tokens' character offsets, ascending, when the caller has them (else read from ``doc``).
    The token ranges are found by bisection of the offsets, one per quotation."""
    ranges = sorted((q.open_mark, q.outer_end) for q in quote_spans(doc_text(doc)))
    offsets = offsets if offsets is not None else token_column(doc, "idx")
    out = [0] * len(offsets)
    for k, (start, end) in enumerate(ranges):
        nxt = ranges[k + 1][0] if k + 1 < len(ranges) else None
        if nxt == start:
            continue  # a later quotation opens at the same mark: the token's last opener is that one
        stop = end if nxt is None else min(end, nxt)
        lo, hi = bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, stop)
        out[lo:hi] = [1] * (hi - lo)
    return out


# the token attributes :class:`_Columns` reads with one ``Doc.to_array`` call, besides the word,
# lemma, POS, entity, offset and head columns the stages share (:func:`components.nlp.token_column`,
# :func:`components.nlp.token_heads`)
_COLUMN_ATTRS = (TAG, DEP, SHAPE)


def _forms(feat: str) -> tuple[bytes, ...]:
    """``feat`` and its window forms, UTF-8 encoded (:func:`sentence_features`): ``(b"w=x", b"-2:w=x",
    b"-1:w=x", b"+1:w=x", b"+2:w=x")``."""
    return tuple(f.encode() for f in (feat,) + tuple(p + feat for p in _WINDOW_PREFIX))


# Per attribute, what :class:`_Columns` keeps of a string-store id (a hash, or a symbol for POS and
# dependency labels): the decoded string and the feature strings made from it (UTF-8 bytes, as
# CRFsuite reads them: see :func:`sentence_features`).
_FORM_BUILDERS = {
    "str": lambda x: x,
    "low": lambda w: _forms("w=" + w),
    "lem": lambda x: (("l=" + x.lower()).encode(), ("hl=" + x.lower()).encode()),
    "pos": lambda p: _forms("p=" + p),
    "tag": lambda t: ("t=" + t).encode(),
    "dep": lambda d: _forms("d=" + d),
    "ent": lambda e: ("e=" + (e or "-")).encode(),
    "shape": lambda x: ("s=" + x[:4]).encode(),
}
# their values per id, kept for the process (ids are stable within it; common words recur in every
# article); a table is emptied when it outgrows :data:`_FORM_CACHE_MAX` entries
_FORM_CACHE: dict[str, dict[int, object]] = {k: {} for k in _FORM_BUILDERS}
_FORM_CACHE_MAX = 200_000


def _form_column(ids: list[int], kind: str, strings) -> list:
    """Per token, the :data:`_FORM_BUILDERS` value ``kind`` of its id in ``ids`` (one attribute
    column), each id new to the process decoded from ``strings`` (the vocabulary's StringStore) once."""
    cache = _FORM_CACHE[kind]
    new = set(ids).difference(cache)
    if new:
        if len(cache) + len(new) > _FORM_CACHE_MAX:
            cache.clear()
            new = set(ids)
        build = _FORM_BUILDERS[kind]
        for h in new:
            cache[h] = build(strings[h])
    return list(map(cache.__getitem__, ids))


def _rel_bins(low: list[str], lem: list[str], pos: list[str]) -> list[int]:
    """Cue reliability of every token from the learned lexicon (:func:`.cuelex.cue_table`, any
    shape) in tenths, -1 for a word the lexicon lacks; from the columns (lower-case word, lower-case
    lemma, POS) with the key of :func:`.cuelex.cue_key` ("according" before "to" is "according to"),
    each distinct key looked up once."""
    table, memo, out = cue_table(), {}, []
    n = len(low)
    for i in range(n):
        if low[i] == "according" and i + 1 < n and low[i + 1] == "to":
            key = ("according to", "ADP")
        else:
            cp = CUE_POS.get(pos[i])
            key = None if cp is None or cp == "ADP" else (lem[i], cp)
        b = memo.get(key, -2)
        if b == -2:
            hit = None if key is None else table.get((key[0], key[1], "any"))
            b = memo[key] = -1 if hit is None else min(9, int(hit[1] * 10))
        out.append(b)
    return out


class _Columns:
    """The token attributes the features read, fetched once per article with one ``Doc.to_array``
    (spaCy attribute access builds a Token object per access and was the tagger's main cost): per
    token index, word, lemma, POS, dependency, head index, quotation state and cue reliability bin
    (:func:`_rel_bins`), and the feature strings of word, lemma, POS, tag, dependency, entity type
    and shape (``f_*``: :data:`_FORM_BUILDERS`), made once per distinct value in the process rather
    than once per token (:func:`_form_column`)."""

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        tag, dep, shape = doc.to_array(list(_COLUMN_ATTRS)).T.tolist() if len(doc) else [[] for _ in _COLUMN_ATTRS]
        low, lem, pos, ent = (token_column(doc, a) for a in ("lower", "lemma", "pos", "ent_type"))
        self.low, self.lem = token_lowers(doc), token_lemmas(doc)
        self.pos, self.dep = _form_column(pos, "str", strings), _form_column(dep, "str", strings)
        self.f_low, self.f_lem, self.f_pos, self.f_dep, self.f_tag, self.f_ent, self.f_shape = (
            _form_column(c, k, strings) for c, k in ((low, "low"), (lem, "lem"), (pos, "pos"), (dep, "dep"), (tag, "tag"),
                                                    (ent, "ent"), (shape, "shape")))
        self.head = token_heads(doc)
        self.rel = _rel_bins(self.low, self.lem, self.pos)
        self.inq = _quote_flags(doc, token_column(doc, "idx"))
        self._memo: dict = {}  # ("dh" | "hr", ...) -> feature string, per article


def _ancestor_cue(i: int, col: _Columns) -> str:
    """``bin|dep|side`` of the nearest ancestor of token ``i`` (itself included) that the lexicon
    calls a cue: its reliability bin, the relation of the child on the path (``self`` for the cue
    itself) and whether token ``i`` lies before or after it; ``none`` without one."""
    child, cur = i, i
    floor = int(ANCESTOR_MIN_RELIABILITY * 10)
    for _ in range(ANCESTOR_DEPTH):
        if col.rel[cur] >= floor:
            dep = "self" if cur == i else col.dep[child]
            return "%d|%s|%s" % (col.rel[cur], dep, "b" if i < cur else "a")
        if col.head[cur] == cur:
            break
        child, cur = cur, col.head[cur]
    return "none"


# the window of :func:`sentence_features`: offsets, their feature prefixes and the padding features
_WINDOW = (-2, -1, 1, 2)
_WINDOW_PREFIX = tuple("%+d:" % off for off in _WINDOW)
_WINDOW_PAD = tuple((p + "pad").encode() for p in _WINDOW_PREFIX)
# the features of the small value sets: quotation state (0, 1), reliability bin (-1 to 9; index -1
# is -1), position from the sentence start and end (0 to 4)
_Q_FORMS = tuple(_forms("q=%d" % v) for v in range(2))
_R_FORMS = tuple(_forms("r=%d" % v) for v in range(10)) + (_forms("r=-1"),)
_SP = tuple(b"sp=%d" % v for v in range(5))
_SE = tuple(b"se=%d" % v for v in range(5))
# "a=" + :func:`_ancestor_cue`'s value -> its feature, for the process (a few hundred values)
_ANCESTOR_FORMS: dict[str, bytes] = {}


def sentence_features(sent: Span, col: _Columns) -> list[list[bytes]]:
    """CRFsuite feature strings (UTF-8 bytes, which CRFsuite takes as they are: a ``str`` is encoded
    anew on every call, and these 35 per token recur from one article to the next) of each token of ``sent``: its own (word, lemma, POS, tag, dependency,
    dependency with the head's POS, head lemma, entity type, shape, quotation state, cue reliability,
    dependency with the head's reliability, cue ancestor (:func:`_ancestor_cue`), position from the
    sentence start and end, at most 4) and the word, part of speech, dependency, quotation state and
    cue reliability of the tokens up to two before and after (``-2:w=...`` to ``+2:r=...``;
    ``-2:pad`` beyond the sentence).

    Args:
        sent (Span): a sentence of the parsed article.
        col (_Columns): the article's token attributes.

    Returns:
        list[list[bytes]]: one feature list per token, in order.
    """
    a, b = sent.start, sent.end
    fw, fl, fp, fd, inq, rel = col.f_low, col.f_lem, col.f_pos, col.f_dep, col.inq, col.rel
    ft, fe, fs, heads, deps, pos, memo = col.f_tag, col.f_ent, col.f_shape, col.head, col.dep, col.pos, col._memo
    # each token's window features under each offset (index 1 to 4 of its forms), in _WINDOW order
    win = []
    for j in range(a, b):
        w, p, d, q, r = fw[j], fp[j], fd[j], _Q_FORMS[inq[j]], _R_FORMS[rel[j]]
        win.append(((w[1], p[1], d[1], q[1], r[1]), (w[2], p[2], d[2], q[2], r[2]),
                    (w[3], p[3], d[3], q[3], r[3]), (w[4], p[4], d[4], q[4], r[4])))
    n, out = b - a, []
    for k in range(n):
        i = a + k
        h, dep = heads[i], deps[i]
        dh = memo.get(("dh", dep, pos[h]))
        if dh is None:
            dh = memo["dh", dep, pos[h]] = ("dh=" + dep + "|" + pos[h]).encode()
        hr = memo.get(("hr", dep, rel[h]))
        if hr is None:
            hr = memo["hr", dep, rel[h]] = ("hr=" + dep + "|" + str(rel[h])).encode()
        anc = _ancestor_cue(i, col)
        fa = _ANCESTOR_FORMS.get(anc)
        if fa is None:
            fa = _ANCESTOR_FORMS[anc] = ("a=" + anc).encode()
        feats = [fw[i][0], fl[i][0], fp[i][0], ft[i], fd[i][0], dh, fl[h][1], fe[i], fs[i], _Q_FORMS[inq[i]][0],
                 _R_FORMS[rel[i]][0], hr, fa, _SP[min(k, 4)], _SE[min(n - 1 - k, 4)]]
        feats += win[k - 2][0] if k >= 2 else _PAD_BEFORE2
        feats += win[k - 1][1] if k >= 1 else _PAD_BEFORE1
        feats += win[k + 1][2] if k + 1 < n else _PAD_AFTER1
        feats += win[k + 2][3] if k + 2 < n else _PAD_AFTER2
        out.append(feats)
    return out


_PAD_BEFORE2, _PAD_BEFORE1, _PAD_AFTER1, _PAD_AFTER2 = ((p,) for p in _WINDOW_PAD)


def doc_sequences(doc: Doc) -> list[tuple[Span, list[list[str]]]]:
    """(sentence, features) of every sentence of ``doc`` (:func:`sentence_features`)."""
    col = _Columns(doc)
    return [(s, sentence_features(s, col)) for s in doc.sents]


def gold_labels(doc: Doc, ann_text: str) -> list[str]:
    """Per token of ``doc``: its label (:data:`LABELS`) in a brat annotation; nested attributions:
    the shorter attribution's labels win (written last)."""
    labels = ["O"] * len(doc)
    starts = [t.idx for t in doc]
    roles = {"Cue": "CUE", "Source": "SRC", "Content": "CONT"}
    units = []
    for role, lab in roles.items():
        for segs in brat_role_spans(ann_text, role):
            units.append((sum(b - a for a, b in segs), lab, segs))
    # longest first, so that the spans of nested (shorter) attributions overwrite their holder's
    for _, lab, segs in sorted(units, key=lambda u: (-u[0], u[1], u[2])):
        for a, b in segs:
            for i in range(max(0, bisect.bisect_right(starts, a) - 1), bisect.bisect_left(starts, b)):
                tok = doc[i]
                if tok.idx < b and tok.idx + len(tok) > a and not tok.is_space:
                    labels[i] = lab
    return labels


@functools.lru_cache(maxsize=4)
def load_tagger(path: Path = TAGGER_PATH):
    """The trained CRFsuite tagger (cached; ``pycrfsuite.Tagger``).

    Raises:
        GoldFormatError: the model file is missing or not a CRFsuite model.
    """
    import pycrfsuite

    if not Path(path).is_file():
        raise GoldFormatError(f"{path}: no attribution tagger (run python -m components train tagger FOLDER)")
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(path))
    except (OSError, ValueError) as exc:
        raise GoldFormatError(f"{path}: not a CRFsuite model ({exc})") from exc
    return tagger


@dataclass
class TaggedSentence:
    """The tagger's output for one sentence: Viterbi labels and, per label of :data:`LABELS`, each
    token's marginal probability of that label."""

    sent: Span
    labels: list[str]
    probs: dict[str, list[float]]


def tag_doc(doc: Doc, path: Path = TAGGER_PATH) -> list[TaggedSentence]:
    """Tag the sentences of ``doc`` with the CRF (:func:`load_tagger`): Viterbi labels and the
    marginal probabilities (in [0, 1]) of every label at every token. Only sentences with a word
    outside quotation marks that the cue lexicon gives reliability >= :data:`ANCESTOR_MIN_RELIABILITY`
    are tagged (the others, 44 % of the sentences of polnear-dev, almost never hold a proposal).

    Raises:
        GoldFormatError: the model file is missing or invalid.
    """
    tagger = load_tagger(path)
    col = _Columns(doc)
    floor = int(ANCESTOR_MIN_RELIABILITY * 10)
    out = []
    cue_out = [r >= floor and not q for r, q in zip(col.rel, col.inq)]  # a lexicon cue word outside quotation marks
    for sent in doc.sents:
        if not any(cue_out[sent.start : sent.end]):
            continue  # no cue word of the lexicon outside quotation marks: nothing to propose (speed)
        feats = sentence_features(sent, col)
        labels = tagger.tag(feats)
        probs = {y: [tagger.marginal(y, k) for k in range(len(labels))] for y in LABELS[1:]}
        out.append(TaggedSentence(sent, labels, probs))
    return out


def _runs(ts: TaggedSentence, label: str) -> list[tuple[int, int]]:
    """Runs ``[i, j)`` (sentence-relative token indices) of tokens that have ``label`` in the Viterbi
    path or a marginal probability of it of at least :data:`RUN_MIN_MARGINAL`."""
    out, start = [], None
    probs = ts.probs[label] + [0.0]
    for k, y in enumerate(ts.labels + ["O"]):
        hit = y == label or probs[k] >= RUN_MIN_MARGINAL
        if hit and start is None:
            start = k
        elif not hit and start is not None:
            out.append((start, k))
            start = None
    return out


@dataclass
class TaggerFrame:
    """A proposal of the tagger: the frame and its score (mean marginal of content and cue labels)."""

    frame: Frame
    score: float


def _nearest(runs: list[tuple[int, int]], a: int, b: int) -> Optional[tuple[int, int]]:
    """The run closest to token range ``[a, b)`` (gap in tokens; earlier on a tie)."""
    def gap(r):
        return max(0, r[0] - b, a - r[1])
    return min(runs, key=lambda r: (gap(r), r[0]), default=None)


def _sentence_frames(ts: TaggedSentence) -> list[TaggerFrame]:
    """The proposals of one tagged sentence: each content run of 3+ words with a cue run."""
    sent, doc, out = ts.sent, ts.sent.doc, []
    cues, srcs = _runs(ts, "CUE"), _runs(ts, "SRC")
    for a, b in _runs(ts, "CONT"):
        toks = [t for t in sent[a:b] if not t.is_punct]
        cue = _nearest(cues, a, b)
        if len(toks) < 3 or cue is None:
            continue
        content = span_chars(list(sent[a:b]))
        cue_span = doc[sent.start + cue[0] : sent.start + cue[1]]
        subject = _source_of(sent, _nearest(srcs, *cue), (a, b), cue_span)
        if content is None or subject is None:
            continue
        marg = ts.probs["CONT"][a:b] + ts.probs["CUE"][cue[0] : cue[1]]
        frame = Frame(cue_span, subject, content, kind="paraphrase", rule="tagger")
        out.append(TaggerFrame(frame, sum(marg) / len(marg)))
    return out


def _source_of(sent: Span, src: Optional[tuple[int, int]], cont: tuple[int, int], cue: Span) -> Optional[Token]:
    """The source token of a proposal: the cue's syntactic subject (:func:`.frames.subject_of`) when there is
    no source run or the run holds it ("..., local authorities said": the tagger may run one source label
    over the content and the source), else the root of the source run's words outside the content run
    (sentence-relative token ranges ``src`` and ``cont``); None when the run lies inside the content."""
    syntactic = subject_of(cue.root)
    if src is None or syntactic is not None and sent.start + src[0] <= syntactic.i < sent.start + src[1]:
        return syntactic
    keep = [k for k in range(*src) if not cont[0] <= k < cont[1]]
    if not keep:
        return None
    return sent[keep[0] : keep[-1] + 1].root


def token_marginals(doc: Doc, tagged: list[TaggedSentence]) -> dict[str, list[Optional[float]]]:
    """Per label ``CUE``, ``SRC``, ``CONT``: each token's marginal probability of it in the tagged
    sentences ``tagged`` (:func:`tag_doc`), None for a token of a sentence that was not tagged."""
    out: dict[str, list[Optional[float]]] = {y: [None] * len(doc) for y in LABELS[1:]}
    for ts in tagged:
        for y in LABELS[1:]:
            out[y][ts.sent.start : ts.sent.end] = ts.probs[y]
    return out


def frames_of(tagged: list[TaggedSentence]) -> list[TaggerFrame]:
    """The proposals of the tagged sentences ``tagged`` (:func:`tag_doc`), in text order."""
    return [f for ts in tagged for f in _sentence_frames(ts)]


def tagger_frames(doc: Doc, path: Path = TAGGER_PATH) -> list[TaggerFrame]:
    """The tagger's attribution proposals for ``doc`` (:func:`tag_doc`), in text order.

    Returns:
        list[TaggerFrame]: paraphrase frames (``rule="tagger"``; cue = the predicted cue run, subject =
        root of the nearest predicted source run or the cue's syntactic subject, content = character
        range of the predicted content run) with their score in [0, 1].

    Raises:
        GoldFormatError: the model file is missing or invalid.
    """
    return frames_of(tag_doc(doc, path))


def fit_tagger(items, out: Path) -> dict:
    """Train the CRF (:data:`CRF_PARAMS`) on parsed, annotated articles and write it to ``out``.

    Args:
        items (Iterable[tuple[Doc, str]]): (parsed article, its brat annotation text), in a fixed order.
        out (Path): the model file to write (CRFsuite binary format).

    Returns:
        dict: ``sentences``, ``tokens``.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n_sent = n_tok = 0
    for doc, ann in items:
        labels = gold_labels(doc, ann)
        for sent, feats in doc_sequences(doc):
            trainer.append(feats, labels[sent.start : sent.end])
            n_sent, n_tok = n_sent + 1, n_tok + len(sent)
    trainer.set_params(CRF_PARAMS)
    trainer.train(str(out))
    load_tagger.cache_clear()
    return {"sentences": n_sent, "tokens": n_tok}


def train_tagger(folder: Path, out: Path = TAGGER_PATH, limit: Optional[int] = None, nlp=None, docs=None) -> dict:
    """``python -m components train tagger FOLDER``: parse the split, label each sentence
    (:func:`gold_labels`), train the CRF (:func:`fit_tagger`) and write it to ``out``.

    Args:
        folder (Path): PolNeAR-style folder with ``text/`` and ``attributions/`` (the training split).
        out (Path): the model file to write (CRFsuite binary format).
        limit (int | None): read only the first ``limit`` articles (tests).
        nlp (Language | None): the pipeline (default :func:`components.nlp.load_nlp`).
        docs (list[Doc] | None): the articles already parsed, in the folder's order (skips parsing).

    Returns:
        dict: ``articles``, ``sentences``, ``tokens``, ``seconds``.

    Raises:
        GoldFormatError: the folder holds no annotated article.
    """
    from ..nlp import load_nlp
    from .cuelex import _first_annotations

    t0 = time.perf_counter()
    pairs = _first_annotations(Path(folder))[:limit]
    if not pairs:
        raise GoldFormatError(f"{folder}: no text/NAME.txt with attributions/NAME_*.ann")
    if docs is None:
        nlp = nlp or load_nlp()
        docs = nlp.pipe((t.read_text(encoding="utf-8") for t, _ in pairs), batch_size=16)
    info = fit_tagger(((doc, ann.read_text(encoding="utf-8")) for (_, ann), doc in zip(pairs, docs)), out)
    return {"articles": len(pairs), **info, "seconds": round(time.perf_counter() - t0, 1)}


def merge_proposals(cands: list, scores: dict[int, float], done: list[tuple[int, int, str, Optional[int]]]) -> list:
    """Join the tagger's candidates to the others before the decision.

    A tagger candidate (its frame's ``id`` in ``scores``) is dropped when an attributed quotation
    has its cue, or a content that overlaps its own with token F1 >= 0.5 (what the scorer would match
    to one attribution); and when another candidate has its cue or such a content: that candidate
    gets the tagger's agreement score in ``tagger_p``. The others keep their own score in
    ``tagger_p``.

    Args:
        cands (list[Candidate]): all candidates, the tagger's included, in any order.
        scores (dict[int, float]): ``id(frame)`` -> tagger score of the tagger's frames.
        done (list[tuple[int, int, str, int | None]]): (start, end, text, cue start) of the
            quotations already attributed.

    Returns:
        list[Candidate]: the candidates kept, in input order.
    """
    others = [c for c in cands if id(c.frame) not in scores]
    out = list(others)
    for c in cands:
        p = scores.get(id(c.frame))
        if p is None or any(_same_attribution(c, a, b, t, cue) for a, b, t, cue in done):
            continue
        twins = [o for o in others if _same_attribution(c, o.start, o.end, o.text, o.frame.cue.start_char)]
        for o in twins:
            o.tagger_p = max(o.tagger_p or 0.0, p)
        if not twins:
            c.tagger_p = p
            out.append(c)
    order = {id(c): k for k, c in enumerate(cands)}
    return sorted(out, key=lambda c: order[id(c)])


def _same_attribution(c, a: int, b: int, text: str, cue_start: Optional[int]) -> bool:
    """Whether candidate ``c`` and a record with content ``[a, b)`` / ``text`` and cue at ``cue_start``
    are one attribution to the scorer: the same cue (records of one cue are joined into one unit), or
    overlapping contents with token F1 >= 0.5."""
    if cue_start is not None and c.frame.cue.start_char <= cue_start < c.frame.cue.end_char:
        return True
    return a < c.end and c.start < b and token_f1(text, c.text) >= 0.5
