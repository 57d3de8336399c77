"""Word lists of the speaker stage, read from ``speaker_nouns.yaml`` beside this module.

Each list serves one family of constructions (the YAML file says which); :func:`speaker_nouns`
loads and validates them once per process.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError, field_validator

from ..errors import GoldFormatError
from ..yamlio import safe_load

SPEAKER_NOUNS_PATH = Path(__file__).with_name("speaker_nouns.yaml")


class SpeakerNouns(BaseModel):
    """The lists of ``speaker_nouns.yaml``, lower-case, as frozensets.

    Attributes:
        organisation_heads (frozenset[str]): head nouns of collective bodies ("staff", "directorate").
        media_nouns (frozenset[str]): common nouns naming a news outlet ("newspaper", "network").
        outlet_name_words (frozenset[str]): words that mark an organisation's name as an outlet's.
    """

    organisation_heads: frozenset[str]
    media_nouns: frozenset[str]
    outlet_name_words: frozenset[str]

    @field_validator("*", mode="before")
    @classmethod
    def _lower(cls, v):
        if not isinstance(v, list) or not all(isinstance(w, str) and w.strip() for w in v):
            raise ValueError("a list of non-empty words")
        return frozenset(w.strip().lower() for w in v)


@lru_cache(maxsize=1)
def speaker_nouns(path: Path = SPEAKER_NOUNS_PATH) -> SpeakerNouns:
    """The validated word lists of ``path`` (default: the bundled ``speaker_nouns.yaml``).

    Raises:
        GoldFormatError: the file is missing a list or holds something other than word lists.
    """
    try:
        return SpeakerNouns.model_validate(safe_load(path.read_text(encoding="utf-8")))
    except (ValidationError, TypeError) as e:
        raise GoldFormatError(f"{path}: not a valid speaker word-list file: {e}") from e
