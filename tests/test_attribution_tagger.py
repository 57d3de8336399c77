"""Tests for components/extract/attribution_tagger.py: the Cue / Source / Content sequence tagger."""

from __future__ import annotations

import pytest

from components.errors import GoldFormatError
from components.extract.attribution_model import Candidate
from components.extract.attribution_tagger import (TAGGER_PATH, TaggedSentence, _sentence_frames, gold_labels,
                                                   load_tagger, merge_proposals, train_tagger)
from components.extract.frames import Frame


def _ann(text: str, attrs: list[tuple[str, str, str]]) -> str:
    """A brat annotation of ``text`` with one attribution per (source, cue, content) (first occurrences)."""
    lines, t = [], 0
    for e, roles in enumerate(attrs, 1):
        ids = []
        for label, s in zip(("Source", "Cue", "Content"), roles):
            t += 1
            a = text.index(s)
            lines.append(f"T{t}\t{label} {a} {a + len(s)}\t{s}")
            ids.append(f"T{t}")
        lines.append(f"E{e}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
    return "\n".join(lines) + "\n"


def test_tagger_gold_labels_nested_attribution_shorter_wins(nlp):
    """Test the IO labels read from brat: a nested attribution's source, cue and content overwrite the
    labels of the content that holds it."""
    text = "Mayor Ines Kolb said the ferry operator claims the route loses money."
    doc = nlp(text)
    ann = _ann(text, [("Mayor Ines Kolb", "said", "the ferry operator claims the route loses money"),
                      ("the ferry operator", "claims", "the route loses money")])
    assert list(zip([t.text for t in doc], gold_labels(doc, ann))) == [
        ("Mayor", "SRC"), ("Ines", "SRC"), ("Kolb", "SRC"), ("said", "CUE"), ("the", "SRC"), ("ferry", "SRC"),
        ("operator", "SRC"), ("claims", "CUE"), ("the", "CONT"), ("route", "CONT"), ("loses", "CONT"),
        ("money", "CONT"), (".", "O")]


def test_tagger_sentence_frames_decode_runs(nlp):
    """Test the decoding of one tagged sentence: a content run of three words or more with the cue
    run of its sentence and the nearest source run; the score is the mean marginal of the content
    and cue tokens; a two-word content run proposes nothing."""
    doc = nlp("The dock workers fear that the new cranes cost jobs, and ships wait.")
    sent = next(iter(doc.sents))
    labels = ["O", "SRC", "SRC", "CUE", "O", "CONT", "CONT", "CONT", "CONT", "CONT", "O", "O", "CONT", "CONT", "O"]
    cont = [0.0, 0.0, 0.0, 0.1, 0.4, 1.0, 1.0, 1.0, 1.0, 1.0, 0.1, 0.1, 0.5, 0.5, 0.0]
    cue = [0.0, 0.0, 0.0, 0.6, 0.2, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    out = _sentence_frames(TaggedSentence(sent, labels, {"CUE": cue, "SRC": [0.0] * 15, "CONT": cont}))
    assert len(out) == 1
    f = out[0].frame
    assert (f.cue.text, f.subject.text, doc.text[f.content[0]:f.content[1]], f.rule) == (
        "fear", "workers", "the new cranes cost jobs", "tagger")
    # "that" (label O, P(CONT) 0.4) joins the content run; the complementiser is trimmed from the content
    assert out[0].score == pytest.approx((0.4 + 5 * 1.0 + 0.6) / 7)


def _cand(doc, cue_i: int, a: int, b: int, rule: str = "tagger") -> Candidate:
    """A candidate over characters ``[a, b)`` of ``doc`` with the cue token ``cue_i``."""
    frame = Frame(doc[cue_i:cue_i + 1], doc[0], (a, b), kind="paraphrase", rule=rule)
    return Candidate(frame, a, b, doc.text[a:b], False)


def test_tagger_merge_proposals_twins_and_quotations(nlp):
    """Test the joining of the tagger's candidates: one that duplicates a rule candidate is dropped
    and gives it its score; one matching an attributed quotation is dropped; a new one keeps its
    own score; the order of the input is kept."""
    text = "Officials said the pier will close soon. Locals doubt the dredging plan works at all."
    doc = nlp(text)
    a1, b1 = text.index("the pier"), text.index(" soon") + 5
    a2, b2 = text.index("the dredging"), len(text) - 1
    rule = _cand(doc, 1, a1, b1, rule="clause")
    twin = _cand(doc, 1, text.index("pier"), b1)
    new = _cand(doc, 9, a2, b2)
    quoted = _cand(doc, 9, a2, b2)
    scores = {id(twin.frame): 0.7, id(new.frame): 0.95}
    out = merge_proposals([rule, twin, new], scores, [])
    assert out == [rule, new]
    assert (rule.tagger_p, new.tagger_p) == (0.7, 0.95)
    assert merge_proposals([quoted], {id(quoted.frame): 0.9}, [(a2, b2, text[a2:b2], None)]) == []


def test_tagger_missing_model_raises(tmp_path):
    """Test that a missing or broken model file is a clear error naming the file."""
    with pytest.raises(GoldFormatError, match="nothing.crfsuite"):
        load_tagger(tmp_path / "nothing.crfsuite")
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    with pytest.raises(GoldFormatError, match="bad.crfsuite"):
        load_tagger(bad)


def test_tagger_training_is_deterministic(tmp_path, nlp):
    """Test that training twice on invented articles, and the CLI command, write byte-identical models."""
    from components.cli import main

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    arts = [
        ("Port news\n\nHarbour master Tove Rask said the channel is too shallow for tankers.\n",
         [("Harbour master Tove Rask", "said", "the channel is too shallow for tankers")]),
        ("Rail news\n\nThe union warned that the night trains would stop in May. The line opened in 1902.\n",
         [("The union", "warned", "the night trains would stop in May")]),
    ]
    for k, (text, attrs) in enumerate(arts):
        (tmp_path / "text" / f"a{k}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "attributions" / f"a{k}_0001.ann").write_text(_ann(text, attrs), encoding="utf-8")
    info = train_tagger(tmp_path, out=tmp_path / "m1.crfsuite", nlp=nlp)
    train_tagger(tmp_path, out=tmp_path / "m2.crfsuite", nlp=nlp)
    assert (info["articles"], info["sentences"]) == (2, 5)
    assert (tmp_path / "m1.crfsuite").read_bytes() == (tmp_path / "m2.crfsuite").read_bytes()
    assert main(["train", "tagger", str(tmp_path), "--out", str(tmp_path / "m3.crfsuite")]) == 0
    assert (tmp_path / "m3.crfsuite").read_bytes() == (tmp_path / "m1.crfsuite").read_bytes()
    load_tagger.cache_clear()


def test_tagger_shipped_model_is_small():
    """Test that the shipped model exists and stays within the repository's artefact budget."""
    assert TAGGER_PATH.is_file()
    assert TAGGER_PATH.stat().st_size < 50_000_000


@pytest.mark.parametrize("text,expected", [
    # belief with a clause complement after a predicate adjective ("are convinced (that) ..."): no rule
    # frame, no lexicon candidate; the tagger's proposal is kept by the decider
    ("The villagers are convinced that the quarry has poisoned their wells.",
     [("indirect", "the quarry has poisoned their wells", "are convinced", "villagers")]),
    ("Local fishermen are convinced the new harbour wall has driven the cod away.",
     [("indirect", "the new harbour wall has driven the cod away", "are convinced", "Local fishermen")]),
    # a finding of objects is no attribution: nothing proposed or kept
    ("The patrol found a rocket launcher hidden under the bridge near the market.", []),
])
def test_tagger_proposals_reach_the_output(extract_text, text, expected):
    """Test attributions only the sequence tagger proposes, end to end (exact kind, content, cue, speaker)."""
    ex = extract_text(text)
    assert [(q.kind, q.text, q.cue, q.speaker) for q in ex.quotes] == expected


def _reference_features(doc) -> list[list[str]]:
    """The tagger's features of every token of ``doc`` spelt out from spaCy's Token attributes, token
    by token (the definition in the module docstring), for comparison with the column-based code."""
    from components.extract.cuelex import CUE_POS, cue_table
    from components.extract.quotemarks import quote_spans

    table = cue_table()
    quotes = [(q.open_mark, q.outer_end) for q in quote_spans(doc.text)]

    def rel(t):
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            key = ("according to", "ADP")
        else:
            cp = CUE_POS.get(t.pos_)
            key = None if cp in (None, "ADP") else (t.lemma_.lower(), cp)
        hit = table.get((key[0], key[1], "any")) if key else None
        return -1 if hit is None else min(9, int(hit[1] * 10))

    def ancestor(t):
        child, cur = t, t
        for _ in range(8):
            if rel(cur) >= 1:
                dep = "self" if cur is t or cur.i == t.i else child.dep_
                return "%d|%s|%s" % (rel(cur), dep, "b" if t.i < cur.i else "a")
            if cur.head.i == cur.i:
                break
            child, cur = cur, cur.head
        return "none"

    out = []
    for sent in doc.sents:
        for t in sent:
            inq = int(any(a <= t.idx < b for a, b in quotes))
            f = [f"w={t.lower_}", f"l={t.lemma_.lower()}", f"p={t.pos_}", f"t={t.tag_}", f"d={t.dep_}",
                 f"dh={t.dep_}|{t.head.pos_}", f"hl={t.head.lemma_.lower()}", f"e={t.ent_type_ or '-'}",
                 f"s={t.shape_[:4]}", f"q={inq}", f"r={rel(t)}", f"hr={t.dep_}|{rel(t.head)}", f"a={ancestor(t)}",
                 f"sp={min(t.i - sent.start, 4)}", f"se={min(sent.end - 1 - t.i, 4)}"]
            for off in (-2, -1, 1, 2):
                j = t.i + off
                if sent.start <= j < sent.end:
                    u = doc[j]
                    uq = int(any(a <= u.idx < b for a, b in quotes))
                    f += [f"{off:+d}:w={u.lower_}", f"{off:+d}:p={u.pos_}", f"{off:+d}:d={u.dep_}",
                          f"{off:+d}:q={uq}", f"{off:+d}:r={rel(u)}"]
                else:
                    f.append(f"{off:+d}:pad")
            out.append(f)
    return out


def test_tagger_features_match_their_token_by_token_definition(nlp):
    """Test the CRF features built from the token columns (feature strings made once per distinct
    value, as UTF-8 bytes) against the same features spelt out from each Token: equal for every token of an invented
    article with a quotation, a relative clause and an "according to" cue; and the features of the
    cue word itself."""
    from components.extract.attribution_tagger import doc_sequences

    text = ('Harbour officials said the pier would reopen in May. "The cranes are old," a foreman added.\n'
            'According to the port authority, which owns the docks, repairs cost more than planned.')
    doc = nlp(text)
    raw = [f for _, feats in doc_sequences(doc) for f in feats]
    assert all(isinstance(x, bytes) for f in raw for x in f)  # UTF-8, as CRFsuite reads them
    got = [[x.decode() for x in f] for f in raw]
    assert got == _reference_features(doc)
    said = got[2]
    assert said[:10] == ["w=said", "l=say", "p=VERB", "t=VBD", "d=ROOT", "dh=ROOT|VERB", "hl=say", "e=-", "s=xxxx", "q=0"]
    assert said[13:15] == ["sp=2", "se=4"] and len(said) == 35
    assert [f for f in said if f[:4] in ("-2:w", "-1:d", "+1:p", "+2:w")] == [
        "-2:w=harbour", "-1:d=nsubj", "+1:p=DET", "+2:w=pier"]
    assert got[0][15:17] == ["-2:pad", "-1:pad"] and len(got[0]) == 27
    inside = [f[0] for f in got if "q=1" in f]
    assert inside == ['w="', "w=the", "w=cranes", "w=are", "w=old", "w=,", 'w="']


def test_tagger_quote_flags_count_the_last_opener(monkeypatch):
    """Test the quotation state of tokens: 1 from a quotation's opening mark to its closing mark;
    where one quotation range lies inside another the tokens after the inner one's end are counted by
    the inner one (the last opener before them), as a bisection of the openers gives."""
    from types import SimpleNamespace

    from components.extract import attribution_tagger as at

    doc = SimpleNamespace(user_data={"newsx_text": "x"})
    offsets = [0, 5, 10, 15, 20, 25, 30, 35, 40]
    ranges = [(10, 32), (15, 21), (40, 41)]
    monkeypatch.setattr(at, "quote_spans", lambda text: [SimpleNamespace(open_mark=a, outer_end=b) for a, b in ranges])
    assert at._quote_flags(doc, offsets) == [0, 0, 1, 1, 1, 0, 0, 0, 1]
    ranges = []
    assert at._quote_flags(doc, offsets) == [0] * 9
