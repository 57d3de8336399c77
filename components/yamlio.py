"""YAML reading for the bundled resources (cue lexicon, topic taxonomy, stance lexicon, word lists).

Word lists (the closed classes each extraction stage keys on: reporting verbs, title words, casualty
triggers ...) live as YAML beside the module that owns them and are read with :func:`load_lexicon`,
which validates them against a pydantic model whose fields use the types below: a broken file raises
:class:`components.errors.LexiconError` naming the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, TypeVar, Union

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .errors import LexiconError

# libyaml's C parser when PyYAML was built with it: the same safe schema as yaml.safe_load, about six times
# faster on the 126 kB cue lexicon (0.14 s instead of 0.88 s), which every extraction process reads once
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# a word-list file is small; a bigger one is not a lexicon (and is not parsed)
MAX_LEXICON_BYTES = 1_000_000


def safe_load(text: str):
    """Parse YAML ``text`` with the safe schema (plain data only: no Python objects), with :data:`SAFE_LOADER`.

    Raises:
        yaml.YAMLError: malformed YAML (as :func:`yaml.safe_load`).
    """
    return yaml.load(text, Loader=SAFE_LOADER)


class _UniqueKeyLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing a mapping that repeats a key (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _unique(items: list) -> list:
    dups = sorted({str(x) for x in items if items.count(x) > 1})
    if dups:
        raise ValueError(f"duplicate entries: {', '.join(dups)}")
    return items


def _entry(word: str) -> str:
    if not word.strip() or word != word.strip():
        raise ValueError(f"empty entry or entry with surrounding spaces: {word!r}")
    return word


def _lower(word: str) -> str:
    if word != word.lower():
        raise ValueError(f"entry not lower-case: {word!r}")
    return word


def _unique_phrases(items: list) -> list:
    _unique([x if isinstance(x, str) else x[0] for x in items])
    return items


Entry = Annotated[str, AfterValidator(_entry)]
Word = Annotated[Entry, AfterValidator(_lower)]
# a non-empty list of unique lower-case words or phrases (matched on lower-cased text or lemmas)
WordList = Annotated[list[Word], Field(min_length=1), AfterValidator(_unique)]
# a non-empty list of unique case-sensitive tokens ("He", "Brig.")
TokenList = Annotated[list[Entry], Field(min_length=1), AfterValidator(_unique)]
# lower-case word -> a non-empty string (an ISO code, a canonical name, a gender letter)
WordMap = Annotated[dict[Word, Entry], Field(min_length=1)]
# lower-case word -> a count (>= 0)
CountMap = Annotated[dict[Word, Annotated[int, Field(ge=0)]], Field(min_length=1)]
# an ordered list of phrases, each a word or a [phrase, label] pair reporting the label
LabelledPhrases = Annotated[list[Union[Word, tuple[Word, Word]]], Field(min_length=1), AfterValidator(_unique_phrases)]


class LexiconFile(BaseModel):
    """Base of the word-list file models: unknown keys are refused (a misspelt list name is an error)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=LexiconFile)


def load_lexicon(path: Path, model: type[M]) -> M:
    """Read the word-list file ``path`` and validate it against ``model``.

    Args:
        path (Path): a YAML mapping of list name -> list (or mapping), at most :data:`MAX_LEXICON_BYTES`.
        model (type[LexiconFile]): its fields name the lists and give their types (:data:`WordList`, ...).

    Returns:
        the validated model instance.

    Raises:
        LexiconError: the file is missing, too big, not YAML, repeats a key, or a list is missing, unknown,
            empty, not lower-case where it must be, or holds a duplicate; the message is
            ``"{path}: {field}: {problem}"`` (one line per problem).
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_LEXICON_BYTES:
            raise LexiconError(f"{path}: larger than {MAX_LEXICON_BYTES} bytes, not a word-list file")
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping of list name -> entries, got {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [f"{path}: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()]
        raise LexiconError("\n".join(problems)) from exc
