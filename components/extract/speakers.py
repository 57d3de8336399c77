"""Speaker mentions, coreference and canonical speakers of one article.

Method (rule-based, after the Gender Gap Tracker's speaker stage, Asr et al. 2021): named people are
the PERSON entities outside quotations (minus toponyms the small model mistags, checked against the
article's :class:`~components.models.Place` mentions and the gazetteer) plus proper-noun subjects of
reporting verbs. A short or garbled form ("Zelenskyy", "zelenskyy", "Dr.Ivanov") is snapped to the
fullest form the article gives whose last tokens it matches; pronouns go to the nearest preceding
named person. Organisations, groups and documents are typed from their head noun
(:data:`components.constants.ORG_HEAD_NOUNS` and friends) and never snapped to a person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .. import constants as C
from ..models import Place, Speaker
from ..nlp import datelines

_TITLE_RE = re.compile(r"^(?:dr|mr|mrs|ms|prof|sen|rep|gov|gen|lt|col|capt|sgt|maj|rev)\.?\s*", re.I)
_PAREN_RE = re.compile(r"\s*\([^)]*\)\s*")


def join_tokens(toks) -> str:
    """Text of ``toks`` with the article's own spacing between neighbours ("Secretary-General"),
    one space between tokens that are not adjacent."""
    out = []
    for k, t in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        out.append(t.text_with_ws if nxt is not None and nxt.i == t.i + 1 else t.text + " ")
    return re.sub(r"\s+", " ", "".join(out)).strip()


_ABBREV_DEF_RE = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_ABBREV_WORD_RE = re.compile(r"[\w&'’.\-]+")


def defined_abbreviations(text: str) -> list[tuple[str, str]]:
    """Abbreviations the text defines in parentheses after their full form.

    The full form is the shortest run of words before ``(ABBR)`` that starts with a capital and
    whose capitalised words' initials spell the abbreviation (small words such as "for", "in"
    may sit between): "World Today News (WTN)", "Organization for Security and Co-operation in
    Europe (OSCE)". Parentheses that spell nothing ("Kyiv (AP)", "Joe Biden (D)") are ignored.

    Returns:
        list[tuple[str, str]]: ``(abbreviation, full form)`` in text order.
    """
    out = []
    for m in _ABBREV_DEF_RE.finditer(text):
        abbrev = m.group(1)
        letters = abbrev.replace("&", "")
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = _ABBREV_WORD_RE.findall(text[max(line_start, m.start() - 160) : m.start()])[-12:]
        for k in range(len(letters), len(words) + 1):
            cand = words[-k:]
            initials = "".join(w[0] for w in cand if w[0].isupper())
            if len(initials) > len(letters):
                break
            if initials == letters and cand[0][0].isupper():
                out.append((abbrev, " ".join(cand)))
                break
    return out


def _gaz():
    """The shared gazetteer, or None when it cannot be built (imported lazily)."""
    try:
        from ..gazetteer import get_gazetteer

        return get_gazetteer()
    except Exception:  # pragma: no cover - gazetteer missing or broken
        return None


def country_of(text: str) -> Optional[str]:
    """ISO alpha-2 code for a country name, demonym or seat-of-government metonym, else None."""
    key = re.sub(r"^the\s+", "", text.strip().lower())
    key = re.sub(r"['’]s$", "", key)
    if key in C.ORG_COUNTRY:
        return C.ORG_COUNTRY[key]
    g = _gaz()
    if g is None:
        return None
    try:
        return g.country_code(text)
    except Exception:
        return None


def repair_case(name: str) -> str:
    """Title-case a lower-case or ALL-CAPS name ("aoife o'brien" -> "Aoife O'Brien"); else unchanged."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not (all(c.islower() for c in letters) or all(c.isupper() for c in letters)):
        return name
    if all(c.isupper() for c in letters) and len(name) <= 4 and " " not in name:
        return name  # an acronym such as "WTN" or "NATO"
    out = name.lower().title()  # capitalises after apostrophes and hyphens: O'Brien, Smith-Jones
    out = re.sub(r"(\w)['’]S\b", lambda m: m.group(1) + "'s", out)
    return out


def clean_name(text: str) -> str:
    """Canonical surface of a name: no titles, parentheses, possessive or outer punctuation, case repaired.

    Args:
        text (str): a mention as written ("Dr.Ivanov", "MEHTA (voice-over)", "Deputy Police Chief Tomas Reyes").

    Returns:
        str: e.g. "Ivanov", "Mehta", "Tomas Reyes" (may be empty when only titles were given).
    """
    text = _PAREN_RE.sub(" ", text).strip(" \t\n*:,.;\"'“”‘’")
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"\.(?=[A-Za-z])", ". ", text)  # Dr.Ivanov
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in C.TITLE_WORDS | {w.rstrip(".") for w in C.TITLE_WORDS}:
        words.pop(0)
    return repair_case(" ".join(words).strip(" .,"))


@dataclass
class SpeakerRecord:
    """A speaker being built: canonical name, aliases and attributes (see :class:`Speaker`)."""

    name: str
    type: str = "person"
    aliases: set = field(default_factory=set)
    role: Optional[str] = None
    org: Optional[str] = None
    country: Optional[str] = None

    def to_model(self) -> Speaker:
        """Return the pydantic :class:`Speaker` (aliases sorted, the name itself excluded)."""
        return Speaker(
            name=self.name,
            aliases=sorted({a for a in self.aliases if a.lower() != self.name.lower()}),
            type=self.type,
            role=self.role,
            org=self.org,
            country=self.country,
        )


class SpeakerIndex:
    """Named people, organisations and pronoun antecedents of one article.

    Args:
        doc (Doc): the parsed article.
        places (list[Place] | None): toponym mentions of the places stage (None: not run) (character offsets); entities overlapping them are
            not people.
        quoted (list[tuple[int, int]]): character ranges inside quotation marks; names there are
            not antecedents (the speaker of a quote is not someone it mentions).
    """

    def __init__(self, doc: Doc, places: Optional[list[Place]], quoted: list[tuple[int, int]]):
        self.doc = doc
        self.records: dict[str, SpeakerRecord] = {}
        self._places_run = places is not None
        self._place_spans = sorted((p.start, p.end) for p in places or [])
        self._quoted = sorted(quoted)
        self._quoted_starts = [a for a, _ in self._quoted]
        self._persons: list[tuple[int, str]] = []  # (char offset, record key) of named people outside quotes
        self._abbrev: dict[str, str] = {}  # "WTN" -> "World Today News"
        self._gender: dict[str, str] = {}  # record key -> "f"/"m", from resolved pronouns and Mr/Mrs/Ms
        self._full_names: list[str] = []
        self._datelines = datelines(doc)  # wire datelines ("BRUSSELS (Reuters) — "), text order
        text = doc.text  # Doc.text joins every token on each access
        for abbrev, full in defined_abbreviations(text):
            self._abbrev.setdefault(abbrev.lower(), full)
        self._ents: list[Span] = list(doc.ents)  # doc.ents builds new Spans on every access
        self._ent_of_tok: dict[int, Span] = {t: ent for ent in self._ents for t in range(ent.start, ent.end)}
        for ent in self._ents:
            if ent.label_ != "PERSON" or self.in_quote(ent.start_char) or self.is_place(ent):
                continue
            if not self._looks_like_name(ent):
                continue
            name = clean_name(ent.text)
            if name:
                self._full_names.append(name)
        self._full_names.sort(key=lambda n: -len(n.split()))
        for ent in self._ents:
            if ent.label_ == "PERSON" and not self.in_quote(ent.start_char) and not self.is_place(ent) and self._looks_like_name(ent):
                key = self.add_person(ent.text, ent)
                if key:
                    self._persons.append((ent.start_char, key))
        self._persons.sort()

    # ----- helpers
    def in_quote(self, char: int) -> bool:
        """True when character offset ``char`` lies inside a quotation."""
        i = bisect.bisect_right(self._quoted_starts, char) - 1
        return i >= 0 and self._quoted[i][0] <= char < self._quoted[i][1]

    def dateline_at(self, char: int) -> Optional[int]:
        """End offset of the wire dateline holding character ``char``, or None outside datelines."""
        i = bisect.bisect_right(self._datelines, (char, float("inf"))) - 1
        return self._datelines[i][1] if i >= 0 and self._datelines[i][0] <= char < self._datelines[i][1] else None

    def is_place(self, span: Span) -> bool:
        """True when ``span`` overlaps a toponym mention of the places stage (or, when that stage
        did not run, when it is a single-token gazetteer place name). When the stage ran and found
        no toponym there, its decision stands: a surname that is also some village's name
        ("Ivanov") stays a person."""
        for a, b in self._place_spans:
            if a < span.end_char and span.start_char < b:
                return True
        if len(span) == 1 and not self._places_run:
            # no toponym stage output: fall back to the gazetteer (a lone "Kherson" is a city)
            g = _gaz()
            if g is not None:
                try:
                    return bool(g.is_place_name(span.text)) and not span.text.isupper()
                except Exception:
                    return False
        return False

    @staticmethod
    def _looks_like_name(span: Span) -> bool:
        toks = [t for t in span if not t.is_punct]
        if not toks or len(toks) > 5:
            return False
        if any(t.tag_ in ("VBZ", "VBD", "VBP") and t.pos_ == "VERB" for t in toks):
            return False  # headline fragments such as "X Pushes"
        return sum(c.isalpha() for c in span.text) >= 2  # not a lone initial ("a post on X.")

    @property
    def full_names(self) -> list[str]:
        """Fullest person names seen so far (longest first)."""
        return self._full_names

    def define_abbreviation(self, abbrev: str, full: str) -> None:
        """Record that label ``abbrev`` stands for ``full`` ("WTN" -> "World Today News")."""
        self._abbrev[abbrev.lower()] = full

    # ----- canonical names
    def canonical(self, name: str) -> str:
        """Fullest form in the article that ``name`` (already cleaned) is a short form of: its last
        words ("Kallas" -> "Kaja Kallas"), first and last word, or, for a single word that no full
        name ends with, the first word of exactly one full name ("Lin" -> "Lin Jian": family name first)."""
        if name.lower() in self._abbrev:
            return self._abbrev[name.lower()]
        low = name.lower().split()
        if not low:
            return name
        for full in self._full_names:
            fl = full.lower().split()
            if fl == low:
                continue  # the name itself: a longer form may still follow
            while len(fl) > 2 and fl[-1].rstrip(".,") in C.NAME_SUFFIXES:
                fl = fl[:-1]  # "Lloyd J. Austin III" is "Austin"
            if len(fl) >= len(low) and (fl[-len(low):] == low or (len(low) == 2 and fl[0] == low[0] and fl[-1] == low[-1])):
                return full
        if len(low) == 1:
            # a family name written first ("Lin Jian", "Choe Son Hui", "Xi Jinping"): a single word
            # that opens exactly one full name of the article and ends none is that person
            first = [f for f in self._full_names if f.lower().split()[0] == low[0] and len(f.split()) >= 2]
            if len(first) == 1:
                return first[0]
        return name

    def add_person(self, text: str, span: Span | None = None) -> Optional[str]:
        """Register a person mention; return its record key (lower-case canonical name) or None."""
        name = clean_name(text)
        if not name or not any(c.isalpha() for c in name):
            return None
        full = self.canonical(name)
        if full == name and len(name.split()) >= 2 and name not in self._full_names:
            self._full_names.append(name)
            self._full_names.sort(key=lambda n: -len(n.split()))
        key = full.lower()
        rec = self.records.get(key)
        if rec is None:
            rec = self.records[key] = SpeakerRecord(name=full, type="person")
        honorific = re.match(r"\s*(mr|mrs|ms|miss|madam|sir|dame)\b", text, re.I)
        if honorific:
            self._gender.setdefault(key, "m" if honorific.group(1).lower() in ("mr", "sir") else "f")
        if name != full:
            rec.aliases.add(name)
        if text.strip() != full and span is not None and text.strip() != name:
            rec.aliases.add(text.strip())
        if span is not None:
            self._describe(rec, span)
        return key

    def set_role(self, key: str, role: str) -> None:
        """Set the role of record ``key`` from a label descriptor ("TRANSPORT COMMISSIONER") if unset."""
        rec = self.records.get(key)
        if rec is not None and rec.role is None and role.strip():
            rec.role = repair_case(role.strip())

    def add_organisation(self, name: str, type_: str = "organisation", country: Optional[str] = None) -> str:
        """Register an organisation/group/document speaker; return its record key. An abbreviation
        the article defines ("the Organization for Security and Co-operation in Europe (OSCE)")
        resolves to its full form, with the abbreviation as an alias."""
        short = name.strip()
        name = self._abbrev.get(short.lower(), short)
        key = name.lower()
        rec = self.records.get(key)
        if rec is None:
            rec = self.records[key] = SpeakerRecord(name=name, type=type_)
            rec.country = country if country is not None else country_of(name)
        if short != name:
            rec.aliases.add(short)
        return key

    # ----- role, organisation, country
    def _describe(self, rec: SpeakerRecord, span: Span) -> None:
        """Fill role/org/country from pre-modifiers ("Ukrainian President X") or appositives."""
        root = span.root
        parts: list[list[Token]] = []
        # tokens before the name inside its noun phrase: compounds, amod, poss
        pre = [t for t in root.subtree if t.i < span.start and t.dep_ in ("compound", "amod", "poss", "case", "nmod", "det", "punct")]
        if pre and pre[-1].i == span.start - 1 or (pre and all(t.i < span.start for t in pre)):
            parts.append([t for t in pre if t.i >= (pre[0].i)])
        # the name is an appositive of a title noun: "Germany's Foreign Minister, Annalena Baerbock"
        # (not when the head is itself a person: "Dr. Ivanov, Ukrainian President Zelenskyy" is a
        # vocative before another person's title)
        if root.dep_ == "appos" and root.head.i < span.start and root.head.ent_type_ != "PERSON":
            head = root.head
            parts.append([t for t in head.subtree if t.i < span.start and t.i >= head.left_edge.i and t.dep_ != "punct" or t.i == head.i])
        # appositive after the name: "Kaja Kallas, the EU's new top diplomat,"; another named person
        # ("Dr. Ivanov, Ukrainian President Zelenskyy has ...") describes nobody: its title and
        # demonym are that person's own
        for ch in root.children:
            if ch.dep_ == "appos" and ch.i > span.end - 1 and ch.ent_type_ != "PERSON":
                cut = {x.i for g in ch.children if g.dep_ in ("conj", "cc", "relcl", "acl", "appos") for x in g.subtree}
                parts.append([t for t in ch.subtree if t.i not in cut])
        for toks in parts:
            self._apply_description(rec, toks)

    def _apply_description(self, rec: SpeakerRecord, toks: list[Token]) -> None:
        # punctuation goes, except "." and "&" and a hyphen glued inside a word ("Secretary-General")
        toks = [t for t in toks if not t.is_punct or t.text in ".&" or t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_]
        if not toks:
            return
        # cut at a relative clause or a prepositional org: "Senior Fellow at the Brookings institution"
        role_toks: list[Token] = []
        org: Optional[str] = None
        country: Optional[str] = None
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.lower_ in ("at", "of", "for", "with", "to") and t.dep_ == "prep" and role_toks:
                rest = [x for x in toks[i + 1 :] if x.dep_ != "det"]
                if rest and (any(x.ent_type_ == "ORG" for x in rest) or t.lower_ != "to" and any(x.pos_ == "PROPN" for x in rest)):
                    org = join_tokens(rest)  # "ambassador to the U.N." -> org; "envoy to Ukraine" -> no org
                break
            if t.dep_ in ("relcl",) or t.lower_ in ("who", "which", "that"):
                break
            if t.text[:1].isupper() and t.ent_iob_ != "I" \
                    and t.ent_type_ not in ("GPE", "NORP", "ORG", "FAC", "LOC") and t.pos_ in ("ADJ", "PROPN") and country_of(t.text):
                # a demonym or country the model tagged as something else ("The Moldovan president"
                # with "Moldovan" as PERSON, "Macedonian Foreign" as one PERSON)
                country = country or country_of(t.text)
                i += 2 if i + 1 < len(toks) and toks[i + 1].dep_ == "case" else 1
                continue
            if t.ent_type_ in ("GPE", "NORP", "ORG", "FAC", "LOC") or t.dep_ == "poss" and t.pos_ != "PRON":
                # a country or organisation named inside the description
                ent_toks = [t]
                while i + 1 < len(toks) and toks[i + 1].ent_iob_ == "I" and toks[i + 1].ent_type_ == t.ent_type_:
                    i += 1
                    ent_toks.append(toks[i])
                # "White House National Security Advisor": trailing title words are the role
                tail: list[Token] = []
                while len(ent_toks) > 1 and ent_toks[-1].lower_ in C.TITLE_WORDS:
                    tail.insert(0, ent_toks.pop())
                role_toks.extend(tail)
                text = join_tokens(ent_toks)
                cc = country_of(text) if t.ent_type_ in ("GPE", "NORP", "LOC") or t.dep_ == "poss" else None
                place_cc = cc if cc and t.ent_type_ == "ORG" and C.ORG_COUNTRY.get(text.lower()) is None else None
                if place_cc:  # "Slovakia's Robert Fico" with "Slovakia" tagged ORG: a country
                    pass
                elif t.ent_type_ == "ORG" or (t.ent_type_ in ("", "FAC") and cc is None):
                    org = org or text
                    cc = C.ORG_COUNTRY.get(text.lower())
                if cc:
                    country = country or cc
                if i + 1 < len(toks) and toks[i + 1].dep_ == "case":
                    i += 1
                i += 1
                continue
            if t.dep_ in ("det", "case") or t.pos_ in ("DET", "PRON") or t.lower_.rstrip(".") in C.HONORIFICS or t.text.startswith("*"):
                i += 1
                continue
            role_toks.append(t)
            i += 1
        role = join_tokens(role_toks).strip(" -")
        if role and not any(t.pos_ in ("NOUN", "PROPN") for t in role_toks):
            role = ""
        if role_toks and role_toks[-1].lower_ in C.RELATIONAL_NOUNS:
            role = ""  # "Her Russian counterpart": a relation to someone, not a role
        if role and rec.role is None and len(role_toks) <= 6:
            rec.role = role
        if org and rec.org is None:
            org = re.sub(r"['’]s$", "", re.sub(r"^the\s+", "", org, flags=re.I)).strip()  # "Al Jazeera's Hani Mahmoud"
            rec.org = C.ORG_EXPANSIONS.get(org.lower(), org)
        if country and rec.country is None:
            rec.country = country

    # ----- resolving a subject token to a speaker
    def noun_phrase(self, tok: Token) -> Span:
        """The name-like part of the noun phrase headed by ``tok`` (entity, or NP without clauses)."""
        if tok.ent_type_ and tok.ent_iob_ in ("B", "I"):
            ent = self._ent_of_tok.get(tok.i)
            if ent is not None:
                # a name the model split in two ("Ursula von der" PERSON + "Leyen" GPE): the head's
                # contiguous proper-noun compounds are one person's name when they start a PERSON
                if ent.label_ != "PERSON" and ent.start == tok.i and tok.i > 0:
                    k = tok.i
                    while k > 0 and self.doc[k - 1].dep_ in ("compound", "flat") and self.doc[k - 1].head.i >= k \
                            and self.doc[k - 1].pos_ == "PROPN" and self.doc[k - 1].ent_type_ == "PERSON":
                        k -= 1
                    if k < tok.i:
                        return Span(self.doc, k, tok.i + 1, label="PERSON")
                return ent
        left = tok.i
        for t in tok.lefts:
            if t.dep_ in ("det", "compound", "amod", "poss", "nummod", "case", "nmod", "quantmod") or t.dep_ == "punct" and t.text in "'’":
                left = min(left, t.left_edge.i)
        return self.doc[left : tok.i + 1]

    def resolve(self, tok: Token) -> tuple[Optional[str], str, Optional[Span]]:
        """Resolve a subject/agent token to ``(canonical name, speaker_type, mention span)``.

        Pronouns go to the nearest preceding named person outside quotations; a title noun with a
        named appositive ("Minister, Annalena Baerbock") takes the appositive. Returns
        ``(None, "unknown", span)`` when nothing fits.
        """
        low = tok.lower_
        if self.dateline_at(tok.idx) is not None:
            return None, "unknown", None  # "BRUSSELS (Reuters) —" is where, not who
        if tok.pos_ == "PRON" or low in C.PERSON_PRONOUNS | C.GROUP_PRONOUNS | C.NON_SPEAKER_PRONOUNS:
            span = self.doc[tok.i : tok.i + 1]
            if low in C.PERSON_PRONOUNS:
                gender = C.PRONOUN_GENDER.get(low)
                key = self.antecedent(tok.idx, gender)
                if key:
                    if gender:
                        self._gender.setdefault(key, gender)  # "she said" -> she from now on
                    return self.records[key].name, "person", span
                return None, "person", span
            if low in C.GROUP_PRONOUNS:
                return None, "group", span
            return None, "unknown", span
        # a vocative that the parser took for the subject: "Dr. Ivanov, President X has stated ..."
        left = tok.left_edge
        if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == "," and (left.is_sent_start or left.i == 0 or self.doc[left.i - 1].is_punct or left.text.startswith("*")):
            for ch in tok.children:
                if ch.dep_ == "appos" and ch.pos_ == "PROPN" and (ch.ent_type_ == "PERSON" or clean_name(ch.text) and self.canonical(clean_name(ch.text)) in self._full_names):
                    tok = ch
                    break
        # title noun with an appositive name
        title_toks: list[Token] = []
        for ch in tok.children:
            if ch.dep_ == "appos" and (ch.ent_type_ == "PERSON" or ch.pos_ == "PROPN") and tok.lower_ in C.TITLE_WORDS:
                tok = ch
                break
        else:
            # the parser hung the name on the title's prepositional object: "Iran's ambassador to
            # the U.N., Amir Saeid Iravani, insisted ..." (appos of "U.N."); the whole title phrase
            # before the name describes the person
            if tok.lower_ in C.TITLE_WORDS:
                deep = next((t for t in tok.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > tok.i
                             and t.head.i != tok.i and t.head.dep_ == "pobj"), None)
                if deep is not None:
                    title_toks = [t for t in tok.subtree if t.i < deep.left_edge.i]
                    tok = deep
        span = self._name_part(self.noun_phrase(tok))
        if title_toks and span.label_ == "PERSON":
            key = self.add_person(span.text, None)
            if key:
                self._apply_description(self.records[key], title_toks)
                return self.records[key].name, "person", span
        ent = span.label_ if isinstance(span, Span) and span.label_ else tok.ent_type_
        head = tok.lower_
        words = [t for t in span if t.dep_ not in ("det", "case", "punct")]
        plain = " ".join(t.text for t in words).strip()
        if any(t.dep_ == "case" for t in span) and head in C.TITLE_WORDS:
            # "Nadia Rahim's spokesman": keep the possessive, the role belongs to the possessor
            plain = "".join(t.text_with_ws for t in span if t.dep_ not in ("det", "punct") or t.dep_ == "case").strip()
        if not any(c.isalnum() for c in plain):
            return None, "unknown", span  # markup ("**critics** say") names nobody
        cleaned = clean_name(span.text)
        if cleaned and tok.pos_ in ("PROPN", "NOUN") and (tok.text[:1].isupper() or tok.is_lower):
            full = self.canonical(cleaned)
            if full in self._full_names:
                key = self.add_person(span.text, span)
                return (self.records[key].name if key else None), "person", span
        if ent == "PERSON" and not self.is_place(span) and head not in C.ORG_HEAD_NOUNS:
            key = self.add_person(span.text, span)
            return (self.records[key].name if key else None), "person", span
        if not ent and tok.pos_ == "NOUN" and tok.is_lower and head in C.ORG_HEAD_NOUNS and [t.lower_ for t in span] == ["the", head]:
            # a bare "the agency"/"the ministry": the organisation of that kind the article named,
            # else an unnamed source (no card of its own)
            named = [r for r in self.records.values() if r.type == "organisation" and r.name.lower().split()[-1] == head
                     and r.name.lower() != head]
            if named:
                return named[-1].name, "organisation", span
            return head, "unknown", span
        if ent in ("ORG", "NORP", "FAC") or head in C.ORG_HEAD_NOUNS or (ent == "GPE" and head != "i"):
            name = C.ORG_EXPANSIONS.get(plain.lower(), plain) if ent == "ORG" and plain.lower() in ("eu", "un") else plain
            country = None
            owner = [c for c in tok.children if c.dep_ == "poss" and c.i < tok.i and c.ent_type_ in ("GPE", "NORP") and c.pos_ == "PROPN"]
            owner_ent = self._ent_of_tok.get(owner[0].i) if owner else None
            owner_text = self.doc[owner_ent.start : owner[0].i + 1].text if owner_ent is not None else (owner[0].text if owner else "")
            if owner and ent != "GPE" and country_of(owner_text):
                # "Russia's Defence Ministry", "South Korea's defence ministry", "Lebanon's state
                # news agency": the country is part of the organisation's identity
                country = country_of(owner_text)
                rest = [t for t in span if t.i > owner[0].i and t.dep_ not in ("case", "punct", "det")] if span.start <= owner[0].i else None
                name = f"{owner_text}'s {join_tokens(rest) if rest else name}"
            key = self.add_organisation(name, "organisation", country=country)
            return self.records[key].name, "organisation", span
        if head in C.DOCUMENT_HEAD_NOUNS:
            key = self.add_organisation(plain, "document")
            return self.records[key].name, "document", span
        if head in C.GROUP_HEAD_NOUNS or tok.tag_ in ("NNS",):
            return (plain or None), "group", span
        if tok.pos_ == "PROPN" and not self.is_place(span):
            # a proper noun the model did not tag: a person if it matches a known name or looks like one
            cleaned = clean_name(span.text)
            if cleaned and (self.canonical(cleaned) != cleaned or len(cleaned.split()) >= 2 or cleaned[:1].isupper() or cleaned.islower()):
                key = self.add_person(span.text, span)
                return (self.records[key].name if key else None), "person", span
        if tok.lower_ in C.TITLE_WORDS:
            key = self.described_antecedent(tok)
            if key:
                return self.records[key].name, "person", span
            return (plain or None), "person", span
        if tok.pos_ == "NOUN" and plain:
            return plain, "unknown", span  # "a narrator in the ad" -> "narrator"
        return None, "unknown", span

    def interviewee(self, before: int) -> Optional[str]:
        """Record key of the person an interview's introduction names first before ``before``
        (the first turn label), skipping the journalist ("... spoke to our correspondent Anna
        Reid": a person within three words after a :data:`~components.constants.JOURNALIST_NOUNS`
        noun); a full name ("Maia Sandu") before a single word, which is more often a mis-tagged
        place ("the Transnistria question"). None when the introduction names nobody else."""
        found = []
        for char, key in self._persons:
            if char >= before:
                break
            tok = self._tok_at(char)
            if tok is not None and any(t.lower_ in C.JOURNALIST_NOUNS for t in self.doc[max(0, tok.i - 3) : tok.i]):
                continue
            found.append(key)
        full = [k for k in found if len(self.records[k].name.split()) >= 2]
        return (full or found or [None])[0]

    def _tok_at(self, char: int) -> Optional[Token]:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    @staticmethod
    def _name_part(span: Span) -> Span:
        """The name after a leading description inside one noun phrase: "Swiss Foreign Minister
        Ignazio Cassis" (no entity tagged) -> "Ignazio Cassis"; the description stays outside the
        span for :meth:`_describe`. Unchanged unless what follows the last title word or demonym
        is one or more capitalised proper nouns."""
        if len(span) < 2 or span.label_:
            return span
        cut = None
        for k, t in enumerate(span[:-1]):
            if t.lower_.rstrip(".") in C.TITLE_WORDS or t.pos_ in ("ADJ", "PROPN") and t.text[:1].isupper() and country_of(t.text):
                cut = k
        if cut is None:
            return span
        rest = span[cut + 1 :]
        if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in C.TITLE_WORDS for t in rest):
            return rest
        return span

    def antecedent(self, char: int, gender: Optional[str] = None) -> Optional[str]:
        """Record key of the nearest named person mentioned before ``char`` outside quotations.

        With ``gender`` ("f" for she/her, "m" for he/him/his), a person the article has already
        marked with the other gender (an earlier "she"/"he" resolved to them, or Mr/Mrs/Ms) is
        passed over for the next one back, up to eight people back; when none fits, the nearest.
        """
        i = bisect.bisect_left(self._persons, (char, "")) - 1
        if i < 0:
            return None
        if gender:
            seen: set[str] = set()
            for k in range(i, -1, -1):
                key = self._persons[k][1]
                if key in seen:
                    continue
                seen.add(key)
                if self._gender.get(key, gender) == gender:
                    return key
                if len(seen) >= 8:
                    break
        return self._persons[i][1]

    def described_antecedent(self, tok: Token) -> Optional[str]:
        """Record key for a definite description used as a name ("The minister said"): the
        nearest named person before it whose role contains the noun ("Foreign Minister"), or the
        person named just before it (within 400 characters) when that person's role is unknown;
        None otherwise. Only for :data:`~components.constants.DEFINITE_TITLE_NOUNS` heads with
        "the" and no other modifier."""
        if tok.lower_ not in C.DEFINITE_TITLE_NOUNS or [c.lower_ for c in tok.children if c.dep_ != "punct"] != ["the"]:
            return None
        i = bisect.bisect_left(self._persons, (tok.idx, "")) - 1
        for k in range(i, -1, -1):
            char, key = self._persons[k]
            if tok.idx - char > 3000:
                break
            role = (self.records[key].role or "").lower()
            if tok.lower_ in role.split():
                return key
            if k == i and not role and tok.idx - char <= 400:
                return key
        return None

    def note_mention(self, char: int, key: Optional[str]) -> None:
        """Add a resolved speaker mention at ``char`` as a later pronoun antecedent."""
        if key and key in self.records and self.records[key].type == "person":
            bisect.insort(self._persons, (char, key))

    def key_of(self, name: Optional[str]) -> Optional[str]:
        """Record key for a canonical name (or None)."""
        return name.lower() if name and name.lower() in self.records else None

    def speakers(self, names: set[str]) -> list[Speaker]:
        """:class:`Speaker` records for the canonical ``names`` that carry quotes, in name order."""
        out = []
        for key in sorted({n.lower() for n in names}):
            if key in self.records:
                out.append(self.records[key].to_model())
        return out
