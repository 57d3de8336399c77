"""Robust ingest (issue 9): no input hangs the extractor, one bad article never costs the others."""

from __future__ import annotations

import pytest

BODY = "\n\nRescue teams were at the scene on Friday."


def _tolls(ex):
    return [(c.place, c.killed_min, c.killed_max, c.injured_min, c.injured_max) for c in ex.casualties]


# Short verbless headlines: the root of the parse is a noun, which a head-chain walk comparing
# tokens with ``is`` never recognised as the root (each access builds a new Token), so it looped.
@pytest.mark.parametrize(
    "headline, tolls",
    [
        ("Gale in Hull; three dead", [("Hull", 3, 3, None, None)]),
        ("Four dead, six hurt", [(None, 4, 4, 6, 6)]),
        ("Mudslides: dozens dead in Assam", [("Assam", 24, None, None, None)]),
        ("Train crash near Arequipa, 9 dead", [("Arequipa", 9, 9, None, None)]),
    ],
)
def test_robust_verbless_headline_terminates_with_its_toll(extract_text, headline, tolls):
    assert _tolls(extract_text(headline + BODY)) == tolls


@pytest.mark.parametrize(
    "headline",
    ["Storm in Leeds; two dead", "Two dead, five hurt", "Blast in Lyon: 3 killed", "Floods: dozens dead in Sindh",
     "Bus crash near Cusco, 12 dead", "Ferry fire off Bali; no dead, 40 hurt"],
)
def test_robust_reported_headlines_terminate(extract_text, headline):
    """The six headlines of the report finish (they used to loop for good) and keep their place."""
    ex = extract_text(headline + BODY)
    assert ex.article.title == headline
    assert [p.name for p in ex.places] == [w for w in ("Leeds", "Lyon", "Sindh", "Cusco", "Bali") if w in headline]


def test_robust_tree_walks_stop_at_a_noun_root(nlp):
    from components.extract.tree import climb, head_path, is_root

    doc = nlp("Heavy snow in Oslo")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == "snow" and is_root(root) and not is_root(doc[0])
    # a predicate that never fails still stops at the root
    assert climb(doc[3], lambda t: True).i == root.i
    assert [t.text for t in head_path(doc[3], lambda t: True)] == ["Oslo", "in", "snow"]
    assert climb(doc[3], lambda t: t.pos_ != "ADP").text == "in"
