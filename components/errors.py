"""Errors the data module raises, with messages meant for users."""


class NewsAtlasError(Exception):
    """Base class of every error this package raises on purpose."""


class ArticleReadError(NewsAtlasError):
    """A file cannot be read as an article (unknown type, bad encoding, bad JSON line, empty text).

    The message names the file (and line for JSONL) and says what is wrong.
    """


class StoreError(NewsAtlasError):
    """The DuckDB store cannot be opened or written; nothing was half-written."""


class GoldFormatError(NewsAtlasError):
    """A gold annotation file does not follow ``FORMAT.md`` or the brat layout."""
