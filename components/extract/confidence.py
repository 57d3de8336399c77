"""How sure the rules are of a record: the ``confidence`` of quotes and casualty records, in [0, 1].

A confidence orders records for review (the dashboard's review queue lists the least certain first);
it never changes what the extraction decides. Each factor below is a property of the record the
rules already know; the product of the factors is rounded to 3 decimals.

**Quote** (:func:`quote_confidence`: is the attribution, speaker and cue, right?):

- the sieve pass that attributed it (:data:`PASS_CONFIDENCE`): a quotation inside a reporting
  frame's content or a byline 0.9, a transcript turn 0.85, the nearest cue or a recap ("That is
  how X put it") 0.75, a dialogue tag
  whose verb the lexicon lacks 0.7, a reporting clause
  before a floating quotation 0.7, an indirect (reported-speech) frame 0.65, a colon 0.6, a
  quotation running on from the previous attributed one 0.55, a floating quotation with no cue 0.2;
- the cue's reliability learned from PolNeAR's training split (:func:`.cuelex.cue_table`, entry
  ``(lemma, pos, "any")``): factor ``0.5 + 0.5 * reliability`` ("said" 0.85 -> 0.92; a cue not in
  the lexicon counts as reliability 0, factor 0.5); no factor when the pass uses no cue;
- a speaker resolved from a pronoun mention ("he said"): factor 0.85; no speaker at all: at most 0.2.

**Casualty record** (:func:`casualty_confidence`: are the figures and the place right?):

- the killed count's qualifier: ``exact`` 1.0, ``range`` / ``at_least`` / ``at_most`` 0.85,
  ``vague`` ("dozens") 0.6; no killed figure (only injured or missing) 0.8;
- the place: resolved to coordinates 1.0; named but not geocoded 0.8; none 0.6;
- the date: known 1.0; unknown 0.9.
"""

from __future__ import annotations

from typing import Optional

from .. import lexicon as C

PASS_CONFIDENCE: dict[str, float] = {
    "frame_content": 0.9,
    "byline": 0.9,
    "transcript": 0.85,
    "nearest_cue": 0.75,
    "recap": 0.75,  # "That is how X described it" after the quotation, as sure as the nearest cue
    "dialogue_tag": 0.7,  # a verb the cue lexicon lacks, a reporting cue by its position after the quotation
    "reporting_clause": 0.7,
    "indirect": 0.65,
    "colon": 0.6,
    "continuation": 0.55,
    "floating": 0.2,
}
PRONOUN_FACTOR = 0.85
NO_SPEAKER_CAP = 0.2
QUALIFIER_FACTOR = {"exact": 1.0, "range": 0.85, "at_least": 0.85, "at_most": 0.85, "vague": 0.6}
NO_KILLED_FACTOR = 0.8
PLACE_FACTOR = {"geocoded": 1.0, "named": 0.8, "none": 0.6}
NO_DATE_FACTOR = 0.9


def quote_confidence(rule: str, cue_reliability: Optional[float], speaker: Optional[str],
                     mention: Optional[str]) -> float:
    """The confidence of a quotation's attribution (module docstring: the factors).

    Args:
        rule (str): the pass that attributed it, a key of :data:`PASS_CONFIDENCE`.
        cue_reliability (float | None): the cue's learned reliability in [0, 1]; None when the pass
            uses no cue.
        speaker (str | None): the resolved speaker name (None: unattributed).
        mention (str | None): how the text names the speaker there ("he", "Kallas").

    Returns:
        float: in [0, 1], 3 decimals.

    Raises:
        KeyError: ``rule`` is not a known pass.
    """
    c = PASS_CONFIDENCE[rule]
    if cue_reliability is not None:
        c *= 0.5 + 0.5 * max(0.0, min(1.0, cue_reliability))
    if speaker and mention and mention.lower() in C.PERSON_PRONOUNS:
        c *= PRONOUN_FACTOR
    if not speaker:
        c = min(c, NO_SPEAKER_CAP)
    return round(c, 3)


def casualty_confidence(killed_qualifier: Optional[str], killed_min: Optional[int], killed_max: Optional[int],
                        place: Optional[str], lat: Optional[float], date: Optional[str]) -> float:
    """The confidence of a casualty record's figures and place (module docstring: the factors).

    Args:
        killed_qualifier (str | None): ``exact``, ``at_least``, ``at_most``, ``range``, ``vague`` or None.
        killed_min, killed_max (int | None): the killed bounds (both None: no killed figure).
        place (str | None), lat (float | None): the place name and its latitude (None: not geocoded).
        date (str | None): the event's ISO date.

    Returns:
        float: in [0, 1], 3 decimals.
    """
    if killed_min is None and killed_max is None:
        c = NO_KILLED_FACTOR
    else:
        c = QUALIFIER_FACTOR.get(killed_qualifier or "", QUALIFIER_FACTOR["range"])
    c *= PLACE_FACTOR["geocoded" if place and lat is not None else "named" if place else "none"]
    if not date:
        c *= NO_DATE_FACTOR
    return round(c, 3)
