"""Speaker stance rules (components/extract/stance.py), on hand-built quotes.

Quotes and speakers are built by hand so these tests do not depend on the quote extractor; one test
at the end runs the full pipeline on the seed article.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from components.extract.stance import StanceLexicon, StanceLexiconError, speaker_stances
from components.extract.topics import get_topic_tagger
from components.models import Quote, Speaker

from .conftest import SHARED



@pytest.fixture(scope="module")
def tagger(nlp):
    return get_topic_tagger(nlp)


def quote(text: str, content: str, speaker: str, n: int = 1, cue: str | None = None, kind: str = "direct",
          occurrence: int = 0) -> Quote:
    """A Quote whose content is the ``occurrence``-th appearance of ``content`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(content, start + 1)
    return Quote(id=f"t:q{n}", text=content, start=start, end=start + len(content), kind=kind, cue=cue,
                 speaker=speaker, speaker_type="person")


def stances_of(nlp, tagger, text, quotes, speakers=()):
    doc = nlp(text)
    return {(s.speaker, s.topic): s for s in speaker_stances(doc, list(quotes), list(speakers), tagger)}


def test_stance_negated_consideration_and_bare_no_oppose(nlp, tagger):
    text = 'Asked about nuclear weapons for Kyiv, Roe told reporters: "That is not under consideration, no."'
    q = quote(text, "That is not under consideration, no.", "John Roe", cue="told")
    st = stances_of(nlp, tagger, text, [q])
    s = st[("John Roe", "nuclear-weapons")]
    assert (s.polarity, s.score, s.evidence) == ("oppose", -1.0, ["t:q1"])
    assert s.cues == ["not under consideration", "no"]


def test_stance_negated_verb_opposes(nlp, tagger):
    text = "Roe stated that the U.S. is not considering restoring Ukraine's nuclear weapons capability."
    q = quote(text, "the U.S. is not considering restoring Ukraine's nuclear weapons capability", "John Roe",
              cue="stated", kind="indirect")
    s = stances_of(nlp, tagger, text, [q])[("John Roe", "nuclear-weapons")]
    assert (s.polarity, s.cues) == ("oppose", ["not considering"])


def test_stance_strategic_ambiguity_is_neutral(nlp, tagger):
    text = ('She acknowledged the possibility of sending European troops to enforce a ceasefire, stating, '
            '"We should have this strategic ambiguity around this."')
    q = quote(text, "We should have this strategic ambiguity around this.", "Mary Doe", cue="stating")
    st = stances_of(nlp, tagger, text, [q])
    s = st[("Mary Doe", "foreign-troops")]
    assert (s.polarity, s.score, s.cues) == ("neutral", 0.0, ["strategic ambiguity"])


def test_stance_necessary_for_survival_supports(nlp, tagger):
    text = '"An invitation for Ukraine to join NATO is a necessary thing for our survival," Petro Ivko said.'
    q = quote(text, "An invitation for Ukraine to join NATO is a necessary thing for our survival", "Petro Ivko",
              cue="said")
    s = stances_of(nlp, tagger, text, [q])[("Petro Ivko", "nato-membership")]
    assert (s.polarity, s.score) == ("support", 1.0)
    assert "necessary" in s.cues


def test_stance_essential_in_short_indirect_quote_supports(nlp, tagger):
    """Test that a short indirect quote takes its topic from the sentence and 'essential' supports."""
    text = "Ivko continues to appeal for NATO membership, arguing it is essential for his nation's survival."
    q = quote(text, "it is essential for his nation's survival", "Petro Ivko", cue="arguing", kind="indirect")
    s = stances_of(nlp, tagger, text, [q])[("Petro Ivko", "nato-membership")]
    assert (s.polarity, s.cues) == ("support", ["essential", "survival"])


def test_stance_accused_cue_verb_opposes(nlp, tagger):
    text = "Germany's Foreign Minister, Anna Berg, has accused China of supplying weapons to Russia and undermining global peace."
    q = quote(text, "supplying weapons to Russia and undermining global peace", "Anna Berg", cue="accused",
              kind="indirect")
    s = stances_of(nlp, tagger, text, [q])[("Anna Berg", "china-russia")]
    assert (s.polarity, s.score) == ("oppose", -1.0)
    assert s.cues == ["undermining", "accused"]


@pytest.mark.parametrize(
    "cue, expected",
    [("welcomed", "support"), ("rejected", "oppose"), ("warned", "oppose"), ("acknowledged", "hedge"),
     ("said", None), ("called for", "support"), ("slammed", "oppose"), ("called on", "support"),
     ("calling it", None), ("called", None)],
)
def test_stance_cue_verb_polarity(cue, expected):
    from components.extract.stance import load_lexicon

    assert load_lexicon().cue_verb_polarity(cue) == expected


def test_stance_security_threat_opposes(nlp, tagger):
    text = "Putin has stated that NATO expansion is a security threat."
    q = quote(text, "NATO expansion is a security threat", "Putin", cue="stated", kind="indirect")
    s = stances_of(nlp, tagger, text, [q])[("Putin", "nato-membership")]
    assert (s.polarity, s.cues) == ("oppose", ["security threat"])


def test_stance_reported_third_party_counts_for_them_not_the_reporter(nlp, tagger):
    """Test that a nested quote of another speaker is left out of the outer quote's votes."""
    text = ("Q: What are the risks of Ukraine joining NATO now?\n"
            "Dr. Ray: The risks are notable. Russian President Putin has explicitly stated that NATO expansion "
            "is a security threat.")
    outer = quote(text, text[text.index("The risks"):], "Ada Ray", n=1, kind="transcript")
    inner = quote(text, "NATO expansion is a security threat", "Putin", n=2, cue="stated", kind="indirect")
    st = stances_of(nlp, tagger, text, [outer, inner])
    putin = st[("Putin", "nato-membership")]
    assert (putin.polarity, putin.evidence) == ("oppose", ["t:q2"])
    ray = st[("Ada Ray", "nato-membership")]
    assert (ray.polarity, ray.cues, ray.evidence) == ("neutral", ["risks"], ["t:q1"])


def test_stance_demanding_more_weapons_supports_military_aid(nlp, tagger):
    text = ("Ivko stressed that Ukraine wouldn't enter any peace negotiations until they secure stronger "
            "guarantees from NATO, including more weapons to bolster their defenses.")
    q = quote(text, text[text.index("Ukraine wouldn't"):-1], "Petro Ivko", cue="stressed", kind="indirect")
    st = stances_of(nlp, tagger, text, [q])
    aid = st[("Petro Ivko", "military-aid")]
    assert aid.polarity == "support"
    assert "more weapons" in aid.cues
    talks = st[("Petro Ivko", "peace-talks")]
    assert (talks.polarity, talks.cues) == ("oppose", ["n't enter"])


def test_stance_two_topics_in_one_sentence_are_scored_apart(nlp, tagger):
    """Test that 'not' attached to the second topic ('..., not nuclear weapons') does not count against the
    first one (aid delivered) in the same sentence (invented sentence)."""
    text = ('She told reporters, "What we are doing is delivering extra artillery to the army so that they can '
            'defend themselves and take the fight to the invaders, not nuclear weapons."')
    content = text[text.index("What we"):-2]
    st = stances_of(nlp, tagger, text, [quote(text, content, "Mary Poe", cue="told")])
    aid = st[("Mary Poe", "military-aid")]
    assert (aid.polarity, aid.cues) == ("support", ["delivering", "extra artillery"])
    assert (st[("Mary Poe", "nuclear-weapons")].polarity, st[("Mary Poe", "nuclear-weapons")].cues) == ("oppose", ["not nuclear"])


def test_stance_understandable_but_complex_is_neutral(nlp, tagger):
    text = '"The call for NATO membership is understandable but incredibly complex," said analyst Ada Ray.'
    q = quote(text, "The call for NATO membership is understandable but incredibly complex", "Ada Ray", cue="said")
    s = stances_of(nlp, tagger, text, [q])[("Ada Ray", "nato-membership")]
    assert (s.polarity, s.score, s.cues) == ("neutral", 0.0, ["understandable", "complex"])


def test_stance_mixed_evidence_without_majority_is_neutral(nlp, tagger):
    text = ('"NATO membership would strengthen Ukraine," Ray said. '
            '"NATO membership is a gamble that could go either way," Ray said. '
            '"NATO membership is still complex," Ray said.')
    q1 = quote(text, "NATO membership would strengthen Ukraine", "Ada Ray", n=1, cue="said")
    q2 = quote(text, "NATO membership is a gamble that could go either way", "Ada Ray", n=2, cue="said")
    q3 = quote(text, "NATO membership is still complex", "Ada Ray", n=3, cue="said")
    s = stances_of(nlp, tagger, text, [q1, q2, q3])[("Ada Ray", "nato-membership")]
    assert s.evidence == ["t:q1", "t:q2", "t:q3"]
    # the mean is +0.333, but only one of three voting quotes supports: neutral, reported with score 0
    assert (s.polarity, s.score) == ("neutral", 0.0)
    assert s.cues == ["gamble", "could", "complex", "strengthen"]


def test_stance_third_party_action_verb_does_not_vote(nlp, tagger):
    text = "She voiced fears as Russia supports Pyongyang's nuclear program."
    q = quote(text, "fears as Russia supports Pyongyang's nuclear program", "Anna Berg", cue="voiced", kind="indirect")
    st = stances_of(nlp, tagger, text, [q])
    for topic in ("north-korea", "nuclear-weapons"):
        assert "supports" not in st[("Anna Berg", topic)].cues


def test_stance_vader_fallback_only_without_lexicon_cue(nlp, tagger):
    text = '"The sanctions are wonderful and brilliant," she said. "The sanctions are necessary," he said.'
    q1 = quote(text, "The sanctions are wonderful and brilliant", "Mary Doe", n=1, cue="said")
    q2 = quote(text, "The sanctions are necessary", "John Roe", n=2, cue="said")
    st = stances_of(nlp, tagger, text, [q1, q2])
    doe, roe = st[("Mary Doe", "sanctions")], st[("John Roe", "sanctions")]
    assert doe.polarity == "support" and len(doe.cues) == 1 and doe.cues[0].startswith("vader:+")
    assert roe.cues == ["necessary"]


def test_stance_no_cue_quote_is_neutral_evidence_and_unattributed_skipped(nlp, tagger):
    text = '"Sanctions were discussed on Tuesday in Brussels by the ministers," she said. "Sanctions again."'
    q1 = quote(text, "Sanctions were discussed on Tuesday in Brussels by the ministers", "Mary Doe", n=1, cue="said")
    q2 = quote(text, "Sanctions again.", None, n=2)
    st = stances_of(nlp, tagger, text, [q1, q2])
    assert list(st) == [("Mary Doe", "sanctions")]


def test_stance_alias_maps_to_canonical_speaker(nlp, tagger):
    text = '"Joining NATO is essential," Ivko said.'
    q = quote(text, "Joining NATO is essential", "Ivko", cue="said")
    st = stances_of(nlp, tagger, text, [q], [Speaker(name="Petro Ivko", aliases=["Ivko"])])
    assert list(st) == [("Petro Ivko", "nato-membership")]


def test_stance_score_in_range_and_evidence_never_empty(nlp, tagger):
    text = ('"We reject any NATO expansion, it is a dangerous provocation and a threat," he said. '
            '"We welcome more weapons," she said.')
    q1 = quote(text, "We reject any NATO expansion, it is a dangerous provocation and a threat", "A B", n=1, cue="said")
    q2 = quote(text, "We welcome more weapons", "C D", n=2, cue="said")
    for s in stances_of(nlp, tagger, text, [q1, q2]).values():
        assert -1.0 <= s.score <= 1.0 and s.evidence


def test_stance_lexicon_validation_error(tmp_path):
    path = tmp_path / "lex.yaml"
    path.write_text("support: [good]\noppose: bad\n", encoding="utf-8")
    with pytest.raises(StanceLexiconError, match=r"lex\.yaml.*(oppose|hedge)"):
        StanceLexicon.load(path)


def test_stance_seed_article_full_pipeline(nlp):
    """Test that the full pipeline gets at least 8 of the 9 gold stances of the seed article."""
    from components.extract import extract_doc
    from components.ingest import read_bytes

    seed = SHARED / "seed" / "000_d227dde8fd7d9ec0.txt"
    gold = yaml.safe_load((SHARED / "gold" / "seed.yaml").read_text(encoding="utf-8"))
    article = read_bytes(seed.read_bytes(), seed.name, {"published": "2024-12-01"})[0]
    ex = extract_doc(article, nlp(article.text), nlp)
    if not ex.quotes:
        pytest.xfail("quote extractor produces no quotes yet")
    pred = {(s.speaker, s.topic): s for s in ex.stances}
    right = [
        g for g in gold["stances"]
        if (p := pred.get((g["speaker"], g["topic"]))) and p.polarity == g["polarity"] and p.evidence
    ]
    assert len(right) >= 8, [g for g in gold["stances"] if g not in right]


@pytest.mark.parametrize(
    "text, content, cue, topic, polarity, cues",
    [
        ('"We will never accept NATO enlargement to our borders," Lev Orlov said.',
         "We will never accept NATO enlargement to our borders", "said", "nato-membership", "oppose", ["never accept"]),
        ('"Sanctions against Russia must be strengthened," she said.',
         "Sanctions against Russia must be strengthened", "said", "sanctions", "support", ["strengthened"]),
        ('"The sanctions have failed and should be lifted," he said.',
         "The sanctions have failed and should be lifted", "said", "sanctions", "oppose", ["failed", "lifted"]),
        ("The minister rejected calls for a ceasefire in the region.",
         "calls for a ceasefire in the region", "rejected", "ceasefire", "oppose", ["rejected"]),
        ('"We do not oppose Ukraine joining NATO," he said.',
         "We do not oppose Ukraine joining NATO", "said", "nato-membership", "support", ["not oppose"]),
        ('"Sending troops to Ukraine is not a good idea," he said.',
         "Sending troops to Ukraine is not a good idea", "said", "foreign-troops", "oppose", ["not good"]),
        ('"It is too early to talk about peace negotiations," he said.',
         "It is too early to talk about peace negotiations", "said", "peace-talks", "neutral", ["too early"]),
        ('"We are not against negotiations with Moscow," he said.',
         "We are not against negotiations with Moscow", "said", "peace-talks", "support", ["not against"]),
        ('"Civilians are being killed every day and this must stop," he said.',
         "Civilians are being killed every day and this must stop", "said", "civilian-harm", "oppose", ["stop"]),
        ("He warned that sending Western troops to Ukraine would be a dangerous escalation.",
         "sending Western troops to Ukraine would be a dangerous escalation", "warned", "foreign-troops", "oppose",
         ["dangerous", "warned"]),
        ('"There will be no peace talks while the shelling continues," he said.',
         "There will be no peace talks while the shelling continues", "said", "peace-talks", "oppose", ["no peace"]),
        # "new"/"more" on the topic support it, unless a verb with its own polarity governs it
        ("Orban said he opposed any new sanctions.", "he opposed any new sanctions", "said", "sanctions", "oppose", ["opposed"]),
        ('"We need more sanctions on Moscow," he said.', "We need more sanctions on Moscow", "said", "sanctions", "support",
         ["need", "more sanctions"]),
    ],
)
def test_stance_constructions(nlp, tagger, text, content, cue, topic, polarity, cues):
    """Test negation, double negation, modals deferring to their verb, predicative 'against', cue verbs."""
    s = stances_of(nlp, tagger, text, [quote(text, content, "A B", cue=cue)])[("A B", topic)]
    assert (s.polarity, s.cues) == (polarity, cues)


def test_stance_questions_take_no_stance(nlp, tagger):
    """Test that an interviewer's question is not read as a stance, while the answer is."""
    text = ("Q: Is more military aid for Kyiv a genuine prerequisite for peace? "
            "A: Sending more weapons to Kyiv is necessary for its survival.")
    question = quote(text, "Is more military aid for Kyiv a genuine prerequisite for peace?", "Interviewer", n=1,
                     kind="transcript")
    answer = quote(text, "Sending more weapons to Kyiv is necessary for its survival.", "Ann Roe", n=2,
                   kind="transcript")
    st = stances_of(nlp, tagger, text, [question, answer])
    assert [k for k in st if k[0] == "Interviewer"] == []
    assert st[("Ann Roe", "military-aid")].polarity == "support"


@pytest.mark.parametrize(
    "text, content, topic, polarity, score, cues",
    [
        ('"Fighters of the Rapid Support Forces entered Aleppo on Tuesday," he said.',
         "Fighters of the Rapid Support Forces entered Aleppo on Tuesday", "syria", "neutral", 0.0, []),
        ('"The Progress Party wants more sanctions on Moscow," he said.',
         "The Progress Party wants more sanctions on Moscow", "sanctions", "support", 1.0, ["more sanctions"]),
    ],
)
def test_stance_words_inside_names_do_not_vote(nlp, tagger, text, content, topic, polarity, score, cues):
    """Test that a lexicon word that is part of a named entity ('Support', 'Progress') casts no vote."""
    s = stances_of(nlp, tagger, text, [quote(text, content, "A B", cue="said")])[("A B", topic)]
    assert (s.polarity, s.score, s.cues) == (polarity, score, cues)


@pytest.mark.parametrize(
    "text, content, topic, polarity, cues",
    [
        ("Macron said that sending Western troops to Ukraine could not be ruled out.",
         "sending Western troops to Ukraine could not be ruled out", "foreign-troops", "neutral",
         ["could not be ruled out"]),
        ('"Sending troops to Ukraine can\'t be ruled out," he said.',
         "Sending troops to Ukraine can't be ruled out", "foreign-troops", "neutral", ["can't be ruled out"]),
        ('"We cannot rule out sending troops to Ukraine," he said.',
         "We cannot rule out sending troops to Ukraine", "foreign-troops", "neutral", ["cannot rule out"]),
        ('"We do not exclude sending troops to Ukraine," he said.',
         "We do not exclude sending troops to Ukraine", "foreign-troops", "neutral", ["do not exclude"]),
        ('"We have never ruled out new sanctions," he said.',
         "We have never ruled out new sanctions", "sanctions", "neutral", ["have never ruled out"]),
        ('"We rule out sending troops to Ukraine," he said.',
         "We rule out sending troops to Ukraine", "foreign-troops", "oppose", ["rule out"]),
    ],
)
def test_stance_not_ruling_out_keeps_the_option_open(nlp, tagger, text, content, topic, polarity, cues):
    """Test that a negated verb of exclusion is a hedge (neutral), never an opposing negation."""
    s = stances_of(nlp, tagger, text, [quote(text, content, "A B", cue="said", kind="direct")])[("A B", topic)]
    assert (s.polarity, s.score, s.cues) == (polarity, -1.0 if polarity == "oppose" else 0.0, cues)


@pytest.mark.parametrize(
    "text, content, polarity, score, cues",
    [
        # reports of a toll: evidence, but no stance (VADER does not read 'killed', 'shelling', 'fighting')
        ('"At least 12 civilians were killed and 30 wounded in the shelling," the governor said.',
         "At least 12 civilians were killed and 30 wounded in the shelling", "neutral", 0.0, []),
        ('"Fighting in the city has killed hundreds of civilians," he said.',
         "Fighting in the city has killed hundreds of civilians", "neutral", 0.0, []),
        ('"Three civilians died when the missile hit a residential building," he said.',
         "Three civilians died when the missile hit a residential building", "neutral", 0.0, []),
        # condemnation still opposes
        ('"The bombing of the hospital killed five children. This is a war crime," she said.',
         "The bombing of the hospital killed five children. This is a war crime", "oppose", -1.0, ["war crime"]),
        ('"We condemn the killing of civilians," he said.', "We condemn the killing of civilians", "oppose", -1.0,
         ["condemn"]),
        ('"The attack on civilians was barbaric," he said.', "The attack on civilians was barbaric", "oppose", -1.0,
         ["barbaric"]),
    ],
)
def test_stance_casualty_report_is_not_a_position_on_civilian_harm(nlp, tagger, text, content, polarity, score, cues):
    """Test that reporting people killed or injured takes no stance, while condemning it opposes."""
    s = stances_of(nlp, tagger, text, [quote(text, content, "A B", cue="said")])[("A B", "civilian-harm")]
    assert (s.polarity, s.score, s.cues, s.evidence) == (polarity, score, cues, ["t:q1"])


def test_stance_casualty_count_framed_by_a_ceasefire_story_is_neutral(nlp, tagger):
    """Test that a health ministry's death toll, taking the ceasefire topic from its framing, is no stance on it."""
    text = ("Negotiators met in Cairo on Saturday to discuss a truce. "
            "The health ministry said 29 Palestinians had been killed in the past 24 hours.")
    q = quote(text, "29 Palestinians had been killed in the past 24 hours", "Health Ministry", cue="said",
              kind="indirect")
    s = stances_of(nlp, tagger, text, [q])[("Health Ministry", "ceasefire")]
    assert (s.polarity, s.score, s.cues) == ("neutral", 0.0, [])


@pytest.mark.parametrize(
    "text, content, cues",
    [
        ('Kuleba said Ukraine\'s NATO membership was "a matter of when, not if".',
         'Ukraine\'s NATO membership was "a matter of when, not if"', ["a matter of when, not if"]),
        ('"Ukraine will join NATO. It is not a question of if, but when," he said.',
         "Ukraine will join NATO. It is not a question of if, but when", ["not a question of if"]),
        ('"Ukraine should join NATO, and the sooner the better," he said.',
         "Ukraine should join NATO, and the sooner the better", ["the sooner the better", "should join"]),
        ('"Ukraine\'s path to NATO membership is irreversible," he said.',
         "Ukraine's path to NATO membership is irreversible", ["irreversible"]),
        ('"There is no alternative to NATO membership," he said.', "There is no alternative to NATO membership",
         ["no alternative"]),
    ],
)
def test_stance_inevitability_phrases_support(nlp, tagger, text, content, cues):
    """Test that 'when, not if' phrases support, with a negation inside a phrase being part of it (one vote)."""
    s = stances_of(nlp, tagger, text, [quote(text, content, "A B", cue="said")])[("A B", "nato-membership")]
    assert (s.polarity, s.score, s.cues) == ("support", 1.0, cues)


def test_stance_neutral_without_majority_scores_zero_so_polarity_and_score_agree(nlp, tagger):
    """Test that a no-majority neutral reports score 0.0 (mean -0.5 here) and every stance's polarity
    follows from its score by the 0.25 thresholds."""
    from components.extract.stance import _polarity

    text = ('"NATO membership is a dangerous mistake," Ray said. "NATO membership is complex," Ray said. '
            '"We reject any NATO expansion," Orlov said.')
    q1 = quote(text, "NATO membership is a dangerous mistake", "Ada Ray", n=1, cue="said")
    q2 = quote(text, "NATO membership is complex", "Ada Ray", n=2, cue="said")
    q3 = quote(text, "We reject any NATO expansion", "Lev Orlov", n=3, cue="said")
    st = stances_of(nlp, tagger, text, [q1, q2, q3])
    ray, orlov = st[("Ada Ray", "nato-membership")], st[("Lev Orlov", "nato-membership")]
    assert (ray.polarity, ray.score, ray.cues) == ("neutral", 0.0, ["complex", "dangerous", "mistake"])
    assert (orlov.polarity, orlov.score) == ("oppose", -1.0)
    assert all(s.polarity == _polarity(s.score) for s in st.values())


def test_stance_membership_quotes_after_an_arms_sentence_are_about_membership(nlp, tagger):
    """Test that membership quotes whose framing sentences are about arms supplies are scored on NATO
    membership (their own topic), not on military aid taken from the framing."""
    text = ('Poland would continue to supply arms, he added. The Nato Secretary General struck a more cautious '
            'tone. "The path to membership is irreversible, but it will take time," he told journalists. '
            'Fico opposed sending any more weapons to Kyiv. "Ukraine\'s place is in Nato, and the sooner the '
            'better," Sikorski said.')
    q1 = quote(text, "The path to membership is irreversible, but it will take time", "Jens Stoltenberg", n=1,
               cue="told")
    q2 = quote(text, "Ukraine's place is in Nato, and the sooner the better", "Radoslaw Sikorski", n=2, cue="said")
    st = stances_of(nlp, tagger, text, [q1, q2])
    assert sorted(st) == [("Jens Stoltenberg", "nato-membership"), ("Radoslaw Sikorski", "nato-membership")]
    assert [(s.polarity, s.score, s.cues) for s in st.values()] == [
        ("support", 1.0, ["irreversible"]), ("support", 1.0, ["the sooner the better"])]
    assert (q1.topics, q2.topics) == (["nato-membership"], ["nato-membership"])


# The tester's articles /tmp/fresh-user2/in/a7_reuters.txt, a1_guardian.txt, a5_interview.md, a2_aljazeera.txt.


def test_stance_oppose_verb_with_the_topic_as_object_decides(nlp, tagger):
    """Test that "firmly opposes" the sanctions is oppose, whatever "necessary" and "protect" say elsewhere;
    "Beijing" is the Chinese spokesperson's own side, not a third party."""
    text = ('China\'s foreign ministry spokesperson Lin Jian said Beijing "firmly opposes" the sanctions and would '
            'take "necessary measures" to protect the rights of Chinese companies.')
    q = quote(text, text[text.index("Beijing"):-1], "Lin Jian", cue="said", kind="mixed")
    lin = Speaker(name="Lin Jian", type="person", role="foreign ministry spokesperson", country="CN")
    s = stances_of(nlp, tagger, text, [q], [lin])[("Lin Jian", "sanctions")]
    assert (s.polarity, s.score, s.cues) == ("oppose", -1.0, ["opposes"])


def test_stance_third_party_oppose_verb_is_not_the_speaker_s(nlp, tagger):
    text = "Kuleba said Russia firmly opposes the sanctions."
    q = quote(text, "Russia firmly opposes the sanctions", "Dmytro Kuleba", cue="said", kind="indirect")
    kuleba = Speaker(name="Dmytro Kuleba", type="person", country="UA")
    s = stances_of(nlp, tagger, text, [q], [kuleba])[("Dmytro Kuleba", "sanctions")]
    assert (s.polarity, s.score, s.cues) == ("neutral", 0.0, [])


@pytest.mark.parametrize(
    "text, content",
    [
        ('Orban has repeatedly blocked a 50bn aid package, calling it "money thrown into a bottomless pit".',
         'it "money thrown into a bottomless pit"'),
        ('"The aid package is a waste of money," Orban said.', "The aid package is a waste of money"),
    ],
)
def test_stance_waste_of_aid_opposes_and_calling_it_is_no_support(nlp, tagger, text, content):
    q = quote(text, content, "Viktor Orban", cue="calling" if "calling" in text else "said", kind="mixed")
    s = stances_of(nlp, tagger, text, [q])[("Viktor Orban", "military-aid")]
    assert (s.polarity, s.score) == ("oppose", -1.0)
    assert s.cues == (["bottomless pit"] if "pit" in text else ["a waste of money"])


def test_stance_a_call_for_a_ceasefire_supports_it(nlp, tagger):
    """Test that "a ceasefire should come before ... weapons" supports the ceasefire, and the failed sanctions
    in the same sentence oppose the sanctions only."""
    text = ('He told reporters that the bloc\'s sanctions on Russia had "failed completely" and that a ceasefire '
            'should come "before, not after, the next round of weapons".')
    q = quote(text, text[text.index("the bloc"):-2], "Viktor Orban", cue="told", kind="mixed")
    st = stances_of(nlp, tagger, text, [q])
    cease, sanctions = st[("Viktor Orban", "ceasefire")], st[("Viktor Orban", "sanctions")]
    assert (cease.polarity, cease.score, cease.cues) == ("support", 1.0, ["should come"])
    assert (sanctions.polarity, sanctions.score, sanctions.cues) == ("oppose", -1.0, ["failed"])


def test_stance_later_sentence_naming_no_topic_does_not_take_the_next_one_s(nlp, tagger):
    """Test that "It is not directed against anyone" (about EU accession) does not oppose the ceasefire
    named one sentence later: the answer scores as its last sentence alone."""
    text = ("Q: Some in Tiraspol say the EU accession process is a provocation.\n"
            "Maia Sandu: That is Moscow's narrative. Joining the European Union is the choice of our citizens. "
            "It is not directed against anyone. Nobody wins a frozen conflict, and the people on the left bank of "
            "the Dniester know that their future is better in Europe than in isolation.")
    whole = quote(text, text[text.index("That is"):], "Maia Sandu", kind="transcript")
    last = quote(text, text[text.index("Nobody"):], "Maia Sandu", kind="transcript")
    s = stances_of(nlp, tagger, text, [whole])[("Maia Sandu", "ceasefire")]
    alone = stances_of(nlp, tagger, text, [last])[("Maia Sandu", "ceasefire")]
    assert "not directed" not in s.cues
    assert (s.polarity, s.score, s.cues) == (alone.polarity, alone.score, alone.cues)


def test_stance_no_one_hurt_in_a_report_is_no_stance(nlp, tagger):
    """Test that a zero count ("No staff were hurt") states a fact: no oppose vote on humanitarian aid."""
    text = ('The UN agency said an aid convoy came under fire on Monday. No staff were hurt, the agency said, but '
            'two trucks were destroyed.')
    q = quote(text, "No staff were hurt", "UNRWA", cue="said", kind="direct")
    s = stances_of(nlp, tagger, text, [q])[("UNRWA", "humanitarian-aid")]
    assert (s.polarity, s.score, s.cues) == ("neutral", 0.0, [])


def test_stance_none_on_a_topic_one_reports_on(nlp, tagger):
    """Test that a warning about a disaster tags the quote with the topic but gives no stance on it
    (``stance_target: false``), while a topic in the same quote that can have a stance keeps its own."""
    text = 'Minister Ana Ruiz warned that aftershocks could topple more homes and rejected any new sanctions.'
    q = quote(text, "aftershocks could topple more homes and rejected any new sanctions", "Ana Ruiz",
              cue="warned", kind="indirect")
    st = stances_of(nlp, tagger, text, [q])
    assert "disasters-weather" in tagger.labels and "disasters-weather" not in tagger.stance_targets
    assert sorted(topic for _, topic in st) == ["sanctions"]


@pytest.mark.parametrize("words,polarity", [
    ("I do not believe that new sanctions would help at this stage", "oppose"),  # the negation is the clause's
    ("I believe that new sanctions would help at this stage", "support"),
])
def test_stance_a_negated_belief_verb_negates_its_clause(nlp, tagger, words, polarity):
    """Invented: "do not believe/think that X would help" opposes X as "X would not help" does (neg-raising verbs,
    ``neg_raising`` in the stance lexicon); "new" before the topic is then no demand for more of it."""
    text = f'"{words}," Foreign Minister Ivo Petrak said.'
    q = quote(text, words, "Ivo Petrak", cue="said", kind="direct")
    assert stances_of(nlp, tagger, text, [q])[("Ivo Petrak", "sanctions")].polarity == polarity
