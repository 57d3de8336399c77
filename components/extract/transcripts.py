"""Interview transcripts: turn labels (``**Name:**``, ``NAME:``, ``NAME (voice-over):``) and their turns.

Method: a label opens a line; at least two labelled lines make a transcript. Unlabelled lines after a
turn continue it (one turn record per paragraph). Caption labels (:data:`components.constants.NON_SPEAKER_LABELS`)
end a turn and are not speech; interviewer labels (:data:`components.constants.INTERVIEWER_LABELS`) and a
label defined as an outlet abbreviation in a header ("World Today News (WTN)") are the interviewer's.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import constants as C
from .speakers import SpeakerIndex

# transcript label at a line start: "**Name:**", "**Name (X):**", "NAME:", "NAME (voice-over):", "Name:"
_LABEL_RE = re.compile(
    r"^(?P<pre>\s*\*\*\s*)?(?P<label>[A-Za-z][\w.'’\- ,]{0,60}?(?:\s*\([^)\n]{1,40}\))?)\s*:\s*(?(pre)\*\*)\s*(?=\S)",
    re.M,
)



def transcript_turns(text: str, index: SpeakerIndex) -> list[tuple[int, int, int, int, str, Optional[str]]]:
    """Interview turns: (label_start, label_end, content_start, content_end, label, speaker|None).

    A label opens a line (``**Name:**``, ``NAME:``, ``NAME (voice-over):``); unlabelled lines that
    follow a turn continue it (emitted per paragraph). Caption labels ("TEXT:") end a turn and are
    not speech; interviewer labels ("Q:") and labels defined as an outlet abbreviation in a header
    ("World Today News (WTN)") are the interviewer's. Needs at least two labelled lines.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    labelled = []
    for a, b in lines:
        m = _LABEL_RE.match(text, a, b)
        if not m:
            labelled.append(None)
            continue
        label = m.group("label").strip()
        bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
        bold = m.group("pre") is not None
        words = bare.split()
        first = bare.split(",")[0].strip()
        ok = (
            bare
            and len(words) <= 6
            and bare.lower() not in C.NON_SPEAKER_LABELS
            and not re.search(r"\d", bare)
            and (bold or bare.isupper() or (bare.lower() in C.INTERVIEWER_LABELS))
        )
        if not ok or (not bold and len(first.split()) > 4):
            labelled.append(("caption" if bare.lower() in C.NON_SPEAKER_LABELS else None, m))
            continue
        labelled.append(("turn", m))
    n_turns = sum(1 for x in labelled if x and x[0] == "turn")
    if n_turns < 2:
        return []
    turns = []
    current: Optional[tuple] = None
    for (a, b), lab in zip(lines, labelled):
        line = text[a:b]
        if lab and lab[0] == "turn":
            m = lab[1]
            label = m.group("label").strip()
            abbr = re.search(r"\(([A-Z]{2,6})\)", label)
            bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
            if abbr:
                index.define_abbreviation(abbr.group(1), bare)
            name_part = bare.split(",")[0].strip()
            if name_part.lower() in C.INTERVIEWER_LABELS:
                speaker = None
            else:
                speaker = name_part
            cs, ce = m.end(), b
            current = (m.start("label"), m.start("label") + len(label), speaker, label)
            turns.append((current[0], current[1], cs, ce, label, speaker))
            continue
        if lab and lab[0] == "caption":
            current = None
            continue
        stripped = line.strip()
        if current is None or not stripped or stripped.startswith(("#", "---", "**")) or set(stripped) <= set("-*_= "):
            current = None
            continue
        off = a + (len(line) - len(line.lstrip()))
        turns.append((current[0], current[1], off, b, current[3], current[2]))
    return turns
