"""One event across articles: the store-level table ``casualty_events`` (casualty record -> event id).

Several articles report the same strike; each report is a casualty record (``casualties``, keyed by
``article_id`` and ``idx``). Records of **different articles** are reports of one event when they share

- **place**: both geocoded and at most ``EVENT_KM`` (25 km) apart (great-circle distance);
- **date**: both dated and at most ``EVENT_DAYS`` (1 day) apart (time zones and "yesterday" in a report
  filed the next morning);
- **cause**: the same known cause, compared on its letters only, case-folded ("air strike" = "airstrike"). A record without a cause joins no
  other: in the ISAF dev releases, two operations in one province a day apart ("killed several
  insurgents in Shigal district" / "a patrol ... killing several insurgents"), both geocoded to the
  province and without a cause, are different events.

Records of one article that the extractor gives one ``event_id`` (when the casualties table has that
column) are one event too. Groups are closed transitively (single linkage). A record without a date,
coordinates or cause is an event of its own. The event id is the smallest ``article_id:idx`` of its reports, so
it is stable while its first report stays stored. The table is recomputed in every write transaction.

Totals count each event once, with its highest credible figure (the largest lower bound of the
reports: "at least 4 killed") and the reports' range (smallest lower bound to largest upper bound:
"reports 3-4"); see :func:`components.store.queries.casualty_totals`.
"""

from __future__ import annotations

from . import bulk

EVENT_KM = 25.0
EVENT_DAYS = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS casualty_events (
    article_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    event_id VARCHAR NOT NULL,
    PRIMARY KEY (article_id, idx)
);
"""

# candidate pairs: different articles, dates within the window, same folded cause, then the distance
_PAIRS = f"""
SELECT a.article_id, a.idx, b.article_id, b.idx
FROM casualties a JOIN casualties b
  ON a.article_id < b.article_id
 AND b.date BETWEEN a.date - INTERVAL {EVENT_DAYS} DAY AND a.date + INTERVAL {EVENT_DAYS} DAY
 AND lower(regexp_replace(a.cause, '[^A-Za-z]', '', 'g')) = lower(regexp_replace(b.cause, '[^A-Za-z]', '', 'g'))
WHERE a.part_of IS NULL AND b.part_of IS NULL
  AND a.lat IS NOT NULL AND a.lon IS NOT NULL AND b.lat IS NOT NULL AND b.lon IS NOT NULL
  AND 2 * 6371.0088 * asin(sqrt(
        pow(sin(radians(b.lat - a.lat) / 2), 2)
        + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2))) <= ?
"""


def _key(article_id: str, idx: int) -> str:
    return f"{article_id}:{idx}"


def refresh(cur) -> int:
    """Recompute ``casualty_events`` from ``casualties`` (inside the caller's transaction).

    Returns:
        int: number of events reported by more than one article.
    """
    cur.execute(SCHEMA)
    # events only: a breakdown's parts (part_of set) are inside their event, never reports of their own
    records = [tuple(r) for r in cur.execute("SELECT article_id, idx FROM casualties WHERE part_of IS NULL").fetchall()]
    parent = {r: r for r in records}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for a1, i1, a2, i2 in cur.execute(_PAIRS, [EVENT_KM]).fetchall():
        union((a1, i1), (a2, i2))
    cur.execute("DELETE FROM casualty_events")
    rows = []
    members: dict = {}
    for r in records:
        root = find(r)
        members.setdefault(root, set()).add(r[0])
        rows.append((r[0], r[1], _key(*root)))
    bulk.insert_rows(cur, "casualty_events", ("article_id", "idx", "event_id"), rows)
    return sum(1 for arts in members.values() if len(arts) > 1)


def describe(killed_best: int | None, low: int | None, high: int | None, reports: int) -> str:
    """Reader's text of an event's death toll: ``"at least 4 killed; reports 3-4"`` (the range only when
    several reports differ), ``"4 killed"`` for one exact report, ``""`` when no report gives a figure.

    Args:
        killed_best: the largest lower bound of the reports; low: the smallest lower bound; high: the
            largest upper bound, None when a report is open-ended ("at least 3", "3+"); reports: count.
    """
    if killed_best is None:
        return ""
    exact = reports == 1 and high == killed_best
    text = f"{killed_best} killed" if exact else f"at least {killed_best} killed"
    top = max(killed_best, high) if high is not None else killed_best
    if reports > 1 and low is not None and low != top:
        text += f"; reports {low}-{top}"
    return text
