"""Tests for components/extract/content_gate.py: no attribution without speech (an action's object is no content)."""

from __future__ import annotations

import pytest

from components.errors import GoldFormatError
from components.extract.content_gate import (HEADS_PATH, ContentHeads, content_admissible, head_table,
                                             mine_content_heads, train_content_heads)
from tests.test_attribution_tagger import _ann  # brat annotation of invented (source, cue, content) triples


def test_content_heads_shipped_file_validates_and_separates_things_from_content():
    """Test that the shipped table validates, records its training split, and that learned reliabilities
    put nouns of content above concrete things."""
    from components.yamlio import safe_load

    data = ContentHeads.model_validate(safe_load(HEADS_PATH.read_text(encoding="utf-8")))
    assert data.source.endswith("polnear-train") and data.articles == 840
    table = head_table()
    assert table["plan"] > 0.4 and table["ban"] > 0.7
    assert table["money"] < 0.1 and table["truck"] == 0.0


def test_content_heads_invalid_file_raises(tmp_path):
    """Test that a malformed table is a clear error."""
    bad = tmp_path / "heads.yaml"
    bad.write_text("source: x\nheads: [1, 2]\n", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        head_table(bad)


def test_mine_content_heads_counts_gold_and_other_objects(nlp):
    """Test the miner on invented articles: a cue verb's object that is gold content counts as gold,
    the same verb's concrete object only as an occurrence."""
    texts = ["The mayor announced a plan for the harbour. The crew announced a plan to fish. Workers announced a truck.",
             "The council announced the plan to close the school. Drivers announced the truck at the gate."]
    anns = [_ann(texts[0], [("The mayor", "announced", "a plan for the harbour")]),
            _ann(texts[1], [("The council", "announced", "the plan to close the school")])]
    heads = mine_content_heads([nlp(t) for t in texts], anns, "fixture", min_occurrences=2)
    got = {h.lemma: (h.gold, h.occurrences, h.reliability) for h in heads.heads}
    assert got == {"plan": (2, 3, 0.667), "truck": (0, 2, 0.0)}


def test_content_admissible_clause_noun_and_small_clause(nlp):
    """Test the gate on invented sentences: a clause passes, a concrete object does not, an object with
    an "as" predicate passes, a tagger cue outside the lexicon needs a clause of its own."""
    table = {"plan": 0.5, "truck": 0.0}
    doc = nlp("The crew loaded the truck with crates. The mayor backed the plan for the harbour. "
              "The court named the driver as a witness.")
    cue = next(t for t in doc if t.text == "loaded")
    a = doc.text.index("the truck")
    assert not content_admissible(doc, cue, a, a + len("the truck with crates"), False, 0.2, table)
    cue = next(t for t in doc if t.text == "backed")
    a = doc.text.index("the plan")
    assert content_admissible(doc, cue, a, a + len("the plan for the harbour"), False, 0.2, table)
    assert not content_admissible(doc, cue, a, a + len("the plan for the harbour"), False, 0.6, table)
    cue = next(t for t in doc if t.text == "named")
    a = doc.text.index("the driver")
    assert content_admissible(doc, cue, a, a + len("the driver as a witness"), False, 0.2, table)
    doc = nlp("The crew stitched the plan for the harbour on a flag. The crew stitched because the storm was coming.")
    cue = next(t for t in doc if t.text == "stitched")
    a = doc.text.index("the plan")
    b = a + len("the plan for the harbour")
    assert content_admissible(doc, cue, a, b, False, 0.2, table)
    assert not content_admissible(doc, cue, a, b, True, 0.2, table)  # the tagger alone, cue outside the lexicon
    assert not content_admissible(doc, cue, 0, doc.text.index(" on a flag"), False, 0.2, table)  # holds its own cue
    a = doc.text.index("the storm")
    assert content_admissible(doc, cue, a, a + len("the storm was coming"), True, 0.2, table)
    doc = nlp("Police detained two suspected smugglers near the docks.")
    cue = next(t for t in doc if t.text == "suspected")
    a = doc.text.index("smugglers")
    assert cue.dep_ == "amod"
    assert not content_admissible(doc, cue, a, a + len("smugglers near the docks"), True, 0.2, {"smuggler": 0.5})


@pytest.mark.parametrize("text,expected", [
    # the tagger's content holding its own negated cue, and an action's concrete object
    ("The assault team did not fire their rifles and they protected the families for the duration of the search.", []),
    ("During the night the unit identified a van parked beside the river crossing.", []),
    # the same cue verb reporting: an object with an "as" predicate, a reply with a clause
    ("The ministry identified the gunmen as members of a banned militia.",
     [("indirect", "the gunmen as members of a banned militia", "identified", "ministry")]),
    ("Senator Ruth Alder fired back that the audit was a partisan stunt.",
     [("indirect", "the audit was a partisan stunt", "fired", "Ruth Alder")]),
])
def test_no_attribution_without_speech(extract_text, text, expected):
    """Test that an action verb's concrete object gives no attribution while reporting uses of the
    same verbs still do (exact kind, content, cue, speaker)."""
    ex = extract_text(text)
    assert [(q.kind, q.text, q.cue, q.speaker) for q in ex.quotes] == expected


def test_train_content_heads_cli_is_deterministic(tmp_path, nlp):
    """Test that the CLI step writes the same table twice from an invented split."""
    from components.cli import main

    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    texts = ["The mayor announced a plan for the harbour. Workers announced a plan to fish.",
             "The council announced the plan to close the school. The crew announced the plan to sail."]
    for k, t in enumerate(texts):
        (split / "text" / f"a{k}.txt").write_text(t, encoding="utf-8")
        first = t.split(".")[0]
        src, rest = first.split(" announced ")
        (split / "attributions" / f"a{k}_0001.ann").write_text(_ann(t, [(src, "announced", rest)]), encoding="utf-8")
    assert main(["train", "content-heads", str(split), "--out", str(tmp_path / "a.yaml")]) == 0
    heads = train_content_heads(split, out=tmp_path / "b.yaml")
    assert [(h.lemma, h.gold, h.occurrences) for h in heads.heads] == [("plan", 2, 4)]
    strip = lambda p: [ln for ln in p.read_text().splitlines() if not ln.startswith("built:")]  # noqa: E731
    assert strip(tmp_path / "a.yaml") == strip(tmp_path / "b.yaml")


def test_content_gate_tagger_noun_phrase_needs_the_verbs_learned_object_shape(extract_text):
    """Test that the tagger alone cannot make a noun-phrase object a content when the training split shows
    the verb rarely reporting one ("Divers found a fisherman who ..." is a discovery, not a report), and that a
    reduced passive in a headline ("toll expected to rise") has no source and takes no clause before it."""
    assert extract_text("Divers found a missing fisherman who had clung to a buoy for two days.").quotes == []
    assert extract_text("Ferry sinks off Bali, toll expected to rise\n\nRescuers searched the strait.").quotes == []
