"""Robust ingest (issue 9): no input hangs the extractor, one bad article never costs the others."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

BODY = "\n\nRescue teams were at the scene on Friday."


def _tolls(ex):
    return [(c.place, c.killed_min, c.killed_max, c.injured_min, c.injured_max) for c in ex.casualties]


# Short verbless headlines: the root of the parse is a noun, which a head-chain walk comparing
# tokens with ``is`` never recognised as the root (each access builds a new Token), so it looped.
@pytest.mark.parametrize(
    "headline, tolls",
    [
        ("Gale in Hull; three dead", [("Hull", 3, 3, None, None)]),
        ("Four dead, six hurt", [(None, 4, 4, 6, 6)]),
        ("Mudslides: dozens dead in Assam", [("Assam", 24, None, None, None)]),
        ("Train crash near Arequipa, 9 dead", [("Arequipa", 9, 9, None, None)]),
    ],
)
def test_robust_verbless_headline_terminates_with_its_toll(extract_text, headline, tolls):
    assert _tolls(extract_text(headline + BODY)) == tolls


@pytest.mark.parametrize(
    "headline",
    ["Storm in Leeds; two dead", "Two dead, five hurt", "Blast in Lyon: 3 killed", "Floods: dozens dead in Sindh",
     "Bus crash near Cusco, 12 dead", "Ferry fire off Bali; no dead, 40 hurt"],
)
def test_robust_reported_headlines_terminate(extract_text, headline):
    """The six headlines of the report finish (they used to loop for good) and keep their place."""
    ex = extract_text(headline + BODY)
    assert ex.article.title == headline
    assert [p.name for p in ex.places] == [w for w in ("Leeds", "Lyon", "Sindh", "Cusco", "Bali") if w in headline]


def test_robust_tree_walks_stop_at_a_noun_root(nlp):
    from components.extract.tree import climb, head_path, is_root

    doc = nlp("Heavy snow in Oslo")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == "snow" and is_root(root) and not is_root(doc[0])
    # a predicate that never fails still stops at the root
    assert climb(doc[3], lambda t: True).i == root.i
    assert [t.text for t in head_path(doc[3], lambda t: True)] == ["Oslo", "in", "snow"]
    assert climb(doc[3], lambda t: t.pos_ != "ADP").text == "in"


# ---------------------------------------------------------------- the per-article unit and its budget

def test_robust_process_article_non_english_is_kept_with_a_warning():
    from components.models import Article
    from components.worker import process_article

    text = ("Der Stadtrat hat am Montag beschlossen, eine neue Brücke über den Fluss zu bauen. Der Bürgermeister "
            "sagte, die Arbeiten würden im Herbst beginnen. Die Opposition nannte die Pläne zu teuer und unklar.")
    out = process_article(Article(id="de1", text=text))
    assert out.error is None
    assert out.extraction.quotes == out.extraction.places == out.extraction.casualties == []
    assert out.warnings == ["the text is not English (language detected: de); kept without extraction results"]


@pytest.mark.parametrize("text, warned", [
    ("Harbour Council Rejects Ferry Plan", True),
    ("Harbour Council Rejects Ferry Plan\n\nThe council voted 7-2 against the plan on Monday.", False),
    ("The council voted 7-2 against the ferry plan on Monday after a long debate about costs, noise, the old "
     "quay and the timetable, which the mayor said had been rushed.", False),
])
def test_robust_a_headline_alone_is_stored_with_a_warning(text, warned):
    """Invented: an article that is one short line (a headline without its body) is extracted and stored as given,
    with a warning that there is little to extract; a headline with a body, or one long line of text, is not."""
    from components.models import Article
    from components.worker import process_article

    out = process_article(Article(id="h1", text=text))
    assert out.error is None and out.extraction is not None
    note = "the text is one short line (a headline without body text?): there is little to extract"
    assert (note in out.warnings) is warned


def test_robust_implausible_casualty_dropped_and_big_counts_stored(tmp_path):
    from components.models import Article, Casualty, Extraction
    from components.store import Store
    from components.worker import implausible_casualties

    art = Article(id="big", text="x" * 40)
    ex = Extraction(article=art, casualties=[Casualty(killed_min=5_000_000_000, start=0, end=10),
                                             Casualty(killed_min=10**23, killed_max=10**23, start=12, end=30)])
    kept, warnings = implausible_casualties(ex)
    assert [c.killed_min for c in kept.casualties] == [5_000_000_000]
    assert warnings == ["casualty at characters 12-30: killed_min 100,000,000,000,000,000,000,000 is more than the "
                        "world population; record dropped"]
    store = Store(tmp_path / "s.duckdb")
    store.add_extractions([kept])
    assert store.execute("SELECT killed_min FROM casualties").fetchall() == [(5_000_000_000,)]


def test_robust_pool_replaces_a_worker_past_the_budget():
    """The budget is enforced from outside: the worker is killed and a new one extracts the next article."""
    from components.models import Article
    from components.worker import ExtractionPool

    long_text = "Talks\n\n" + "The minister said the talks in Geneva would resume on Monday. " * 400
    with ExtractionPool(workers=1, timeout=0.05) as pool:
        (late,) = pool.run([Article(id="long", text=long_text)])
        assert (pool.replaced, late.error, late.extraction.quotes) == (1, None, [])
        assert late.warnings == ["extraction took longer than 0.05 s and was stopped; kept without extraction "
                                 "results"]
        pool.timeout = 120.0
        (ok,) = pool.run([Article(id="short", text="Gale in Hull; three dead" + BODY)])
    assert [(c.place, c.killed_min) for c in ok.extraction.casualties] == [("Hull", 3)]


def test_robust_pool_article_sent_ahead_survives_its_workers_replacement():
    """A worker holds the next article while it extracts one (``PREFETCH``); when the first runs out of time
    and the worker is replaced, the article sent ahead goes to the new worker, with a budget of its own, and
    comes back extracted, in input order."""
    from components.models import Article
    from components.worker import PREFETCH, ExtractionPool

    long_text = "Talks\n\n" + "The minister said the talks in Geneva would resume on Monday. " * 800
    with ExtractionPool(workers=1, timeout=1.5) as pool:
        late, ok = pool.run([Article(id="long", text=long_text), Article(id="short", text="Gale in Hull; three dead" + BODY)])
        assert (PREFETCH, pool.replaced) == (2, 1)
    assert (late.article.id, late.extraction.quotes) == ("long", [])
    assert late.warnings == ["extraction took longer than 1.5 s and was stopped; kept without extraction results"]
    assert (ok.article.id, ok.error, [(c.place, c.killed_min) for c in ok.extraction.casualties]) == ("short", None, [("Hull", 3)])


def test_robust_pool_worker_dying_mid_article_fails_only_that_article():
    """A worker killed while it extracts (a crash, out of memory) fails that article only; the article already
    sent ahead to it goes to the new worker and comes back extracted."""
    import threading

    from components.models import Article
    from components.worker import ExtractionPool

    long_text = "Talks\n\n" + "The minister said the talks in Geneva would resume on Monday. " * 1500
    with ExtractionPool(workers=1, timeout=300.0) as pool:
        pool.run([Article(id="warm", text="Gale in Hull; three dead" + BODY)]).__next__()  # the worker is up
        killer = threading.Timer(1.5, lambda: pool._workers[0].proc.kill())
        killer.start()
        died, ok = pool.run([Article(id="long", text=long_text), Article(id="short", text="Gale in Hull; three dead" + BODY)])
        killer.join()
        assert pool.replaced == 1
    assert (died.article.id, died.extraction) == ("long", None)
    assert died.error.startswith("the extraction process died")
    assert (ok.article.id, ok.error, [(c.place, c.killed_min) for c in ok.extraction.casualties]) == ("short", None, [("Hull", 3)])


def test_robust_pool_replaces_an_idle_worker_that_died_between_runs():
    """A ready worker that dies while idle (killed, out of memory) costs nothing: the next run replaces it
    and extracts, rather than failing as if the model did not load."""
    from components.models import Article
    from components.worker import ExtractionPool

    with ExtractionPool(workers=1, timeout=120.0) as pool:
        (first,) = pool.run([Article(id="a", text="Gale in Hull; three dead" + BODY)])
        pool._workers[0].proc.kill()
        pool._workers[0].proc.join(5)
        (second,) = pool.run([Article(id="b", text="Gale in Hull; three dead" + BODY)])
        assert pool.replaced == 1
    assert [(c.place, c.killed_min) for c in second.extraction.casualties] == [("Hull", 3)]
    assert first.error is second.error is None


def test_robust_pool_runs_one_at_a_time():
    """A run started while an earlier one on the same pool is still feeding (its generator neither exhausted
    nor closed: another caller, or a traceback keeping it) waits for it: both get every outcome, in order,
    and neither waits for ever; a run stopped by close() says so."""
    from components.models import Article
    from components.worker import ExtractionPool

    arts = [Article(id=f"a{i}", text=f"Gale in Hull; {i} dead" + BODY) for i in range(40)]
    with ExtractionPool(workers=1, timeout=120.0) as pool:
        left = pool.run(arts)
        assert next(left).article.id == "a0"
        again = [o.article.id for o in pool.run(arts[:3])]
        rest = [o.article.id for o in left]
        stopped = pool.run(arts)
        assert next(stopped).article.id == "a0"
        pool.close()
        with pytest.raises(RuntimeError, match="stopped before every article came back"):
            list(stopped)
    assert again == ["a0", "a1", "a2"]
    assert rest == [f"a{i}" for i in range(1, 40)]


def test_robust_worker_warm_up_loads_what_the_first_article_would(nlp):
    """A worker loads the gazetteer, the topic tagger and the language model before it is ready, so the
    first article's budget is not spent loading them; the warm-up text reaches every stage."""
    from components import worker
    from components.extract.topics import _cached_tagger
    from components.gazetteer import get_gazetteer
    from components.models import Article

    get_gazetteer.cache_clear()
    _cached_tagger.cache_clear()
    worker._LANGID = None
    worker.warm_up(nlp)
    assert (get_gazetteer.cache_info().currsize, _cached_tagger.cache_info().currsize) == (1, 1)
    assert worker._LANGID is not None
    ex = worker.process_article(Article(id="w", text=worker.WARM_UP_TEXT), nlp).extraction
    assert [q.text for q in ex.quotes] == ["We have never seen anything like it"]
    assert [(c.place, c.killed_min) for c in ex.casualties] == [("Ashford", 2)]


def test_robust_ingest_in_a_pool_of_the_caller(tmp_path):
    """An ingest given a started pool extracts in it, with its budget, not in the shared pool of
    ``workers``/``article_timeout``; the pool's workers stay up for the caller's next run."""
    from components.pipeline import ingest_paths
    from components.store import Store
    from components import worker

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "storm.txt").write_text("Storm in Leeds\n\nFloods killed two people in Leeds on Monday. "
                                                 "The mayor said the river had never risen so fast.", encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    with worker.ExtractionPool(workers=1, timeout=120.0) as pool:
        first = ingest_paths([tmp_path / "in"], store, collection="c", pool=pool, article_timeout=0.001)
        replaced_after_first = pool.replaced
        pool.timeout = 0.001
        second = ingest_paths([tmp_path / "in"], Store(tmp_path / "t.duckdb"), collection="c", pool=pool)
        assert (replaced_after_first, pool.replaced) == (0, 1)
    assert (len(first.added), first.warnings, first.counts["casualties"]) == (1, [], 1)
    assert store.execute("SELECT place, killed_min FROM casualties").fetchall() == [("Leeds", 2)]
    assert (second.added, second.counts["casualties"]) == (first.added, 0)
    assert second.warnings == [(str(tmp_path / "in" / "storm.txt"),
                                "extraction took longer than 0.001 s and was stopped; kept without extraction results")]
    assert worker._POOL is None or worker._POOL.timeout != 0.001


# ---------------------------------------------------------------- bounded inputs

@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"text": "a", "n": ' + "7" * 5000 + "}", "a number with more than 40 digits"),
        ('{"text": "a", "n": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON nested deeper than 32 levels"),
        ('{"text": "[[[[ 12345678901234567890123456789012345678901234567890 ]]]]"}', None),
        ('{"text": "a", "n": 1e999999}', None),
        ('{"text": ', "not valid JSON (Expecting value at column 10)"),
    ],
)
def test_robust_json_line_bounds(line, reason):
    from components.errors import ArticleReadError
    from components.ingest import load_json_line

    if reason is None:  # brackets and digits inside strings do not count; a float overflow is inf, not a crash
        assert isinstance(load_json_line(line, "f.jsonl:1"), dict)
        return
    with pytest.raises(ArticleReadError) as info:
        load_json_line(line, "f.jsonl:1")
    assert (info.value.where, info.value.reason) == ("f.jsonl:1", reason)


@pytest.mark.parametrize(
    "sidecar, reason",
    [
        ('a: &a ["x","x"]\nb: &b [*a,*a]\ntitle: *b\n',
         "invalid YAML sidecar (aliases (*name) are not allowed in a sidecar, line 2 column 8)"),
        ("title: {a: 1}\n", "sidecar field 'title': input should be a valid string"),
        ("title: [1, 2]\noutlet: {x: y}\n", "sidecar field 'title': input should be a valid string; "
                                            "sidecar field 'outlet': input should be a valid string"),
    ],
)
def test_robust_sidecar_refused_with_a_reason_per_field(tmp_path, sidecar, reason):
    from components.errors import ArticleReadError
    from components.ingest import parse_sidecar

    with pytest.raises(ArticleReadError) as info:
        parse_sidecar(sidecar.encode(), "a.meta.yaml")
    assert (info.value.where, info.value.reason) == ("a.meta.yaml", reason)


def test_robust_random_bytes_are_never_articles():
    import random

    from components.errors import ArticleReadError
    from components.ingest import read_bytes

    rng = random.Random(7)
    stored = []
    for i in range(150):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        try:
            stored += read_bytes(data, f"r{i}.txt")
        except ArticleReadError as exc:
            assert any(w in exc.reason for w in ("binary", "empty", "byte-order mark")), exc.reason
    assert stored == []


def test_robust_blank_jsonl_and_symlink_loop_are_reported(tmp_path):
    from components.pipeline import IngestReport, read_files

    (tmp_path / "nbsp.jsonl").write_text("\u00a0\u00a0\n\u00a0\n", encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    report = IngestReport()
    assert read_files([str(tmp_path), str(tmp_path / "loop.txt")], report) == []
    assert report.failed == [
        (str(tmp_path / "loop.txt"), "symbolic link loop (the link points back to itself)"),
        (str(tmp_path / "nbsp.jsonl"), "no JSON line in this file (only blank lines or spaces)"),
    ]


# ---------------------------------------------------------------- the command line on hostile folders

def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "components", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _records(db: Path) -> dict[str, tuple]:
    """Per stored article (by file name): its records, as comparable tuples."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for aid, path in con.execute("SELECT id, source_path FROM articles").fetchall():
        q = con.execute('SELECT text, "start", "end", speaker FROM quotes WHERE article_id = ? ORDER BY "start"',
                        [aid]).fetchall()
        p = con.execute('SELECT name, "start", "end" FROM places WHERE article_id = ? ORDER BY idx', [aid]).fetchall()
        c = con.execute('SELECT killed_min, injured_min, "start", "end" FROM casualties WHERE article_id = ? '
                        "ORDER BY idx", [aid]).fetchall()
        out[Path(path).name] = (q, p, c)
    con.close()
    return out


def _alone(ex) -> tuple:
    return ([(q.text, q.start, q.end, q.speaker) for q in ex.quotes], [(p.name, p.start, p.end) for p in ex.places],
            [(c.killed_min, c.injured_min, c.start, c.end) for c in ex.casualties])


def test_robust_cli_hostile_folder_keeps_the_good_articles(tmp_path, extract_text):
    """Four good articles and the hostile files of the report: exit 1, each bad file named once, no traceback."""
    import random

    from tests.hostile import BOMB, GOOD

    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(GOOD):
        (folder / f"good{i}.txt").write_text(text, encoding="utf-8")
    rng = random.Random(1)
    (folder / "noise.txt").write_bytes(bytes(rng.randrange(256) for _ in range(2000)))
    (folder / "digits.jsonl").write_text('{"text": "Talks", "id": ' + "9" * 5000 + "}\n", encoding="utf-8")
    (folder / "deep.jsonl").write_text('{"text": "T", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    (folder / "date.txt").write_text("Market reopens\n\nTraders returned to the market in Kano.", encoding="utf-8")
    (folder / "date.meta.yaml").write_text("published: 2024-02-31\n", encoding="utf-8")
    (folder / "toll.txt").write_text("Quake\n\nThe quake killed 99999999999999999999999 people in Lima, officials "
                                     "said.", encoding="utf-8")
    (folder / "bomb.txt").write_text("Bomb\n\nA text.", encoding="utf-8")
    (folder / "bomb.meta.yaml").write_text(BOMB, encoding="utf-8")
    (folder / "loop.txt").symlink_to("loop.txt")
    db = tmp_path / "s.duckdb"
    run = _cli("ingest", str(folder), str(folder / "loop.txt"), "--db", str(db), "--workers", "1")
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("added 6 article(s)") and "failed 5; warnings 2" in lines[0]
    assert sorted(ln.split(": ", 1)[0].strip() for ln in lines[1:-1]) == sorted([
        f"FAILED {folder}/noise.txt", f"FAILED {folder}/digits.jsonl:1", f"FAILED {folder}/deep.jsonl:1",
        f"FAILED {folder}/bomb.meta.yaml", f"FAILED {folder}/loop.txt", f"warning {folder}/date.txt",
        f"warning {folder}/toll.txt"])
    stored = _records(db)
    for i, text in enumerate(GOOD):
        assert stored[f"good{i}.txt"] == _alone(extract_text(text)), i


def test_robust_hostile_corpus_of_a_thousand_inputs(tmp_path, extract_text):
    from tests.hostile import write_corpus

    folder = tmp_path / "corpus"
    made = write_corpus(folder, n_bad=1000, n_odd=20)
    db = tmp_path / "s.duckdb"
    run = _cli("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr
    named = {}
    for ln in run.stdout.splitlines()[1:-1]:
        what, why = ln.strip().split(": ", 1)
        named.setdefault(Path(what.split(" ", 1)[1].rsplit(":", 1)[0] if what.endswith(tuple("0123456789"))
                              else what.split(" ", 1)[1]).name, []).append(why)
    stored = _records(db)
    sidecar = lambda name: name.rsplit(".", 1)[0] + ".meta.yaml"  # noqa: E731
    unnamed = [b for b in made["bad"] if b not in named and sidecar(b) not in named]
    assert unnamed == [] and not any(b in stored for b in made["bad"])
    assert [o for o in made["odd"] if o not in stored and o not in named] == []
    assert sum("not English" in w for ws in named.values() for w in ws) == 4
    for name, text in made["good"].items():
        assert stored[name] == _alone(extract_text(text)), name


# ---------------------------------------------------------------- crash safety

CITIES = ["Leeds", "Porto", "Lyon", "Bergen", "Kano", "Perth", "Split", "Hull", "Nice", "Cusco", "Sindh", "Oslo"]


def test_robust_sigkill_during_ingest_leaves_the_store_whole(tmp_path, extract_text):
    """Kill a real ``ingest`` at several moments: the store opens, every article stored before the run
    is intact with all its records (as when extracted alone), no article is stored without its
    records, and the next run completes the rest. Writers fill a copy (``PATH.tmp``) that is swapped
    in only at the end (:mod:`components.store.swap`), so a killed run leaves the store as it was."""
    import signal
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    texts = {}
    for i, city in enumerate(CITIES):
        text = (f"Storm damage in {city}\n\nA storm killed {i + 2} people and injured {i + 5} in {city} on Monday, "
                f"officials said. \"We are clearing the roads,\" said {city} mayor Ann Lee.")
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
        texts[f"a{i:02d}.txt"] = text
    expected = {name: _alone(extract_text(text)) for name, text in texts.items()}
    db = tmp_path / "s.duckdb"
    first = sorted(texts)[:4]
    run = _cli("ingest", *[str(folder / n) for n in first], "--db", str(db), "--workers", "1")
    assert run.returncode == 0, run.stdout + run.stderr
    assert _records(db) == {n: expected[n] for n in first}
    cmd = [sys.executable, "-m", "components", "ingest", str(folder), "--db", str(db), "--workers", "1",
           "--batch-size", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    wal = Path(str(db) + ".tmp.wal")  # the copy's write-ahead log: each commit of a batch writes it
    # kill points: right after the k-th write to the copy's log, so the kills land between and during
    # batches whatever the machine's speed
    for writes in (2, 4, 6):
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sizes, deadline = [], time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            size = wal.stat().st_size if wal.exists() else -1
            if size > 0 and (not sizes or size != sizes[-1]):
                sizes.append(size)
                if len(sizes) >= writes:
                    break
            time.sleep(0.01)
        killed = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert killed, "the ingest ended before the kill point"
        stored = _records(db)  # the store opens after a kill
        assert stored == {n: expected[n] for n in first}  # earlier articles intact, nothing half-written
    final = _cli("ingest", str(folder), "--db", str(db), "--workers", "1", "--batch-size", "2")
    assert final.returncode == 0, final.stdout + final.stderr
    assert _records(db) == expected


def test_article_budget_grows_with_the_text():
    """Test that the time budget is the timeout per 50,000 characters, never less than the timeout."""
    from components.models import Article
    from components.worker import article_budget

    assert article_budget(30.0, Article(id="a", text="Four word headline here")) == 30.0
    assert article_budget(30.0, Article(id="b", text="x" * 50_000)) == 30.0
    assert article_budget(30.0, Article(id="c", text="x" * 187_500)) == 112.5


def test_robust_a_bad_sidecar_names_the_article_it_keeps_out(tmp_path):
    """Invented: 'report.txt' with an invalid 'report.meta.yaml': the error says the article was not read."""
    from components.errors import ArticleReadError
    from components.ingest import read_path

    (tmp_path / "report.txt").write_text("Flood in Kisumu\n\nThe lake rose overnight.\n", encoding="utf-8")
    (tmp_path / "report.meta.yaml").write_text("- not\n- a mapping\n", encoding="utf-8")
    with pytest.raises(ArticleReadError) as info:
        read_path(tmp_path / "report.txt")
    assert info.value.reason == ("the sidecar must be a mapping of title/outlet/published/url; so report.txt was not read "
                                 "(fix or remove the sidecar)")
