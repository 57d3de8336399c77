"""Tests for components/extract/attribution_model.py: the learned indirect-attribution decider."""

from __future__ import annotations

import json
import math

import pytest

from components.errors import GoldFormatError
from components.extract.attribution_model import (MODEL_PATH, AttributionModel, AttributionModelFile, gold_contents,
                                                  load_attribution_model, token_f1, train_attribution)

# invented training articles (brat stand-off as PolNeAR): (text, [(source, cue, content)])
_FIXTURE = [
    ("Harbour plan\n\nMayor Lina Voss said that the harbour would reopen in June. The council approved the budget. "
     "Fisherman Karl Ebb believes the new quay is too small for trawlers.\n",
     [("Mayor Lina Voss", "said", "the harbour would reopen in June"),
      ("Fisherman Karl Ebb", "believes", "the new quay is too small for trawlers")]),
    ("Bridge repairs\n\nEngineers closed the old bridge on Monday. The council also announced a new ferry timetable. Transport chief Ada Holm warned that repairs "
     "could last a year. According to the ministry, traffic will move to the ferry.\n",
     [("Transport chief Ada Holm", "warned", "repairs could last a year"),
      ("the ministry", "According to", "traffic will move to the ferry")]),
    ("School meals\n\nThe union opposes the plan to cut school meals. Parents collected signatures at the gates and cited the rising cost of food. "
     "Teacher Jo Lund is confident that the plan will fail.\n",
     [("The union", "opposes", "the plan to cut school meals"),
      ("Teacher Jo Lund", "confident", "the plan will fail")]),
]

# the fixture's candidates: six annotated attributions (positive) and two unannotated cue verbs with an
# object ("announced a new ferry timetable", "cited the rising cost of food"; negative)
CANDIDATES, POSITIVES = 8, 6


def _write_fixture(folder):
    """Write the invented articles as ``text/`` + ``attributions/`` (one annotator each)."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for k, (text, attrs) in enumerate(_FIXTURE):
        lines, t = [], 0
        for e, (src, cue, content) in enumerate(attrs, 1):
            ids = []
            for label, s in (("Source", src), ("Cue", cue), ("Content", content)):
                t += 1
                a = text.index(s)
                lines.append(f"T{t}\t{label} {a} {a + len(s)}\t{s}")
                ids.append(f"T{t}")
            lines.append(f"E{e}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
        (folder / "text" / f"art{k}.txt").write_text(text, encoding="utf-8")
        (folder / "attributions" / f"art{k}_0001.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_attribution_model_shipped_file_loads_and_validates():
    """Test that the shipped model validates, records its training split and carries weights."""
    data = AttributionModelFile.model_validate_json(MODEL_PATH.read_text(encoding="utf-8"))
    assert data.source.endswith("polnear-train")
    assert data.articles == 840
    assert 0 < data.positives < data.candidates
    assert len(data.weights) > 1000
    model = load_attribution_model()
    assert model.bias == data.bias
    assert model.weights == data.weights
    assert MODEL_PATH.stat().st_size < 1_000_000


def test_attribution_model_invalid_file_raises(tmp_path):
    """Test that a model file without weights is refused with a clear error naming the file."""
    bad = tmp_path / "model.json"
    bad.write_text(json.dumps({"source": "x", "articles": 1, "candidates": 1, "positives": 0, "built": "d", "l2": 1.0, "bias": 0.0}))
    with pytest.raises(GoldFormatError, match="model.json"):
        load_attribution_model(bad)


def test_attribution_model_probability_is_logistic_of_summed_weights():
    """Test p = sigmoid(bias + sum of the present features' weights); unknown features weigh nothing."""
    m = AttributionModel(bias=-1.0, weights={"a": 2.0, "b": 0.5})
    assert m.probability(["a", "b", "zzz"]) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert m.probability([]) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_attribution_model_token_f1_and_gold_contents():
    """Test the scorer-style token F1 and the reading of brat Content spans (discontinuous ones joined)."""
    assert token_f1("the plan will fail", "The plan will fail.") == 1.0
    assert token_f1("a b c d", "a b") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert token_f1("", "a") == 0.0
    text = "Ann said the dam, she added, was safe."
    ann = "T1\tContent 9 16;29 37\tx\nT2\tCue 4 8\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"
    assert gold_contents(ann, text) == ["the dam was safe"]


def test_attribution_model_training_is_deterministic(tmp_path, nlp):
    """Test that training twice on an invented fixture writes the same model, with the candidates
    labelled by their gold contents, and that the CLI command trains the same way."""
    from components.cli import main

    _write_fixture(tmp_path / "split")
    a = train_attribution(tmp_path / "split", out=tmp_path / "a.json", nlp=nlp)
    b = train_attribution(tmp_path / "split", out=tmp_path / "b.json", nlp=nlp)
    assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()
    assert a.articles == 3
    assert (a.candidates, a.positives) == (b.candidates, b.positives) == (CANDIDATES, POSITIVES)
    assert main(["train", "attribution", str(tmp_path / "split"), "--out", str(tmp_path / "c.json")]) == 0
    assert (tmp_path / "c.json").read_text() == (tmp_path / "a.json").read_text()
    load_attribution_model.cache_clear()


@pytest.mark.parametrize("text,expected", [
    # an adjective of belief with a clause: the learned lexicon's candidate, kept by the decider
    ("Senator Paul Kern is confident that the bill will pass before the summer recess.",
     [("indirect", "the bill will pass before the summer recess", "confident", "Paul Kern")]),
    # a characterising verb with an object and an "as" predicate, outside the hand-made lists
    ("The senator denounced the ruling as an attack on voters.",
     [("indirect", "the ruling as an attack on voters", "denounced", "senator")]),
])
def test_attribution_model_finds_learned_constructions(extract_text, text, expected):
    """Test the constructions the decider adds beyond the hand-made rules (exact content, cue, speaker)."""
    ex = extract_text(text)
    assert [(q.kind, q.text, q.cue, q.speaker) for q in ex.quotes] == expected


def test_attribution_model_tagger_marginals_as_features(nlp):
    """Test the tagger's marginal probabilities read for a candidate (mean CONT over the content,
    highest CUE at the cue, SRC at the source) and their features in fifths, alone and with the
    candidate's origin; a candidate whose sentence was not tagged has none and the feature
    ``marg=none``; a learned-lexicon candidate has no such features."""
    from components.extract.attribution_model import Candidate, _tagger_feats, set_marginals
    from components.extract.attribution_tagger import TaggedSentence, token_marginals
    from components.extract.frames import Frame

    text = "The ferry ran late. Harbour master Oli Brun said the pier would reopen soon."
    doc = nlp(text)
    first, second = list(doc.sents)
    n = len(second)  # Harbour master Oli Brun said the pier would reopen soon .
    cue = [0.0] * n
    src = [0.0] * n
    cont = [0.0] * n
    cue[4], src[3] = 0.9, 0.3
    cont[5:10] = [0.5] * 5
    marg = token_marginals(doc, [TaggedSentence(second, ["O"] * n, {"CUE": cue, "SRC": src, "CONT": cont})])
    assert marg["CUE"][: first.end] == [None] * first.end
    a, b = text.index("the pier"), text.index(" soon") + 5
    said = doc[second.start + 4 : second.start + 5]
    rule = Candidate(Frame(said, doc[second.start + 3], (a, b)), a, b, text[a:b], True)
    ran = Candidate(Frame(doc[2:3], doc[1], (0, 3)), 0, 3, text[0:3], False)
    set_marginals([rule, ran], marg)
    assert rule.marginals == (0.5, 0.9, 0.3)
    assert ran.marginals is None
    assert _tagger_feats(rule) == ["tagger=none", "tagger_ok=True|none", "tagger_origin=rule|none", "m_cont=2",
                                   "m_cont_o=rule|2", "m_cue=4", "m_cue_o=rule|4", "m_src=1", "m_src_o=rule|1"]
    assert _tagger_feats(ran)[-1] == "marg=none"
    # a learned-lexicon candidate gets none: the tagger marks any object of a stance verb as content
    lexical = Candidate(Frame(said, doc[second.start + 3], (a, b), rule="model-object"), a, b, text[a:b], False)
    set_marginals([lexical], marg)
    assert _tagger_feats(lexical) == ["tagger=none", "tagger_ok=False|none", "tagger_origin=model|none"]


def test_reliable_lemmas_are_those_some_shape_makes_reliable(monkeypatch):
    """Test the lemmas reliable as a cue with at least one complement shape, on an invented cue
    table: a lemma reliable only with an object counts, one under the count or reliability with
    every shape does not, a noun is not a verb; a new table is read again."""
    from components.extract import cuelex

    table = {("grumble", "VERB", "object"): (12, 0.6), ("grumble", "VERB", "any"): (30, 0.2),
             ("mutter", "VERB", "clause"): (3, 0.9), ("hum", "VERB", "any"): (50, 0.1),
             ("murmur", "NOUN", "noun"): (40, 0.8)}
    monkeypatch.setattr(cuelex, "cue_table", lambda: table)
    assert cuelex.reliable_lemmas("VERB", 0.5, 5) == {"grumble"}
    assert all(cuelex.is_reliable_cue(lem, "VERB", shape, 0.5, 5) is (lem == "grumble" and shape == "object")
               for lem in ("grumble", "mutter", "hum", "murmur") for shape in ("object", "clause", "any", "noun"))
    assert cuelex.reliable_lemmas("VERB", 0.05, 1) == {"grumble", "mutter", "hum"}
    table = {("mutter", "VERB", "clause"): (9, 0.9)}
    assert cuelex.reliable_lemmas("VERB", 0.5, 5) == {"mutter"}
