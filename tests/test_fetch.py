"""News in by link (components/fetch.py), against a local HTTP server started by the test (no outside network)."""

from __future__ import annotations

import functools
import http.server
import socket
import threading

import pytest

from components.fetch import FetchError, fetch_bytes, read_url

local = functools.partial(fetch_bytes, allow_private=True)  # the test's server is on 127.0.0.1

PARA = ("The harbour authority of Tallinn said on Tuesday that the new ferry terminal would open in May, "
        "two months later than planned. ")
PAGE = (f"<html><head><title>Ferry terminal delayed</title></head><body><article><h1>Ferry terminal delayed</h1>"
        f"<p>{PARA * 4}</p><p>\"We will not cut corners,\" the port director said.</p></article></body></html>")
LONG_ITEM = ("The council of Bergen approved a new cycle lane along the harbour on Monday after a long debate. " * 8)
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harbour News</title>
<item><title>Cycle lane approved</title><link>http://HOST/lane</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{LONG_ITEM}</p>]]></content:encoded></item>
<item><title>Ferry terminal delayed</title><link>http://HOST/page.html</link><pubDate>Tue, 04 Mar 2025 09:00:00 +0100</pubDate>
<description>Short teaser.</description></item>
<item><title>Gone</title><link>http://HOST/missing.html</link><description>Teaser.</description></item>
</channel></rss>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    host = f"127.0.0.1:{port}"
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "feed.xml").write_text(FEED.replace("HOST", host), encoding="utf-8")
    (root / "big.html").write_bytes(b"<html><body>" + b"x" * 300_000 + b"</body></html>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://{host}"
    server.shutdown()


def test_fetch_page_becomes_one_article_with_its_url(site):
    rep = read_url(f"{site}/page.html", collection="web", fetch=local)
    assert rep.problems == []
    [a] = rep.articles
    assert a.title == "Ferry terminal delayed" and a.url == f"{site}/page.html" and a.collection == "web"
    assert "We will not cut corners" in a.text


def test_fetch_feed_items_from_their_text_or_their_page_and_a_bad_item_is_reported(site):
    rep = read_url(f"{site}/feed.xml", fetch=local)
    titles = [a.title for a in rep.articles]
    assert titles == ["Cycle lane approved", "Ferry terminal delayed"]
    lane, ferry = rep.articles
    assert lane.outlet == "Harbour News" and str(lane.published) == "2025-03-03" and "cycle lane" in lane.text
    assert "We will not cut corners" in ferry.text  # fetched from the item's page (the feed had a teaser)
    assert len(rep.problems) == 1
    where, why = rep.problems[0]
    assert where.startswith(f"{site}/feed.xml item 3") and "HTTP 404" in why


def test_fetch_errors_are_clear_offline_too_large_and_not_a_link(site):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    with pytest.raises(FetchError, match=r"no answer within 2 s"):
        local(f"http://127.0.0.1:{closed}/x.html", timeout=2)
    with pytest.raises(FetchError, match=r"larger than 100,000 bytes"):
        local(f"{site}/big.html", max_bytes=100_000)
    with pytest.raises(FetchError, match="not a web address"):
        fetch_bytes("file:///etc/passwd")
    rep = read_url(f"http://127.0.0.1:{closed}/x.html", fetch=local)
    assert rep.articles == [] and rep.problems[0][1].startswith("no answer within")
    with pytest.raises(FetchError, match="no answer"):  # a local address is refused by default (SSRF)
        fetch_bytes(f"{site}/page.html")
