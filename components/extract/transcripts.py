"""Interview transcripts: turn labels (``**Name:**``, ``NAME:``, ``Name:``, ``Q:``) and their turns.

Method: a label opens a line; at least two turn labels make a transcript. A label is a turn only
when it names a person or a role, or is a question/answer label (:func:`label_kind`): list markers
("A:", "B:" in a list of options, "1:") and section labels ("Note:", "Update:", "Background:",
:data:`components.lexicon.NON_SPEAKER_LABELS`) are not, and a section label ends a turn.
Unlabelled lines after a turn continue it (one turn record per paragraph). Question labels
(:data:`components.lexicon.INTERVIEWER_LABELS`) and a label defined as an outlet abbreviation
in a header ("World Today News (WTN)") are the interviewer's, and so is a label naming the
journalist the introduction names ("our correspondent Anna Reid" ... "Anna Reid:").
:func:`turn_quotes` turns the turns into transcript quotes; the interviewer's questions stay
turns (their text is not another turn's) but give no quote, so no speaker and no stance is read
from a question.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import lexicon as C
from ..gazetteer import capitals_place
from .speakers import SpeakerIndex, clean_name, is_title_word

# transcript label at a line start: "**Name:**", "**Name (X):**", "NAME:", "NAME (voice-over):", "Name:", and two
# parentheses as parliamentary records write them ("Sarah Dyke (Glastonbury and Somerton) (LD):");
# an opening quotation mark may come first (a transcript quoted whole: '"SMITH: ...' per paragraph)
_LABEL_RE = re.compile(
    r"^(?P<mark>\s*[\"“])?(?P<pre>\s*\*\*\s*)?(?P<label>[A-Za-z][\w.'’\- ,]{0,60}?(?:\s*\([^)\n]{1,40}\)){0,2})\s*:\s*(?(pre)\*\*)\s*(?=\S)",
    re.M,
)
_LIST_MARKER_RE = re.compile(r"^(?:[A-Za-z]|\d+|[ivxIVX]+)\.?$")
# "Q." / "A." with a full stop instead of a colon (a printed interview's convention); a turn label only in a text
# that has both, so "A. J. Smith said" opening a line of an article stays a name
_QA_DOT_RE = re.compile(r"^(?P<mark>)(?P<pre>)(?P<label>[QA])\.[ \t]+(?=\S)", re.M)


def label_kind(bare: str, bold: bool, index: SpeakerIndex, has_question: bool) -> Optional[str]:
    """What a line label is: ``"question"``, ``"answer"``, ``"turn"`` (a person or a role),
    ``"caption"`` (a section label, ends a turn) or None (not a label: list markers, clauses, a colon dateline in
    capitals: :func:`_dateline_place`).

    Args:
        bare (str): the label without its parenthesis ("Dr. Roe", "Q", "Note").
        bold (bool): the label was bold (``**Name:**``).
        index (SpeakerIndex): the article's people (a plain "Kiprop:" is a turn when it names one).
        has_question (bool): the text has a question label; "A:" is an answer only then.
    """
    low = bare.lower()
    last = bare.split()[-1] if bare.split() else ""
    if low in C.NON_SPEAKER_LABELS or last.islower() and last in C.NON_SPEAKER_LABELS:
        return "caption"
    if low in C.INTERVIEWER_LABELS:
        return "question"
    if low in C.ANSWER_LABELS and has_question:
        return "answer"
    words = bare.split()
    if not bare or len(words) > 6 or re.search(r"\d", bare) or _LIST_MARKER_RE.match(bare):
        return None
    if words[0].lower() in C.PRONOUN_GENDER or words[0].lower() in C.PERSON_PRONOUNS or words[-1].islower() \
            and not (is_title_word(words[-1]) or words[-1] in C.PERSON_NOUNS or words[-1] in C.JOURNALIST_NOUNS):
        return None  # a clause before a colon ("Her colleague, Rep. Tom Brown, disagreed:"), not a label
    first = bare.split(",")[0].strip()
    if not bold and bare.isupper() and _dateline_place(bare, index):
        return None  # "DHAKA: The government on Sunday ...": a colon dateline (South Asian press), not a speaker
    if bold or bare.isupper():
        return "turn" if bold or len(first.split()) <= 4 else None
    name = clean_name(first)
    known = name and (index.canonical(name) in index.full_names or name.lower() in index.records)
    role = is_title_word(first.split()[0]) or first.lower() in C.JOURNALIST_NOUNS
    return "turn" if (known or role) and first[:1].isupper() and len(first.split()) <= 4 else None


def _dateline_place(label: str, index: SpeakerIndex) -> bool:
    """True when the capitals label ``label`` ("DHAKA", "NEW DELHI") is the gazetteer's name of a city, area or country
    and names no person of the article ("JORDAN:" after "Michael Jordan" stays his turn)."""
    if not capitals_place(label):
        return False
    name = clean_name(label)
    return not (name and (index.canonical(name) in index.full_names or name.lower() in index.records))


def transcript_turns(text: str, index: SpeakerIndex) -> list[tuple[int, int, int, int, str, Optional[str]]]:
    """Interview turns: (label_start, label_end, content_start, content_end, label, speaker|None).

    A label opens a line and is classified by :func:`label_kind`; unlabelled lines that follow a
    turn continue it (emitted per paragraph). Section labels ("Note:") end a turn and are not
    speech; question labels ("Q:") and labels defined as an outlet abbreviation in a header
    ("World Today News (WTN)") are the interviewer's (speaker None). "Q." / "A." with a full stop are
    labels when the text has both. Needs at least two turn labels.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    matches = [_LABEL_RE.match(text, a, b) for a, b in lines]
    dotted = [_QA_DOT_RE.match(text, a, b) for a, b in lines]
    if {m.group("label") for m in dotted if m} == {"Q", "A"}:
        matches = [m or d for m, d in zip(matches, dotted)]
    bares = [re.sub(r"\s*\([^)]*\)", "", m.group("label").strip()).strip() if m else "" for m in matches]
    has_question = any(b.lower() in C.INTERVIEWER_LABELS for b in bares)
    labelled = []
    for m, bare in zip(matches, bares):
        kind = label_kind(bare, m.group("pre") is not None, index, has_question) if m else None
        labelled.append((kind, m) if kind else None)
    # a transcript quoted whole opens each paragraph with a mark ('"SMITH: ...'); then only quoted
    # labels are turns (an unquoted "Smith: ..." is a headline) and only quoted lines continue one
    quoted = sum(1 for x in labelled if x and x[0] != "caption" and x[1].group("mark")) >= 2
    if quoted:
        labelled = [x if x and x[1].group("mark") else None for x in labelled]
    if sum(1 for x in labelled if x and x[0] != "caption") < 2:
        return []
    return _collect_turns(text, lines, labelled, index, quoted)


def _collect_turns(text: str, lines, labelled, index: SpeakerIndex, quoted: bool = False) -> list[tuple]:
    """The turns of :func:`transcript_turns` from its classified lines, continuation lines included
    (in a ``quoted`` transcript only lines opening with a quotation mark, stage directions such as
    '"(CROSSTALK.)' excepted)."""
    turns = []
    current: Optional[tuple] = None
    for (a, b), lab in zip(lines, labelled):
        line = text[a:b]
        if quoted and not lab and (not line.lstrip().startswith(("\"", "“")) or re.fullmatch(r"\W*\([^)]*\)\W*", line)):
            current = None
            continue
        if lab and lab[0] != "caption":
            m = lab[1]
            label = m.group("label").strip()
            abbr = re.search(r"\(([A-Z]{2,6})\)", label)
            bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
            if abbr:
                index.define_abbreviation(abbr.group(1), bare)
            speaker = None if lab[0] == "question" else bare.split(",")[0].strip()
            current = (m.start("label"), m.start("label") + len(label), speaker, label)
            turns.append((current[0], current[1], m.end(), b, label, speaker))
            continue
        if lab:  # a section label ends the turn
            current = None
            continue
        stripped = line.strip()
        if current is None or not stripped or stripped.startswith(("#", "---", "**")) or set(stripped) <= set("-*_= "):
            current = None
            continue
        off = a + (len(line) - len(line.lstrip()))
        turns.append((current[0], current[1], off, b, current[3], current[2]))
    return turns


def turn_quotes(turns: list[tuple], index: SpeakerIndex, text: str, strip) -> list[dict]:
    """Transcript quotes (dicts with the keys of :class:`~components.models.Quote` but ``id``)
    for the turns of :func:`transcript_turns`, in turn order.

    The interviewer's turns give none: a question label ("Q:") or a label naming the journalist
    the introduction names (:meth:`SpeakerIndex.interviewer`). An answer turn ("A:") is the
    interviewee the introduction names (else no speaker). An outlet label ("WTN") is that
    organisation. Any other label is a person, with the words after a comma as role
    ("Rohan Mehta, transport commissioner").

    Args:
        strip: ``strip(text, a, b) -> (a, b)``, the content trimmer of the quotation stage.
    """
    out: list[dict] = []
    expansions = {v.lower(): v for v in index._abbrev.values()}  # "world today news" -> "World Today News"
    journalist = index.interviewer(turns[0][0]) if turns else None
    for ls, le, cs, ce, label, speaker in turns:
        a, b = strip(text, cs, ce)
        if b > a and text[b - 1] in "\"”" and len(re.findall("[\"“”]", text[a:b])) % 2:
            a, b = strip(text, a, b - 1)  # the closing mark of a transcript quoted whole
        if a >= b or speaker is None:
            continue
        who = _turn_speaker(speaker, label, index, turns[0][0], expansions)
        if who is None or who[0] is not None and who[0].lower() == journalist:
            continue
        out.append(dict(kind="transcript", start=a, end=b, text=text[a:b], speaker=who[0], speaker_type=who[1],
                        mention=text[ls:le], mention_start=ls, mention_end=le))
    return out


def _turn_speaker(speaker: str, label: str, index: SpeakerIndex, first_label: int, expansions: dict):
    """``(speaker name, speaker type)`` of one labelled turn, or None when the label names
    nobody; see :func:`turn_quotes`."""
    name = clean_name(speaker)
    if name.lower() in C.ANSWER_LABELS:
        key = index.interviewee(first_label)
        return (index.records[key].name if key else None), "person"
    if name.lower() in index._abbrev or name.lower() in expansions:
        full = index._abbrev.get(name.lower()) or expansions[name.lower()]
        index.add_organisation(full, "organisation")
        return full, "organisation"
    words = name.lower().split()
    if len(words) == 2 and words[0] == "the":
        # a role as the label ("THE WITNESS:", "THE COURT:", the court being the presiding judge): the person the
        # introduction gives that role, never a person named "The Witness"
        heads = set(C.COURT_ROLES) if words[1] == "court" else {words[1]}
        key = index.role_holder(first_label, heads)
        return (index.records[key].name, "person") if key else None
    key = index.add_person(speaker)
    if key is None:
        return None
    descriptor = re.sub(r"\s*\([^)]*\)", "", label).split(",", 1)
    if len(descriptor) == 2 and len(descriptor[1].split()) <= 5:
        index.set_role(key, descriptor[1])
    return index.records[key].name, "person"


# an unlabelled interview: at least this many question paragraphs, each followed by its answer paragraph
MIN_UNLABELLED_QUESTIONS = 2
MAX_QUESTION_WORDS = 40  # a question paragraph is short: one or two sentences of the journalist
_WORD_RE = re.compile(r"[\w'’-]+")
_QUOTE_MARK_RE = re.compile("[\"“”«»]")


def unlabelled_answers(text: str, index: SpeakerIndex) -> list[dict]:
    """Transcript quotes of an interview printed without turn labels: after an introduction that announces it
    (a word of :data:`~components.lexicon.INTERVIEW_CUES` in the paragraph before the first question: "She spoke to
    us on Tuesday."), paragraphs that are one short question (ending "?", at most :data:`MAX_QUESTION_WORDS`
    words, no quotation marks) alternating with answer paragraphs (no quotation marks, not questions), at least
    :data:`MIN_UNLABELLED_QUESTIONS` pairs, one of whose answers speaks in the first person. Each answer paragraph
    is the interviewee's (:meth:`SpeakerIndex.interviewee`); the questions give none (the journalist's). An
    explainer that asks its own questions ("Why does it matter?") has no interview introduction or no first
    person, and gives none.

    Returns:
        list[dict]: quotes with the keys of :class:`~components.models.Quote` but ``id``, kind ``transcript``.
    """
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if text[m.start():m.end()].strip()]
    def is_question(a: int, b: int) -> bool:
        chunk = text[a:b].strip()
        return chunk.endswith("?") and len(_WORD_RE.findall(chunk)) <= MAX_QUESTION_WORDS and not _QUOTE_MARK_RE.search(chunk)
    pairs, k = [], 0
    while k + 1 < len(paras):
        if is_question(*paras[k]) and not is_question(*paras[k + 1]) and not _QUOTE_MARK_RE.search(text[slice(*paras[k + 1])]):
            pairs.append((paras[k], paras[k + 1]))
            k += 2
        else:
            if pairs:
                break  # (one run of questions and answers)
            k += 1
    if len(pairs) < MIN_UNLABELLED_QUESTIONS:
        return []
    first = pairs[0][0][0]
    intro = [p for p in paras if p[1] <= first][-1:]
    if not intro or not any(w.lower() in C.INTERVIEW_CUES for w in _WORD_RE.findall(text[slice(*intro[0])])):
        return []
    if not any(re.search(r"\b(?:I|we|my|our|me|us)\b", text[slice(*answer)]) for _, answer in pairs):
        return []
    key = index.interviewee(first)
    if key is None:
        return []
    name = index.records[key].name
    out = []
    for _, (a, b) in pairs:
        chunk = text[a:b]
        a2, b2 = a + len(chunk) - len(chunk.lstrip()), a + len(chunk.rstrip())
        out.append(dict(kind="transcript", start=a2, end=b2, text=text[a2:b2], speaker=name, speaker_type="person"))
    return out
