"""Real-browser test of reviewing in the views: on the Quotes page, mark a quote wrong and fix another one's
speaker ("Correct this quote"), reload, re-ingest the article through the upload with *Replace*, and find
both corrections still applied. Same server fixture as test_browser.py."""

from __future__ import annotations

from pathlib import Path

from .test_browser import _open, _shot, browser, page, pytestmark, server  # noqa: F401 - fixtures and marks

ROOT = Path(__file__).resolve().parents[1]


def _read(db: Path, sql: str, params=()):
    import duckdb

    copy = db.parent / "review_copy.duckdb"  # the server holds the write lock; read a copy
    copy.write_bytes(db.read_bytes())
    wal, copy_wal = Path(str(db) + ".wal"), Path(str(copy) + ".wal")
    if wal.exists():  # recent writes may still be in the write-ahead log
        copy_wal.write_bytes(wal.read_bytes())
    elif copy_wal.exists():
        copy_wal.unlink()
    con = duckdb.connect(str(copy), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def _wait_idle(page):
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(1000)


def test_browser_review_corrections_survive_reload_and_re_ingest(server, page):
    base, db = server
    (q1, s1, e1), (q2, s2, e2) = _read(
        db, 'SELECT id, "start", "end" FROM quotes WHERE speaker IS NOT NULL ORDER BY article_id, "start" LIMIT 2')
    _open(page, f"{base}/quotes?quote={q1}", "Correct this quote")
    page.get_by_text("Correct this quote").first.click()  # open the expander
    page.get_by_role("button", name="Mark this quote wrong").click()
    page.get_by_text("marked wrong").first.wait_for()
    _wait_idle(page)
    _open(page, f"{base}/quotes?quote={q2}", "Correct this quote")
    page.get_by_text("Correct this quote").first.click()
    for attempt in range(3):  # a rerun of the page while the list is open redraws it: open it again
        page.get_by_test_id("stSelectbox").filter(has_text="Speaker (a person of this article").click()
        page.keyboard.type("type a name")  # the list is virtualised: the last option is drawn once filtered to
        try:
            page.get_by_role("option", name="(type a name)").click(timeout=15_000)
            break
        except Exception:  # playwright's TimeoutError: the option was detached by a redraw
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            _wait_idle(page)
    _wait_idle(page)
    name = page.get_by_label("Speaker name")
    name.fill("Ada Invented")
    name.press("Enter")
    _wait_idle(page)
    page.get_by_role("button", name="Fix the speaker").click()
    page.get_by_text("Speaker set to Ada Invented").first.wait_for()
    _shot(page, "review")

    page.reload()
    page.get_by_text("Correct this quote").first.wait_for()
    _wait_idle(page)
    assert len(_read(db, "SELECT id FROM corrections WHERE undone_at IS NULL")) == 2

    # re-ingest the seed article through the upload, replacing the stored one
    _open(page, base + "/articles", "Articles")
    page.get_by_text("Upload articles (.txt, .md, .html, .jsonl)").first.click()  # open the expander
    page.get_by_text("Replace articles already stored").first.click()
    _wait_idle(page)
    files = sorted(str(p) for p in (ROOT / "data" / "articles").iterdir())
    page.locator("input[type=file]").first.set_input_files(files)
    page.get_by_text("Replaced 1 stored article", exact=False).first.wait_for(timeout=180_000)
    _wait_idle(page)

    assert _read(db, 'SELECT count(*) FROM quotes WHERE "start" = ? AND "end" = ?', [s1, e1]) == [(0,)]
    assert _read(db, 'SELECT speaker FROM quotes WHERE "start" = ? AND "end" = ?', [s2, e2]) == [("Ada Invented",)]
    _open(page, f"{base}/quotes?quote={q2}", "Quotes")
    assert "Ada Invented" in page.content()
