"""Stance aimed at its target: a set of invented quote/topic pairs with the polarity a reader gives them.

A stance counts only when the topic is what the quote evaluates (the object of a position verb, the thing
called good or bad, the demand made). A topic merely mentioned (a circumstance: "despite the sanctions"), a
reported accusation about a third party ("accused X of supplying weapons" is not opposing military aid), a
description of an event (a commander telling how an attack went does not support terrorism), a question,
and an interviewer's turn carry no stance: the expected polarity is then ``neutral`` (no stance at all,
or neutral evidence). Every sentence is invented for this file.
"""

from __future__ import annotations

import pytest

from components.extract.stance import speaker_stances
from components.extract.topics import get_topic_tagger
from components.models import Quote, Speaker

# (framing sentence with the quote inside, quote content, cue, kind, topic, expected polarity)
# kind "transcript": the framing is a turn "Label: content" of an interview.
CASES = [
    # --- positions aimed at the topic (controls) ---
    ('"We strongly support new sanctions on the regime," Lena Falk said.', "We strongly support new sanctions on the regime", "said", "direct", "sanctions", "support"),
    ('"We oppose sending troops to the region," Lena Falk said.', "We oppose sending troops to the region", "said", "direct", "foreign-troops", "oppose"),
    ('"The ceasefire is a mistake," Lena Falk said.', "The ceasefire is a mistake", "said", "direct", "ceasefire", "oppose"),
    ('"Military aid to Kyiv is essential," Lena Falk said.', "Military aid to Kyiv is essential", "said", "direct", "military-aid", "support"),
    ('"The peace talks are pointless," Lena Falk said.', "The peace talks are pointless", "said", "direct", "peace-talks", "oppose"),
    ('"We reject the referendum," Lena Falk said.', "We reject the referendum", "said", "direct", "elections", "oppose"),
    ('"Humanitarian aid must reach the valley without delay," Lena Falk said.', "Humanitarian aid must reach the valley without delay", "said", "direct", "humanitarian-aid", "support"),
    ('"We welcome the truce," Lena Falk said.', "We welcome the truce", "said", "direct", "ceasefire", "support"),
    ('"Nuclear weapons are a threat to all of humanity," Lena Falk said.', "Nuclear weapons are a threat to all of humanity", "said", "direct", "nuclear-weapons", "oppose"),
    ('"Terrorism is unacceptable," Lena Falk said.', "Terrorism is unacceptable", "said", "direct", "terrorism", "oppose"),
    ('"We condemn the suicide bombing," Lena Falk said.', "We condemn the suicide bombing", "said", "direct", "terrorism", "oppose"),
    ('"The vaccination drive is a great success," Lena Falk said.', "The vaccination drive is a great success", "said", "direct", "health-outbreak", "support"),
    ('"The arms package for Kyiv should be approved this week," Lena Falk said.', "The arms package for Kyiv should be approved this week", "said", "direct", "military-aid", "support"),
    ('"The sanctions should be lifted," Lena Falk said.', "The sanctions should be lifted", "said", "direct", "sanctions", "oppose"),
    ('"Moldova must join NATO," Lena Falk said.', "Moldova must join NATO", "said", "direct", "nato-membership", "support"),
    ('"A ceasefire is the only way forward," Lena Falk said.', "A ceasefire is the only way forward", "said", "direct", "ceasefire", "support"),
    ('"Sending troops would be reckless," Lena Falk said.', "Sending troops would be reckless", "said", "direct", "foreign-troops", "oppose"),
    ('"The embargo is illegal," Lena Falk said.', "The embargo is illegal", "said", "direct", "sanctions", "oppose"),
    ('"Negotiation is the best path," Lena Falk said.', "Negotiation is the best path", "said", "direct", "peace-talks", "support"),
    ('"We back the peace plan," Lena Falk said.', "We back the peace plan", "said", "direct", "peace-talks", "support"),
    ('"The sanctions have failed," Lena Falk said.', "The sanctions have failed", "said", "direct", "sanctions", "oppose"),
    ('"I am against the embargo," Lena Falk said.', "I am against the embargo", "said", "direct", "sanctions", "oppose"),
    ('"The humanitarian corridor is vital," Lena Falk said.', "The humanitarian corridor is vital", "said", "direct", "humanitarian-aid", "support"),
    ('"These terrorists are barbaric," Lena Falk said.', "These terrorists are barbaric", "said", "direct", "terrorism", "oppose"),
    ('"Peace talks with the rebels are important," Lena Falk said.', "Peace talks with the rebels are important", "said", "direct", "peace-talks", "support"),
    ('Lena Falk condemned the sanctions as illegal.', "the sanctions as illegal", "condemned", "indirect", "sanctions", "oppose"),
    ('Lena Falk said the arms deliveries were necessary.', "the arms deliveries were necessary", "said", "indirect", "military-aid", "support"),
    ('Lena Falk said the truce was a dangerous illusion.', "the truce was a dangerous illusion", "said", "indirect", "ceasefire", "oppose"),
    ('Lena Falk said the vaccine was safe and effective.', "the vaccine was safe and effective", "said", "indirect", "health-outbreak", "support"),
    ('Lena Falk accused the extremists of undermining the peace.', "the extremists of undermining the peace", "accused", "indirect", "terrorism", "oppose"),
    ("Omar Lund: No. Sending troops is out of the question.", "No. Sending troops is out of the question.", None, "transcript", "foreign-troops", "oppose"),
    ("Omar Lund: Sanctions work. We need more sanctions on the regime.", "Sanctions work. We need more sanctions on the regime.", None, "transcript", "sanctions", "support"),
    ('"Arms deliveries must continue as long as it takes," Lena Falk said.', "Arms deliveries must continue as long as it takes", "said", "direct", "military-aid", "support"),
    # --- reported accusations about a third party: no stance on the topic of the accused act ---
    ("Lena Falk accused Iran of supplying drones and missiles to Moscow.", "supplying drones and missiles to Moscow", "accused", "indirect", "military-aid", "neutral"),
    ("Lena Falk accused the junta of rigging the elections.", "rigging the elections", "accused", "indirect", "elections", "neutral"),
    ("Lena Falk accused Minsk of sending troops across the border.", "sending troops across the border", "accused", "indirect", "foreign-troops", "neutral"),
    ("Lena Falk accused the militia of using the ceasefire to rearm.", "using the ceasefire to rearm", "accused", "indirect", "ceasefire", "neutral"),
    ("Lena Falk accused the ministry of lying about the vaccine.", "lying about the vaccine", "accused", "indirect", "health-outbreak", "neutral"),
    ("Lena Falk accused the shipping firm of breaking the embargo.", "breaking the embargo", "accused", "indirect", "sanctions", "neutral"),
    ("Lena Falk blamed the smugglers for diverting the food aid.", "diverting the food aid", "blamed", "indirect", "humanitarian-aid", "neutral"),
    ("Lena Falk accused the general of delaying the peace talks.", "delaying the peace talks", "accused", "indirect", "peace-talks", "neutral"),
    # --- descriptions of events: no stance ---
    ('"The terrorists drove a truck into the gate, and our guards secured the compound within minutes," Colonel Amir Tal said.',
     "The terrorists drove a truck into the gate, and our guards secured the compound within minutes", "said", "direct", "terrorism", "neutral"),
    ('"The extremists fired rockets at the base, and we provided medical help to the wounded," Colonel Amir Tal said.',
     "The extremists fired rockets at the base, and we provided medical help to the wounded", "said", "direct", "terrorism", "neutral"),
    ('"A suicide bomber struck the market at noon, and the police protected the survivors," Colonel Amir Tal said.',
     "A suicide bomber struck the market at noon, and the police protected the survivors", "said", "direct", "terrorism", "neutral"),
    ('"Taliban fighters attacked the checkpoint, and the soldiers repelled them successfully," Colonel Amir Tal said.',
     "Taliban fighters attacked the checkpoint, and the soldiers repelled them successfully", "said", "direct", "terrorism", "neutral"),
    ('"The aid convoy arrived on Tuesday with forty trucks of flour," Colonel Amir Tal said.',
     "The aid convoy arrived on Tuesday with forty trucks of flour", "said", "direct", "humanitarian-aid", "neutral"),
    ('"The election was held on Sunday, and turnout reached 61 percent," Colonel Amir Tal said.',
     "The election was held on Sunday, and turnout reached 61 percent", "said", "direct", "elections", "neutral"),
    ('"The ceasefire began at midnight, and our units moved back to strong positions," Colonel Amir Tal said.',
     "The ceasefire began at midnight, and our units moved back to strong positions", "said", "direct", "ceasefire", "neutral"),
    ('"The terrorists hid in the school, and we ensured that every child was safe," Colonel Amir Tal said.',
     "The terrorists hid in the school, and we ensured that every child was safe", "said", "direct", "terrorism", "neutral"),
    ('"Aid convoys have been blocked at the crossing for a month," Lena Falk said.', "Aid convoys have been blocked at the crossing for a month", "said", "direct", "humanitarian-aid", "neutral"),
    ('"Parliament approved the arms package for Kyiv on Friday," Lena Falk said.', "Parliament approved the arms package for Kyiv on Friday", "said", "direct", "military-aid", "neutral"),
    ('"The truce was violated twice overnight," Lena Falk said.', "The truce was violated twice overnight", "said", "direct", "ceasefire", "neutral"),
    # --- topic merely mentioned: the evaluation is about something else ---
    ('"Despite the sanctions, our economy is strong," Lena Falk said.', "Despite the sanctions, our economy is strong", "said", "direct", "sanctions", "neutral"),
    ('"During the peace talks, the weather was terrible," Lena Falk said.', "During the peace talks, the weather was terrible", "said", "direct", "peace-talks", "neutral"),
    ('"After the election, I am hopeful about the harvest," Lena Falk said.', "After the election, I am hopeful about the harvest", "said", "direct", "elections", "neutral"),
    ('"Amid the sanctions, the football final was a great success," Lena Falk said.', "Amid the sanctions, the football final was a great success", "said", "direct", "sanctions", "neutral"),
    ('"We talked about NATO membership, and the lunch was excellent," Lena Falk said.', "We talked about NATO membership, and the lunch was excellent", "said", "direct", "nato-membership", "neutral"),
    ('"I met refugees yesterday, and the new school is wonderful," Lena Falk said.', "I met refugees yesterday, and the new school is wonderful", "said", "direct", "humanitarian-aid", "neutral"),
    ('"Before the vaccination campaign, we hired a great team of nurses," Lena Falk said.', "Before the vaccination campaign, we hired a great team of nurses", "said", "direct", "health-outbreak", "neutral"),
    ('"Since the truce, the river has been a disaster for farmers," Lena Falk said.', "Since the truce, the river has been a disaster for farmers", "said", "direct", "ceasefire", "neutral"),
    # --- questions and interviewer turns: no stance ---
    ("Interviewer: Many say sanctions are useless. Do you agree?", "Many say sanctions are useless. Do you agree?", None, "transcript", "sanctions", "neutral"),
    ("Host: Critics call the arms deliveries reckless. What is your answer?", "Critics call the arms deliveries reckless. What is your answer?", None, "transcript", "military-aid", "neutral"),
    ("Q: You have said NATO membership is essential. Is that still your view?", "You have said NATO membership is essential. Is that still your view?", None, "transcript", "nato-membership", "neutral"),
    ("Interviewer: The election was a disaster for your party. How do you respond?", "The election was a disaster for your party. How do you respond?", None, "transcript", "elections", "neutral"),
    ("Host: The truce failed within a day. Was it a mistake to sign it?", "The truce failed within a day. Was it a mistake to sign it?", None, "transcript", "ceasefire", "neutral"),
    ('"Should Moldova join NATO now?" Lena Falk asked.', "Should Moldova join NATO now?", "asked", "direct", "nato-membership", "neutral"),
    ('"Why would anyone oppose sanctions?" Lena Falk asked.', "Why would anyone oppose sanctions?", "asked", "direct", "sanctions", "neutral"),
    ('"Is the humanitarian corridor safe?" Lena Falk asked.', "Is the humanitarian corridor safe?", "asked", "direct", "humanitarian-aid", "neutral"),
]


@pytest.fixture(scope="module")
def tagger(nlp):
    return get_topic_tagger(nlp)


def _polarity(nlp, tagger, text, content, cue, kind, topic) -> str:
    start = text.index(content)
    cue_start = text.index(cue) if cue else None
    q = Quote(id="t:q1", text=content, start=start, end=start + len(content), kind=kind, cue=cue,
              cue_start=cue_start, cue_end=cue_start + len(cue) if cue else None,
              speaker="Lena Falk", speaker_type="person")
    doc = nlp(text)
    card = Speaker(name="Lena Falk")
    got = {s.topic: s for s in speaker_stances(doc, [q], [card], tagger)}
    return got[topic].polarity if topic in got else "neutral"


def test_stance_target_set_size():
    assert len(CASES) >= 60
    assert sum(1 for c in CASES if c[-1] == "neutral") >= 30


@pytest.mark.parametrize("text, content, cue, kind, topic, expected", CASES,
                         ids=[f"{c[4]}:{c[1][:40]}" for c in CASES])
def test_stance_aimed_at_target(nlp, tagger, text, content, cue, kind, topic, expected):
    assert _polarity(nlp, tagger, text, content, cue, kind, topic) == expected


def test_stance_confidence_and_deciding_words(nlp, tagger):
    """Test that one clear quote gives 0.6, two agreeing 0.84, a merely mentioned topic 0.3, with the cues."""
    text = ('"We oppose sending troops to the region," Lena Falk said. "Sending troops would be reckless," '
            'Lena Falk said. "Despite the sanctions, our economy is strong," Lena Falk said.')
    qs = []
    for n, content in enumerate(["We oppose sending troops to the region", "Sending troops would be reckless",
                                 "Despite the sanctions, our economy is strong"], 1):
        s = text.index(content)
        qs.append(Quote(id=f"t:q{n}", text=content, start=s, end=s + len(content), kind="direct", cue="said",
                        speaker="Lena Falk", speaker_type="person"))
    doc = nlp(text)
    got = {s.topic: s for s in speaker_stances(doc, qs, [Speaker(name="Lena Falk")], tagger)}
    troops, sanctions = got["foreign-troops"], got["sanctions"]
    assert (troops.polarity, troops.confidence, troops.cues) == ("oppose", 0.84, ["oppose", "reckless"])
    assert (sanctions.polarity, sanctions.confidence, sanctions.cues) == ("neutral", 0.3, [])
    one = {s.topic: s for s in speaker_stances(doc, qs[:1], [Speaker(name="Lena Falk")], tagger)}
    assert one["foreign-troops"].confidence == 0.6


def test_stance_confidence_formula():
    from components.extract.stance import stance_confidence

    assert stance_confidence("support", 1.0, [1.0, 1.0, -1.0]) == round(2 / 3 * 1.0 * (1 - 0.4 ** 2), 3)
    assert stance_confidence("neutral", 0.0, [0.0]) == 0.6
    assert stance_confidence("support", 0.35, [0.35]) == round(0.35 * 0.6, 3)


def test_token_at_or_after_finds_the_token_after_a_cue_by_offset():
    from components.extract.stance import _token_at_or_after
    from components.nlp import load_nlp

    doc = load_nlp().make_doc("The mayor called for calm.")
    assert doc[_token_at_or_after(doc, 16)].text == "for"  # right after "called" (ends at 16)
    assert doc[_token_at_or_after(doc, 12)].text == "called"  # inside "called"
    assert _token_at_or_after(doc, 26) == len(doc)  # past the end
