"""News in by link: fetch a web page or an RSS/Atom feed and read it into articles.

Pages are fetched with trafilatura's fetcher (urllib3; a timeout and a cap on the bytes read, both set
here through trafilatura's config) and read like an uploaded ``.html`` file
(:func:`components.ingest.read_bytes`: main text and metadata by trafilatura). A feed (RSS 0.9x-2.0,
Atom) is parsed with feedparser; each item becomes an article from its own content when the feed
carries the text (``content:encoded`` or an Atom ``content`` of at least :data:`MIN_FEED_TEXT`
characters), else from its linked page, fetched the same way. Every problem is one
``(where, reason)`` pair: one bad item never costs the others.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from .errors import ArticleReadError, NewsAtlasError
from .models import Article

DEFAULT_TIMEOUT_S = 10
MAX_PAGE_BYTES = 5_000_000
MAX_FEED_ITEMS = 50
MIN_FEED_TEXT = 600  # characters of item text below which the item's own page is fetched instead


class FetchError(NewsAtlasError):
    """A page or feed could not be fetched (offline, timeout, HTTP error, too large, not a web address)."""


@dataclass
class FetchReport:
    """What :func:`read_url` read: ``articles``, and ``problems`` as ``(where, reason)`` pairs."""

    articles: list[Article] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def fetch_bytes(url: str, timeout: int = DEFAULT_TIMEOUT_S, max_bytes: int = MAX_PAGE_BYTES,
                allow_private: bool = False) -> bytes:
    """The body of ``url`` (http or https) fetched by trafilatura within ``timeout`` seconds.

    trafilatura's SSRF protection stays on (a link to a private or local address is refused, so a public
    dashboard cannot be made to read its own network) unless ``allow_private`` (tests of a local server).

    Raises:
        FetchError: not an http(s) address, no answer (offline, timeout, refused), an HTTP status other than
            200, an empty body, or a body of ``max_bytes`` bytes or more (trafilatura stops reading there).
    """
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: not a web address (give an http:// or https:// link)")
    cfg = use_config()
    cfg.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(int(timeout)))
    cfg.set("DEFAULT", "MAX_FILE_SIZE", str(int(max_bytes)))
    cfg.set("DEFAULT", "MAX_REDIRECTS", "3")
    cfg.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    resp = fetch_response(url, config=cfg)
    if resp is None:
        raise FetchError(f"{url}: no answer within {timeout} s (offline, refused, too slow, a private "
                         f"address, or larger than {max_bytes:,} bytes)")
    if resp.status != 200:
        raise FetchError(f"{url}: the server answered HTTP {resp.status}")
    data = resp.data or b""
    if not data:
        raise FetchError(f"{url}: empty answer, or larger than {max_bytes:,} bytes")
    return data


def _is_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def read_feed(data: bytes, source: str, collection: str | None = None, fetch=fetch_bytes,
              max_items: int = MAX_FEED_ITEMS) -> FetchReport:
    """Articles of an RSS/Atom feed (feedparser): each item from its own text or from its linked page.

    Args:
        data (bytes): the feed document. source (str): its address or file name (for messages).
        collection (str | None): collection of the articles. fetch: page fetcher (default :func:`fetch_bytes`).
        max_items (int): items read at most (the first ones).

    Returns:
        FetchReport: the articles and one problem per item that could not be read (or the feed itself).
    """
    import feedparser

    rep = FetchReport()
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        rep.problems.append((source, f"not a readable RSS or Atom feed ({feed.get('bozo_exception')})"))
        return rep
    outlet = (feed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(feed.entries[:max_items]):
        link = entry.get("link") or ""
        where = f"{source} item {i + 1}" + (f" ({link})" if link else "")
        meta = {k: v for k, v in {"title": (entry.get("title") or "").strip() or None, "outlet": outlet,
                                   "published": entry.get("published") or entry.get("updated"),
                                   "url": link or None}.items() if v}
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value") or ""
        text_len = len(html.unescape(body))
        try:
            if text_len >= MIN_FEED_TEXT or not link:
                body = body or entry.get("summary") or ""
                page = f"<html><head><title>{html.escape(meta.get('title', ''))}</title></head><body><article>" \
                       f"{body}</article></body></html>".encode()
            else:
                page = fetch(link)
            rep.articles += _read_page(page, where, meta, collection)
        except (FetchError, ArticleReadError) as exc:
            rep.problems.append((where, str(getattr(exc, "reason", None) or exc)))
    if len(feed.entries) > max_items:
        rep.problems.append((source, f"read the first {max_items} of {len(feed.entries)} items"))
    return rep


def _read_page(page: bytes, where: str, meta: dict, collection: str | None) -> list[Article]:
    from .ingest import read_bytes

    return read_bytes(page, "page.html", meta, collection=collection)


def read_url(url: str, collection: str | None = None, fetch=fetch_bytes) -> FetchReport:
    """Fetch ``url`` and read it: a feed gives its items, any other page one article (its ``url`` kept).

    Never raises for the page itself: a fetch or read failure is the report's one problem.
    """
    rep = FetchReport()
    try:
        data = fetch(url)
    except FetchError as exc:
        rep.problems.append((url, str(exc).removeprefix(f"{url}: ")))
        return rep
    if _is_feed(data):
        return read_feed(data, url, collection=collection, fetch=fetch)
    try:
        rep.articles = _read_page(data, url, {"url": url}, collection)
    except ArticleReadError as exc:
        rep.problems.append((url, exc.reason))
    return rep
