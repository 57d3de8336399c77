"""Reviewer corrections, stored apart from the extraction: the ``corrections`` table.

A correction names its record by **article id and character offsets** (a quote's content span, a
casualty record's sentence span), never by a row id, so it still finds the record after the article is
extracted again. Each row says who made it and when, what (``action``), and the value before and after
(JSON text). Corrections are applied to the extraction's rows at once, and again, in the same write
transaction, every time an article is (re-)extracted (:meth:`components.store.Store.add_extractions`
calls :func:`apply_to_articles` before the derived tables are refreshed), so the extraction never
overwrites a reviewer. Undoing one marks it ``undone_at`` and puts the value before it back; nothing is
ever deleted from the table, which is exported as it is (:func:`corrections_table`).

Actions:

- ``wrong`` (quote or casualty): the record is not shown anywhere (its row is removed from the
  extraction tables; ``before`` keeps the whole row, so undo restores it).
- ``speaker`` (quote): the quote's speaker is ``after`` (a person of the article or a typed name).
- ``killed`` (casualty): ``after`` is ``{"killed_min": n, "killed_max": m}``.
- ``place`` (casualty): ``after`` is ``{"place": name}`` (coordinates are left as they were).
- ``merge`` (speaker): ``after`` is ``{"name": A, "into": B}``: every name of A's person becomes B's
  person (``before``: A's canonical name then).
- ``split`` (speaker): ``after`` is ``{"name": A}``: the name A is a person of its own.

Speaker corrections are store-wide: their row has ``article_id`` :data:`STORE_WIDE` and offsets 0, 0;
they are not applied to extraction rows but in :func:`components.store.identities.refresh`, on top of the
merge rule, every time ``speaker_identities`` is recomputed (every ingest, delete, correction and undo).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Optional

import pandas as pd

from ..errors import StoreError

SCHEMA = """
CREATE SEQUENCE IF NOT EXISTS corrections_seq START 1;
CREATE TABLE IF NOT EXISTS corrections (
    id BIGINT PRIMARY KEY DEFAULT nextval('corrections_seq'),
    made_at TIMESTAMP NOT NULL,
    author VARCHAR NOT NULL,
    record VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    before VARCHAR,
    after VARCHAR,
    undone_at TIMESTAMP,
    undone_by VARCHAR
);
"""

RECORD_TABLES = {"quote": "quotes", "casualty": "casualties"}
ACTIONS = {"quote": ("wrong", "speaker"), "casualty": ("wrong", "killed", "place"), "speaker": ("merge", "split")}
STORE_WIDE = "*"  # the article_id of a store-wide correction (a speaker merge or split)


class CorrectionError(StoreError):
    """A correction names no stored record, an unknown action, or a bad value (message says which)."""


def _row(cur, record: str, article_id: str, start: int, end: int) -> Optional[dict]:
    table = RECORD_TABLES[record]
    res = cur.execute(f'SELECT * FROM {table} WHERE article_id = ? AND "start" = ? AND "end" = ?',
                      [article_id, start, end])
    row = res.fetchone()
    return dict(zip([d[0] for d in res.description], row)) if row else None


def _json(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


def _apply(cur, record: str, article_id: str, start: int, end: int, action: str, after: Any) -> None:
    table = RECORD_TABLES[record]
    key = [article_id, start, end]
    where = 'article_id = ? AND "start" = ? AND "end" = ?'
    if action == "wrong":
        cur.execute(f"DELETE FROM {table} WHERE {where}", key)
    elif action == "speaker":
        cur.execute(f"UPDATE quotes SET speaker = ? WHERE {where}", [after, *key])
    elif action == "killed":
        cur.execute(f"UPDATE casualties SET killed_min = ?, killed_max = ? WHERE {where}",
                    [after.get("killed_min"), after.get("killed_max"), *key])
    elif action == "place":
        cur.execute(f"UPDATE casualties SET place = ? WHERE {where}", [after.get("place"), *key])


def _refresh(cur, article_ids: list[str]) -> None:
    from . import events, facts, identities

    facts.refresh_articles(cur, article_ids)
    identities.refresh(cur)
    events.refresh(cur)


def ensure(cur) -> None:
    """Create the ``corrections`` table and its id sequence if missing."""
    cur.execute(SCHEMA)


def add(store, record: str, article_id: str, start: int, end: int, action: str, after: Any = None,
        author: str = "anonymous") -> int:
    """Record a correction and apply it, in one transaction.

    Args:
        store (Store): the store.
        record (str): ``"quote"`` or ``"casualty"``.
        article_id, start, end: the record's article and character offsets.
        action (str): see the module docstring (``ACTIONS[record]``).
        after: the new value (``speaker``: a name; ``killed``: dict; ``place``: dict; ``wrong``: None).
        author (str): who makes it (free text, stored as given).

    Returns:
        int: the correction's id.

    Raises:
        CorrectionError: unknown record kind or action, no such record, or an empty / negative value.
    """
    if record not in ACTIONS or action not in ACTIONS[record] or record == "speaker":
        raise CorrectionError(f"unknown correction {record!r}/{action!r}; expected one of {ACTIONS} "
                              "(speaker merges and splits: speaker_review)")
    if action == "speaker" and not (isinstance(after, str) and after.strip()):
        raise CorrectionError("a speaker correction needs a name")
    if action == "killed":
        lo, hi = after.get("killed_min"), after.get("killed_max")
        if lo is None or lo < 0 or (hi is not None and hi < lo):
            raise CorrectionError(f"killed figures must be 0 <= min <= max (got {lo}, {hi})")
    if action == "place" and not str(after.get("place") or "").strip():
        raise CorrectionError("a place correction needs a place name")
    after = after.strip() if isinstance(after, str) else after
    with store._write_lock:
        cur = store.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            ensure(cur)
            row = _row(cur, record, article_id, start, end)
            if row is None:
                raise CorrectionError(f"no {record} at {article_id}:{start}-{end}")
            before = row if action == "wrong" else (
                row["speaker"] if action == "speaker" else
                {"killed_min": row["killed_min"], "killed_max": row["killed_max"]} if action == "killed" else
                {"place": row["place"]})
            cid = cur.execute(
                'INSERT INTO corrections (made_at, author, record, article_id, "start", "end", action, before, after) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), author.strip() or "anonymous", record,
                 article_id, start, end, action, _json(before), _json(after)],
            ).fetchone()[0]
            _apply(cur, record, article_id, start, end, action, after)
            _refresh(cur, [article_id])
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
    return int(cid)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def speaker_review(store, action: str, name: str, into: Optional[str] = None, author: str = "anonymous") -> int:
    """Merge two speakers or split a name off its person, as a store-wide correction, in one transaction.

    Args:
        store (Store): the store.
        action (str): ``"merge"`` (the person of ``name`` joins the person of ``into``) or ``"split"``
            (``name`` becomes a person of its own).
        name (str): a stored speaker name (a key of ``speaker_identities``).
        into (str | None): for ``merge``, a stored speaker name of the other person.
        author (str): who makes it.

    Returns:
        int: the correction's id.

    Raises:
        CorrectionError: unknown action or name; a merge of one person with itself; a split of a name
            that is a person alone.
    """
    from . import identities

    if action not in ACTIONS["speaker"]:
        raise CorrectionError(f"unknown speaker correction {action!r}; expected one of {ACTIONS['speaker']}")
    with store._write_lock:
        cur = store.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            ensure(cur)
            cur.execute(identities.SCHEMA)
            canon = dict(cur.execute("SELECT name, canonical FROM speaker_identities").fetchall())
            if name not in canon or (action == "merge" and into not in canon):
                raise CorrectionError(f"no stored speaker named {name if name not in canon else into!r}")
            if action == "merge" and canon[name] == canon[into]:
                raise CorrectionError(f"{name!r} and {into!r} are already one person ({canon[name]})")
            if action == "split" and sum(1 for c in canon.values() if c == canon[name]) < 2:
                raise CorrectionError(f"{name!r} is a person of its own already")
            after = {"name": name, "into": into} if action == "merge" else {"name": name}
            cid = cur.execute(
                'INSERT INTO corrections (made_at, author, record, article_id, "start", "end", action, before, after) '
                "VALUES (?, ?, 'speaker', ?, 0, 0, ?, ?, ?) RETURNING id",
                [_now(), author.strip() or "anonymous", STORE_WIDE, action, _json({"canonical": canon[name]}),
                 _json(after)]).fetchone()[0]
            identities.refresh(cur)
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
    return int(cid)


def undo(store, correction_id: int, author: str = "anonymous") -> bool:
    """Undo a correction: mark it undone and put the value before it back (a removed record is
    re-inserted from the row kept in ``before`` unless the article has one at those offsets again).

    Returns:
        bool: True if it was active and is now undone; False if unknown or already undone.
    """
    with store._write_lock:
        cur = store.cursor()
        cur.execute("BEGIN TRANSACTION")
        try:
            ensure(cur)
            row = cur.execute(
                'SELECT record, article_id, "start", "end", action, before FROM corrections '
                "WHERE id = ? AND undone_at IS NULL", [correction_id]).fetchone()
            if row is None:
                cur.execute("ROLLBACK")
                return False
            record, aid, start, end, action, before = row
            before = json.loads(before) if before is not None else None
            if record == "speaker":  # applied by identities.refresh: marking it undone is enough
                from . import identities

                cur.execute("UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?",
                            [_now(), author.strip() or "anonymous", correction_id])
                identities.refresh(cur)
                cur.execute("COMMIT")
                return True
            if action == "wrong":
                if _row(cur, record, aid, start, end) is None and before:
                    cols = list(before)
                    cur.execute(
                        f"INSERT INTO {RECORD_TABLES[record]} ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
                        f"VALUES ({', '.join('?' for _ in cols)})", [before[c] for c in cols])
            else:
                _apply(cur, record, aid, start, end, action, before)
            cur.execute("UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?",
                        [dt.datetime.now(dt.timezone.utc).replace(tzinfo=None), author.strip() or "anonymous",
                         correction_id])
            _refresh(cur, [aid])
            cur.execute("COMMIT")
        except Exception:
            cur.execute("ROLLBACK")
            raise
    return True


def apply_to_articles(cur, article_ids: list[str]) -> int:
    """Re-apply the active corrections of freshly (re-)extracted articles, oldest first (inside the
    write transaction, before the derived tables are refreshed). Returns how many were applied."""
    if not article_ids:
        return 0
    ensure(cur)
    rows = cur.execute(
        'SELECT record, article_id, "start", "end", action, after FROM corrections '
        "WHERE undone_at IS NULL AND list_contains(?, article_id) ORDER BY id", [list(article_ids)]).fetchall()
    for record, aid, start, end, action, after in rows:
        _apply(cur, record, aid, start, end, action, json.loads(after) if after is not None else None)
    return len(rows)


def corrections_table(store, article_id: Optional[str] = None) -> pd.DataFrame:
    """Every correction (newest first), optionally of one article, with its record's article title and
    URL: ``id``, ``made_at``, ``author``, ``record``, ``article_id``, ``start``, ``end``, ``action``,
    ``before``, ``after`` (JSON text), ``undone_at``, ``undone_by``, ``title``, ``url``."""
    where, params = ("WHERE c.article_id = ?", [article_id]) if article_id else ("", [])
    return store.df(
        'SELECT c.id, c.made_at, c.author, c.record, c.article_id, c."start", c."end", c.action, c.before, '
        f"c.after, c.undone_at, c.undone_by, a.title, a.url FROM corrections c LEFT JOIN articles a ON a.id = c.article_id "
        f"{where} ORDER BY c.id DESC", params)
