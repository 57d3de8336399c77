"""Errors the data module raises, with messages meant for users."""


class NewsAtlasError(Exception):
    """Base class of every error this package raises on purpose."""


class ArticleReadError(NewsAtlasError):
    """A file cannot be read as an article (unknown type, bad encoding, bad JSON line, empty text, too long).

    Args:
        where (str): the file, or ``file:line`` for a JSONL line.
        reason (str): what is wrong, for users ("the file is empty").

    ``str(exc)`` is ``"{where}: {reason}"``; ``exc.where`` and ``exc.reason`` keep the parts.
    """

    def __init__(self, where: object, reason: str):
        self.where = str(where)
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")


class StoreError(NewsAtlasError):
    """The DuckDB store cannot be opened or written; nothing was half-written."""


class GoldFormatError(NewsAtlasError):
    """A gold annotation file does not follow ``FORMAT.md`` or the brat layout."""


class LexiconError(NewsAtlasError):
    """A bundled word-list file (``components/**/lexicon/*.yaml``, ``components/nlp_lexicon.yaml``) is missing,
    is not YAML, or does not match its schema; the message names the file and the field."""
