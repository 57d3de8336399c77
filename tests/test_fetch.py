"""News in by link (components/fetch.py), against a local HTTP server started by the test (no outside network)."""

from __future__ import annotations

import functools
import json
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
    with pytest.raises(FetchError, match="a local or private network address"):  # refused by default (SSRF)
        fetch_bytes(f"{site}/page.html")


@pytest.mark.parametrize("url", ["http://localhost:8501/", "http://127.0.0.1/x", "http://[::1]/", "http://0x7f000001/",
                                 "https://10.1.2.3/a", "http://192.168.0.4/", "http://169.254.169.254/latest"])
def test_fetch_local_and_private_addresses_are_refused_with_their_own_reason(url):
    with pytest.raises(FetchError) as info:
        fetch_bytes(url)
    assert str(info.value) == (f"{url}: a local or private network address; the dashboard does not fetch those "
                               "(the command line does)")


def _cli(*args, db):
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    env = dict(os.environ, NEWS_ATLAS_DB=str(db))
    return subprocess.run([sys.executable, "-m", "components", *args, "--article-timeout", "0"], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)


def test_cli_ingest_url_and_feed_url_store_each_item_and_name_the_bad_one(site, tmp_path):
    from components.store import Store

    db = tmp_path / "web.duckdb"
    out = _cli("ingest", f"{site}/page.html", f"{site}/feed.xml", "--collection", "web", db=db)
    assert out.returncode == 1, out.stderr  # the feed's third item is missing (404): one failure
    # the page and the feed's second item are the same page: stored once, the repeat skipped
    assert "added 2 article(s)" in out.stdout
    failed = [ln for ln in out.stdout.splitlines() if ln.startswith("  FAILED")]
    assert failed == [f"  FAILED {site}/feed.xml item 3 ({site}/missing.html): the server answered HTTP 404"]
    store = Store(str(db), read_only=True)
    try:
        rows = store.execute("SELECT title, url, collection FROM articles ORDER BY title").fetchall()
    finally:
        store.close()
    assert rows == [("Cycle lane approved", f"{site}/lane", "web"),
                    ("Ferry terminal delayed", f"{site}/page.html", "web")]


def test_cli_ingest_feed_file_reads_its_items(site, tmp_path):
    feed = tmp_path / "harbour.xml"
    feed.write_text(FEED.replace("HOST", site.removeprefix("http://")), encoding="utf-8")
    out = _cli("extract", str(feed), "--json", db=tmp_path / "unused.duckdb")
    titles = [json.loads(line)["article"]["title"] for line in out.stdout.splitlines()]
    assert titles == ["Cycle lane approved", "Ferry terminal delayed"]
    assert out.returncode == 1 and f"error: {feed} item 3 ({site}/missing.html): the server answered HTTP 404" \
        in out.stderr.splitlines()


def test_cli_ingest_unreachable_address_is_one_clear_line_and_nothing_stored(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    db = tmp_path / "off.duckdb"
    out = _cli("ingest", f"http://127.0.0.1:{closed}/news.html", db=db)
    assert out.returncode == 1
    failed = [ln for ln in out.stdout.splitlines() if "FAILED" in ln]
    assert len(failed) == 1 and failed[0].startswith(f"  FAILED http://127.0.0.1:{closed}/news.html: no answer within")
    assert "added 0 article(s)" in out.stdout and "Traceback" not in out.stderr
    bad_feed = tmp_path / "notes.xml"
    bad_feed.write_text("<?xml version='1.0'?><notes><note>hello</note></notes>", encoding="utf-8")
    out = _cli("ingest", str(bad_feed), db=db)
    assert out.returncode == 1 and f"  FAILED {bad_feed}: not a readable RSS or Atom feed" in out.stdout


def test_fetch_an_unknown_host_is_said_apart_from_no_answer():
    """A host name the resolver says does not exist is named as such; a look-up that fails for another reason
    (offline) or a host that resolves keeps "no answer" (the look-up only chooses the message)."""
    import socket

    from components.fetch import _unknown_host

    def nxdomain(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def offline(host, port):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    assert _unknown_host("https://news.example.invalid/story.html", resolve=nxdomain) is True
    assert _unknown_host("https://news.example.invalid/story.html", resolve=offline) is False
    assert _unknown_host("http://127.0.0.1:9/x.html", resolve=lambda h, p: [("ok",)]) is False
