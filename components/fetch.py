"""News in by link: fetch a web page or an RSS/Atom feed and read it into articles.

Pages are fetched with trafilatura's fetcher (urllib3; a timeout and a cap on the bytes read, both set
here through trafilatura's config) and read like an uploaded ``.html`` file
(:func:`components.ingest.read_bytes`: main text and metadata by trafilatura). A feed (RSS 0.9x-2.0,
Atom) is parsed with feedparser; each item becomes an article from its own content when the feed
carries the text (``content:encoded`` or an Atom ``content`` of at least :data:`MIN_FEED_TEXT`
characters), else from its linked page, fetched the same way. Every problem is one
``(where, reason)`` pair: one bad item never costs the others.

:func:`read_web_source` is the read step of the command line (``ingest URL...``, ``ingest FEED.xml``):
a web address or a named feed file in, articles out.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleReadError, NewsAtlasError
from .models import Article

DEFAULT_TIMEOUT_S = 10
MAX_PAGE_BYTES = 5_000_000
MAX_FEED_ITEMS = 50
MIN_FEED_TEXT = 600  # characters of item text below which the item's own page is fetched instead
FEED_SUFFIXES = (".xml", ".rss", ".atom")  # a named local file with one of these is read as a feed


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
        FetchError: not an http(s) address, a host written as a local or private address (``localhost``,
            ``127.0.0.1``, ``[::1]``, ``10.x``; said apart), a host name that does not exist (said apart), no
            answer (offline, timeout, refused), an HTTP status other than
            200, an empty body, or a body of ``max_bytes`` bytes or more (trafilatura stops reading there).
    """
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"{url}: not a web address (give an http:// or https:// link)")
    if not allow_private and _names_local_address(url):
        raise FetchError(f"{url}: a local or private network address; the dashboard does not fetch those "
                         "(the command line does)")
    cfg = use_config()
    cfg.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(int(timeout)))
    cfg.set("DEFAULT", "MAX_FILE_SIZE", str(int(max_bytes)))
    cfg.set("DEFAULT", "MAX_REDIRECTS", "3")
    cfg.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    resp = fetch_response(url, config=cfg)
    if resp is None:
        if _unknown_host(url):
            raise FetchError(f"{url}: no such host (the name does not resolve: check the address)")
        raise FetchError(f"{url}: no answer within {timeout} s (offline, refused, too slow, a private "
                         f"address, or larger than {max_bytes:,} bytes)")
    if resp.status != 200:
        raise FetchError(f"{url}: the server answered HTTP {resp.status}")
    data = resp.data or b""
    if not data:
        raise FetchError(f"{url}: empty answer, or larger than {max_bytes:,} bytes")
    return data


# seconds the look-up of a host that gave no answer may take (it only chooses the message)
HOST_LOOKUP_TIMEOUT_S = 2.0


def _unknown_host(url: str, resolve=None) -> bool:
    """Whether the host of ``url``, which gave no answer, is a name the resolver says does not exist
    (``socket.EAI_NONAME``: "example.invalid"), so the message can say so rather than "no answer". A look-up
    that fails otherwise (offline: ``EAI_AGAIN``) or takes more than :data:`HOST_LOOKUP_TIMEOUT_S` is no
    proof: False. ``resolve``: the look-up function (default :func:`socket.getaddrinfo`; tests pass their own)."""
    import socket
    import threading
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    found: list[bool] = []

    def look() -> None:
        try:
            (resolve or socket.getaddrinfo)(host, None)
        except socket.gaierror as exc:
            found.append(exc.errno == socket.EAI_NONAME)
        except (OSError, UnicodeError):
            found.append(False)

    t = threading.Thread(target=look, daemon=True, name="host-lookup")
    t.start()
    t.join(HOST_LOOKUP_TIMEOUT_S)
    return bool(found and found[0])


def _names_local_address(url: str) -> bool:
    """Whether the URL's host is written as a loopback, private, link-local or unspecified address
    (``localhost``, ``127.0.0.1``, ``[::1]``, ``0x7f000001``, ``10.0.0.5``), read with :mod:`ipaddress`
    (a name is not resolved here: trafilatura's SSRF check still refuses names that resolve to one)."""
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        try:  # the shorthand and hex forms browsers accept ("0x7f000001", "127.1"), without resolving a name
            ip = ipaddress.ip_address(socket.inet_aton(host))
        except OSError:
            return False
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_unspecified or ip.is_reserved


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
    if not feed.entries:  # an XML document that is no feed parses without error, and without a version
        if feed.bozo or not feed.get("version"):
            why = f" ({feed.get('bozo_exception')})" if feed.bozo else ""
            rep.problems.append((source, f"not a readable RSS or Atom feed{why}"))
        else:
            rep.problems.append((source, "the feed has no items"))
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
            rep.problems.append((where, str(getattr(exc, "reason", None) or exc).removeprefix(f"{link}: ")))
    if len(feed.entries) > max_items:
        rep.problems.append((source, f"read the first {max_items} of {len(feed.entries)} items"))
    return rep


def _read_page(page: bytes, where: str, meta: dict, collection: str | None) -> list[Article]:
    """The article of an HTML page; its ``source_path`` (what messages name) is its link, else ``where``."""
    from .ingest import read_bytes

    return [a.model_copy(update={"source_path": meta.get("url") or where})
            for a in read_bytes(page, "page.html", meta, collection=collection)]


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


def is_web_source(source: str) -> bool:
    """Whether ``source`` (a command-line input) is read here: an http(s) address, or an existing file
    named ``*.xml``, ``*.rss`` or ``*.atom`` (:data:`FEED_SUFFIXES`, read as an RSS/Atom feed)."""
    if source.lower().startswith(("http://", "https://")):
        return True
    return source.lower().endswith(FEED_SUFFIXES) and Path(source).is_file()


def read_web_source(source: str, collection: str | None = None, fetch=fetch_bytes) -> FetchReport:
    """Articles of one web source (see :func:`is_web_source`): a link by :func:`read_url` (a page, or a
    feed and its items), a feed file by :func:`read_feed` (its items' pages fetched by ``fetch``).

    Never raises: a file that cannot be opened, a document that is no feed, a fetch that fails are the
    report's problems, one ``(where, reason)`` each.
    """
    if source.lower().startswith(("http://", "https://")):
        return read_url(source, collection=collection, fetch=fetch)
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        return FetchReport(problems=[(source, f"cannot open ({exc.strerror})")])
    return read_feed(data, source, collection=collection, fetch=fetch)
