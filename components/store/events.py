"""One event across articles: the store-level table ``casualty_events`` (casualty record -> event id).

Several articles report the same strike; each report is a casualty record (``casualties``, keyed by
``article_id`` and ``idx``). Records of **different articles** are reports of one event when they share

- **place**: both geocoded and at most ``EVENT_KM`` (25 km) apart (great-circle distance);
- **date**: both dated and at most ``EVENT_DAYS`` (1 day) apart (time zones and "yesterday" in a report
  filed the next morning);
- **cause**: the same known cause, compared on its letters only, case-folded, without the words naming the act
  rather than the means (:func:`_cause_key`: "air strike" = "airstrike" = "air raid", "drone attack" = "drone
  strike", never "drone attack" = "rocket attack"). A record without a cause joins no
  other: in the ISAF dev releases, two operations in one province a day apart ("killed several
  insurgents in Shigal district" / "a patrol ... killing several insurgents"), both geocoded to the
  province and without a cause, are different events.

Records of one article that the extractor gives one ``event_id`` (when the casualties table has that
column) are one event too. Groups are closed transitively (single linkage). A record without a date,
coordinates or cause is an event of its own. The event id is the smallest ``article_id:idx`` of its reports, so
it is stable while its first report stays stored. Every write transaction regroups the events its records
can change (:func:`refresh`), and with them the derived rows of :mod:`components.store.casualty_facts`.

Totals count each event once, with its highest credible figure (the largest lower bound of the
reports: "at least 4 killed") and the reports' range (smallest lower bound to largest upper bound:
"reports 3-4"); see :func:`components.store.queries.casualty_totals`.
"""

from __future__ import annotations

from . import bulk, casualty_facts

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

def _cause_key(col: str) -> str:
    """SQL of the cause ``col`` compared across reports: lower case, letters only, without a closing word that
    names the act rather than the means (:data:`components.lexicon.GENERIC_ATTACK_NOUNS`): "Drone strike",
    "drone attack" and "drone-attack" give "drone", "air raid", "air strike" and "airstrike" give "air",
    "attack" gives ""."""
    from .. import lexicon as C

    generic = "|".join(sorted(C.GENERIC_ATTACK_NOUNS, key=len, reverse=True))
    return f"regexp_replace(regexp_replace(lower({col}), '[^a-z]', '', 'g'), '({generic})s?$', '')"


# candidate pairs: different articles ({order}), dates within the window, same folded cause, then the
# distance; {a_from}: the records on side a (all casualties, or only some: the incremental refresh)
_PAIRS = f"""
SELECT a.article_id, a.idx, b.article_id, b.idx
FROM {{a_from}} a JOIN casualties b
  ON {{order}}
 AND b.date BETWEEN a.date - INTERVAL {EVENT_DAYS} DAY AND a.date + INTERVAL {EVENT_DAYS} DAY
 AND {_cause_key("a.cause")} = {_cause_key("b.cause")}
WHERE a.part_of IS NULL AND b.part_of IS NULL
  AND a.lat IS NOT NULL AND a.lon IS NOT NULL AND b.lat IS NOT NULL AND b.lon IS NOT NULL
  AND 2 * 6371.0088 * asin(sqrt(
        pow(sin(radians(b.lat - a.lat) / 2), 2)
        + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2))) <= ?
"""
_ALL_PAIRS = _PAIRS.format(a_from="casualties", order="a.article_id < b.article_id")
# the pairs of the given records (keys "article_id:idx") with any other article's record
_PAIRS_OF = _PAIRS.format(
    a_from="(SELECT * FROM casualties WHERE article_id || ':' || idx IN (SELECT unnest(?::VARCHAR[])))",
    order="a.article_id <> b.article_id")


def _key(article_id: str, idx: int) -> str:
    return f"{article_id}:{idx}"


def article_records(cur, article_ids) -> set[tuple[str, int]]:
    """The casualty records ``(article_id, idx)`` of ``article_ids``: what a write touches. Call it before
    deleting articles and after inserting them, and pass the union to :func:`refresh`."""
    ids = list(article_ids)
    if not ids:
        return set()
    return {tuple(r) for r in cur.execute(
        "SELECT article_id, idx FROM casualties WHERE part_of IS NULL AND article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]).fetchall()}


def _group(records, pairs) -> list[tuple[str, int, str]]:
    """Rows ``(article_id, idx, event_id)``: ``records`` grouped by single linkage over ``pairs`` (both ends
    among ``records``); the event id is the smallest key of its group's records."""
    parent = {r: r for r in records}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [(r[0], r[1], _key(*find(r))) for r in records]


def refresh(cur, records=None) -> int:
    """Recompute ``casualty_events`` from ``casualties`` (inside the caller's transaction).

    Args:
        cur: a cursor of the store, inside the write transaction.
        records: the casualty records ``(article_id, idx)`` the write touched (:func:`article_records` of
            its articles before the deletes and after the inserts). Given, only the events that can change
            are regrouped: the touched records that still exist, every record of an event that held a
            touched record, and, closed transitively, every record of an event linked to those by a pair.
            Events are the connected components of the pairs, so the table equals a full recomputation
            (``tests/test_events.py`` checks it). None: the whole table is recomputed.

    Returns:
        int: number of the regrouped events reported by more than one article.
    """
    cur.execute(SCHEMA)
    if records is None:
        # events only: a breakdown's parts (part_of set) are inside their event, never reports of their own
        keep = [tuple(r) for r in cur.execute("SELECT article_id, idx FROM casualties WHERE part_of IS NULL").fetchall()]
        pairs = [((a1, i1), (a2, i2)) for a1, i1, a2, i2 in cur.execute(_ALL_PAIRS, [EVENT_KM]).fetchall()]
        cur.execute("DELETE FROM casualty_events")
    else:
        touched = {_key(a, i) for a, i in records}
        # the events the touched records belonged to, and the records that exist now
        todo = set(touched)
        group: set[str] = set()
        pairs = []
        while todo:
            todo = {k for (k,) in cur.execute(
                "SELECT article_id || ':' || idx FROM casualty_events WHERE event_id IN ("
                "  SELECT event_id FROM casualty_events WHERE article_id || ':' || idx IN (SELECT unnest(?::VARCHAR[])))"
                " UNION SELECT unnest(?::VARCHAR[])", [sorted(todo), sorted(todo)]).fetchall()} - group
            group |= todo
            if not todo:
                break
            found = cur.execute(_PAIRS_OF, [sorted(todo), EVENT_KM]).fetchall()
            pairs += [((a1, i1), (a2, i2)) for a1, i1, a2, i2 in found]
            todo = {_key(a2, i2) for _, _, a2, i2 in found} - group
        keep = [tuple(r) for r in cur.execute(
            "SELECT article_id, idx FROM casualties WHERE part_of IS NULL "
            "AND article_id || ':' || idx IN (SELECT unnest(?::VARCHAR[]))", [sorted(group)]).fetchall()]
        live = set(keep)
        pairs = [(a, b) for a, b in pairs if a in live and b in live]
        cur.execute("DELETE FROM casualty_events WHERE article_id || ':' || idx IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(group)])
    rows = _group(keep, pairs)
    bulk.insert_rows(cur, "casualty_events", ("article_id", "idx", "event_id"), rows)
    # the records' ranks and event totals follow their events (casualty_facts.py): the regrouped set holds
    # whole events, old and new
    casualty_facts.refresh(cur, None if records is None else group)
    members: dict[str, set] = {}
    for aid, _, ev in rows:
        members.setdefault(ev, set()).add(aid)
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
