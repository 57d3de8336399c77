"""One article, one unit of work: extraction isolated per article and bounded in time.

:func:`process_article` is the per-article entry point (an :class:`~components.models.Article` in,
an :class:`ArticleOutcome` out, no store access): it checks the language, parses and extracts, and
drops records that cannot be true (a casualty count above the world population). It never raises:
an exception becomes the outcome's ``error``, so one article never costs the others. Any engine
(this module's pool, a Dask or thread pool) can call it; the caller writes the records.

:class:`ExtractionPool` runs :func:`process_article` in worker processes, each loading the spaCy
pipeline once (``spawn``: a fresh interpreter, no state inherited from the caller). The wall-clock
budget per article (:data:`DEFAULT_ARTICLE_TIMEOUT`, 30 s per :data:`BUDGET_CHARS` characters; at least 30 s;
:func:`article_budget`) is enforced from outside the extraction:
a worker still busy when the budget runs out is killed and replaced, and the article comes back
without extraction results and with a warning. A worker that dies (a crash in native code, out of
memory) fails only its article. ``workers=N`` runs N articles at once (one model load each); each
worker is sent its next article while it extracts one (:data:`PREFETCH`), so it never waits for the
pool between articles (the next article's budget starts when the one before comes back). The caller
stays the one writer.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing as mp
import os
import queue
import sys
import threading
import time
import traceback
import types
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Iterable, Iterator, Optional, Sequence

from .models import WORLD_POPULATION, Article, Extraction

# Wall-clock seconds one article may take (parse + extraction) before its worker is replaced, per
# BUDGET_CHARS characters of text (at least once: a short text that hangs gets this much).
DEFAULT_ARTICLE_TIMEOUT = 30.0
# The budget grows with the text: a 187,000-character article gets 3.74 budgets (112 s by default).
BUDGET_CHARS = 50_000
# Seconds a new worker may take to start and load the model before the pool gives up.
WORKER_START_TIMEOUT = 300.0
# Language identification needs some text: shorter articles are taken as English.
LANGUAGE_MIN_CHARS = 100
# A text is non-English when the probability of English is at most 1 - this.
LANGUAGE_MIN_PROB = 0.95


@dataclass
class ArticleOutcome:
    """What processing one article gave.

    Attributes:
        article (Article): the article processed.
        extraction (Extraction | None): its records (an empty extraction when nothing could be
            extracted but the article is kept: not English, out of time); None when it failed.
        warnings (list[str]): what was left out and why, one line each.
        error (str | None): why it failed (``extraction`` is then None).
        detail (str | None): the traceback of an unexpected exception (shown with ``--debug``).
    """

    article: Article
    extraction: Optional[Extraction]
    warnings: list[str] = field(default_factory=list)
    error: Optional[str] = None
    detail: Optional[str] = None


_LANGID = None


def detect_language(text: str) -> Optional[str]:
    """ISO 639-1 code of ``text``'s language (py3langid, packaged model), or None when unsure.

    None for texts with fewer than :data:`LANGUAGE_MIN_CHARS` letters, and when English keeps a
    normalised probability above ``1 -`` :data:`LANGUAGE_MIN_PROB` (so a text is called non-English
    only when English is all but excluded; the code given is then the most likely language).
    """
    global _LANGID
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < LANGUAGE_MIN_CHARS:
        return None
    if _LANGID is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _LANGID = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ranked = _LANGID.rank(sample)
    english = next((p for lang, p in ranked if lang == "en"), 0.0)
    return ranked[0][0] if english <= 1 - LANGUAGE_MIN_PROB else None


def implausible_casualties(ex: Extraction) -> tuple[Extraction, list[str]]:
    """``ex`` without casualty records whose counts exceed :data:`WORLD_POPULATION`, and a warning each.

    A count larger than the number of people alive is a misreading (a year, a sum of money, a
    number out of its unit), never a toll; dropping it also keeps every stored count in range.
    """
    kept, warnings = [], []
    for c in ex.casualties:
        big = [(k, v) for k, v in c.model_dump().items() if k.endswith(("_min", "_max")) and v and v > WORLD_POPULATION]
        if big:
            k, v = big[0]
            warnings.append(f"casualty at characters {c.start}-{c.end}: {k} {v:,} is more than the world population; "
                            "record dropped")
        else:
            kept.append(c)
    if not warnings:
        return ex, []
    return ex.model_copy(update={"casualties": kept}), warnings


def process_article(article: Article, nlp=None) -> ArticleOutcome:
    """The per-article unit of work: language check, parse, extraction, record checks. Never raises.

    Args:
        article (Article): a cleaned article (see :mod:`components.ingest`).
        nlp (Language | None): the spaCy pipeline; default :func:`components.nlp.load_nlp` (loaded
            once per process).

    Returns:
        ArticleOutcome: the extraction and warnings; a non-English article (detected with
        :func:`detect_language`) gets an empty extraction and a warning, a headline alone a warning
        (:func:`headline_only`); an exception gives
        ``error`` (``"extraction failed: TypeName: message"``) and ``detail`` (its traceback).
    """
    try:
        lang = detect_language(article.text)
        if lang not in (None, "en"):
            return ArticleOutcome(article, Extraction(article=article), [
                f"the text is not English (language detected: {lang}); kept without extraction results"])
        from .extract import extract_article

        ex, warnings = implausible_casualties(extract_article(article, nlp))
        return ArticleOutcome(article, ex, warnings + headline_only(article))
    except Exception as exc:  # the boundary of one article: whatever it raises costs only this article
        return ArticleOutcome(article, None, error=f"extraction failed: {type(exc).__name__}: {exc}",
                              detail=traceback.format_exc())


# at most this many words on one line make an article that is only a headline (a title, no body text)
HEADLINE_ONLY_WORDS = 20


def headline_only(article: Article) -> list[str]:
    """A warning when ``article``'s text is one short line (at most :data:`HEADLINE_ONLY_WORDS` words): a
    headline without its body, kept as given but with little to extract; [] otherwise."""
    reason = headline_only_reason(article.text)
    return [reason] if reason else []


def headline_only_reason(text: Optional[str]) -> Optional[str]:
    """Why a text gives little to extract when it is one short line (at most :data:`HEADLINE_ONLY_WORDS` words,
    a headline without its body), else None; the CLI's warning and the article reader's note."""
    text = (text or "").strip()
    if not text or "\n" in text or len(text.split()) > HEADLINE_ONLY_WORDS:
        return None
    return "the text is one short line (a headline without body text?): there is little to extract"


def article_budget(timeout: float, article: Article) -> float:
    """Wall-clock seconds ``article`` may take: ``timeout`` per :data:`BUDGET_CHARS` characters of its
    text, at least ``timeout`` (extraction time grows with length; a hang does not need a long text)."""
    return timeout * max(1.0, len(article.text or "") / BUDGET_CHARS)


def timed_out(article: Article, seconds: float) -> ArticleOutcome:
    """The outcome of an article whose extraction ran out of time: kept without extraction results."""
    return ArticleOutcome(article, Extraction(article=article), [
        f"extraction took longer than {seconds:.3g} s and was stopped; kept without extraction results"])


# An invented article for :func:`warm_up`: a quotation, a place and a toll, so every stage loads its data.
WARM_UP_TEXT = ("Storm in Ashford\n\nTwo people were killed when the storm hit Ashford, Kent, on Monday. "
                '"We have never seen anything like it," the mayor said.')


def warm_up(nlp) -> None:
    """Load everything the extraction loads on first use (the language model, the gazetteer, the topic
    tagger, the stages' lexicons; about 2 CPU s) by processing :data:`WARM_UP_TEXT`, result dropped.

    A worker does this before it says it is ready, so its first article's time budget measures that
    article, not the loading (which a worker replaced after a timeout would otherwise pay again
    inside the budget of its own first article)."""
    detect_language("warm up " * 40)
    process_article(Article(id="warm-up", text=WARM_UP_TEXT), nlp)


def _worker_main(conn: Connection) -> None:
    """Worker process: load the model once, then answer ``(index, Article)`` with ``(index, ArticleOutcome)``."""
    from .nlp import load_nlp

    nlp = load_nlp()
    warm_up(nlp)  # before the first article's clock starts
    conn.send("ready")
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    # the pool sends the next article while this one is extracted (:data:`PREFETCH`): a reading thread takes
    # every message off the pipe at once, so the pool's send never waits on an extraction, whatever the size
    threading.Thread(target=_read_messages, args=(conn, inbox), name="newsx-inbox", daemon=True).start()
    while True:
        msg = inbox.get()
        if msg is None:
            return
        index, article = msg
        conn.send((index, process_article(article, nlp)))


def _read_messages(conn: Connection, inbox: queue.SimpleQueue) -> None:
    """Worker's reading thread: put each message of ``conn`` on ``inbox``, then None when the pool is gone."""
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            msg = None
        inbox.put(msg)
        if msg is None:
            return


_START_LOCK = threading.Lock()


@contextlib.contextmanager
def without_main() -> Iterator[None]:
    """While the block runs, ``spawn`` starts processes without re-running the caller's main script.

    ``spawn`` imports the parent's ``__main__`` in the child; under Streamlit (or after an AppTest
    in the same process) that is the dashboard script, which would build the store again in every
    child. The children's code lives in importable modules (this one, :mod:`components.scale`), so
    they need no main: an empty one stands in while the block runs. Used for this module's workers
    and for a Dask ``LocalCluster``'s worker processes.
    """
    with _START_LOCK:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def _start_without_main(proc) -> None:
    """Start a ``spawn`` process without re-running the caller's main script in it (:func:`without_main`)."""
    with without_main():
        proc.start()


class _Worker:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True, name="newsx-extract")
        _start_without_main(self.proc)
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.task: Optional[tuple[int, Article, float]] = None  # (index, article, deadline): being extracted
        self.queued: deque[tuple[int, Article]] = deque()  # sent, to be extracted after ``task``

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class ExtractionPool:
    """Worker processes running :func:`process_article` with a wall-clock budget per article.

    Args:
        workers (int): processes (each loads the spaCy model once, about 2 s and 200 MB).
        timeout (float): seconds per article of up to :data:`BUDGET_CHARS` characters, more for a longer
            one (:func:`article_budget`); a worker past it is killed and replaced.

    Use :meth:`run`; :meth:`close` (or ``with``) stops the workers. Workers start on first use.

    Raises:
        RuntimeError: (from :meth:`run`) a worker could not start within
            :data:`WORKER_START_TIMEOUT` seconds (the model does not load).
    """

    def __init__(self, workers: int = 1, timeout: float = DEFAULT_ARTICLE_TIMEOUT):
        self.size = max(1, int(workers))
        self.timeout = float(timeout)
        self._ctx = mp.get_context("spawn")
        self._workers: list[_Worker] = []
        self.replaced = 0
        # the feeding thread and stop flag of the run in progress: one run at a time drives the workers
        self._run: Optional[tuple[threading.Thread, threading.Event]] = None
        self._run_lock = threading.Lock()

    def __enter__(self) -> "ExtractionPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker (killed: a worker holds nothing to save, and its interpreter's teardown
        would only delay the caller's exit)."""
        self._stop_run()
        for w in self._workers:
            w.kill()
        self._workers = []

    @property
    def pids(self) -> list[int]:
        """Process ids of the workers started so far (for monitoring their CPU and memory)."""
        return [w.proc.pid for w in self._workers]

    def _replace(self, w: _Worker) -> None:
        w.kill()
        self._workers[self._workers.index(w)] = _Worker(self._ctx)
        self.replaced += 1

    def run(self, articles: Iterable[Article]) -> Iterator[ArticleOutcome]:
        """Process ``articles``; yields one :class:`ArticleOutcome` per article, in input order.

        A background thread feeds the workers (:meth:`_feed`), so they go on with the next articles while
        the caller handles the outcomes already yielded (an ingest writes a batch to the store meanwhile).
        An error of the feeding thread (a worker that cannot start) is raised here. Leaving the loop early
        stops the feeding; a worker still busy is replaced at the next run. One run drives the workers at a
        time: a run started while an earlier one is still feeding (another caller's, or one left unfinished
        with its generator not closed, e.g. kept alive by a traceback) waits until the earlier one has every
        outcome (its feeding never waits for its caller, so the wait is bounded by its articles' budgets),
        so two feeding threads never share a worker and neither loses an article.

        Raises:
            RuntimeError: a worker could not start, or the feeding thread ended without its last item.
        """
        out: queue.Queue = queue.Queue()
        stop = threading.Event()
        todo = deque(enumerate(articles))
        with self._run_lock:
            if self._run is not None:
                self._run[0].join()  # the earlier run's feeding ends by itself (see above)
            feeder = threading.Thread(target=self._feed, args=(todo, out, stop),
                                      name="extraction-pool-feed", daemon=True)
            self._run = (feeder, stop)
            feeder.start()
        try:
            while True:
                try:
                    item = out.get(timeout=FEED_POLL)
                except queue.Empty:
                    if feeder.is_alive():
                        continue
                    if out.empty():  # stopped by close(), or ended without saying why
                        raise RuntimeError("the extraction run was stopped before every article came back")
                    continue
                if item is _END:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            feeder.join()

    def _stop_run(self) -> None:
        """Stop the feeding thread of a run still going and wait for it (:meth:`close`)."""
        if self._run is not None:
            feeder, stop = self._run
            stop.set()
            if feeder is not threading.current_thread():
                feeder.join()
            self._run = None

    def _feed(self, todo: deque, out: queue.Queue, stop: threading.Event) -> None:
        """Send the articles of ``todo`` to the workers, enforce the budget, and put the outcomes on ``out``
        in input order, then :data:`_END` (or the exception that stopped it)."""
        try:
            if self._dispatch(todo, out, stop):
                out.put(_END)
        except BaseException as exc:  # handed to the caller's thread by run()
            out.put(exc)

    def _dispatch(self, todo: deque, out: queue.Queue, stop: threading.Event) -> bool:
        """Run the articles of ``todo``; True when every outcome was put on ``out``, False when stopped."""
        n = len(todo)
        for w in [w for w in self._workers if w.task is not None]:
            self._replace(w)  # busy with an article of an earlier run that was abandoned
        while len(self._workers) < min(self.size, n):
            self._workers.append(_Worker(self._ctx))
        done: dict[int, ArticleOutcome] = {}
        next_out = 0
        while next_out < n and not stop.is_set():
            for w in list(self._workers):
                self._send_work(w, todo)
            now = time.monotonic()
            limits = [w.task[2] if w.task else w.started + WORKER_START_TIMEOUT
                      for w in self._workers if w.task or not w.ready]
            slice_ = max(0.0, min(limits) - now) if limits else FEED_POLL
            for c in wait([w.conn for w in self._workers], min(slice_, FEED_POLL)):
                w = next(x for x in self._workers if x.conn is c)
                try:
                    msg = c.recv()
                except (EOFError, OSError):
                    self._died(w, done, todo)
                    continue
                if msg == "ready":
                    w.ready = True
                else:
                    done[msg[0]] = msg[1]
                    w.task = None
                    if w.queued:  # the article sent ahead starts now: its budget with it
                        i, a = w.queued.popleft()
                        w.task = (i, a, time.monotonic() + article_budget(self.timeout, a))
            now = time.monotonic()
            for w in list(self._workers):
                if w.proc.exitcode is not None and not w.conn.poll():
                    self._died(w, done, todo)  # gone without its pipe saying so (a copy of its end kept open elsewhere)
                elif w.task and now >= w.task[2]:
                    i, a, _ = w.task
                    done[i] = timed_out(a, article_budget(self.timeout, a))
                    self._requeue(w, todo)
                    self._replace(w)
                elif not w.ready and now >= w.started + WORKER_START_TIMEOUT:
                    raise RuntimeError(f"an extraction worker did not start within {WORKER_START_TIMEOUT:g} s")
            while next_out in done:
                out.put(done.pop(next_out))
                next_out += 1
        return next_out >= n

    def _send_work(self, w: _Worker, todo: deque) -> None:
        """Send worker ``w`` articles of ``todo`` until it holds :data:`PREFETCH` of them: the one it extracts
        (``w.task``, whose budget starts now) and the ones it takes up next (``w.queued``, whose budgets start
        when the one before comes back), so it never waits for this thread between two articles."""
        while w.ready and todo and (w.task is not None) + len(w.queued) < PREFETCH:
            i, a = todo.popleft()
            try:
                w.conn.send((i, a))
            except OSError:  # the worker died: a new one takes its articles
                todo.appendleft((i, a))
                if w.task is None:  # idle: replaced here; busy: the death check fails its article (_died)
                    self._requeue(w, todo)
                    self._replace(w)
                return
            if w.task is None:
                w.task = (i, a, time.monotonic() + article_budget(self.timeout, a))
            else:
                w.queued.append((i, a))

    @staticmethod
    def _requeue(w: _Worker, todo: deque) -> None:
        """Put the articles sent ahead to worker ``w`` (not begun) back at the front of ``todo``, in order."""
        while w.queued:
            todo.appendleft(w.queued.pop())

    def _died(self, w: _Worker, done: dict[int, ArticleOutcome], todo: deque) -> None:
        """A worker's process ended: its article fails (in ``done``), the ones sent ahead to it go back to
        ``todo``, and it is replaced.

        Raises:
            RuntimeError: the worker ended before it was ready (the model does not load).
        """
        if w.task is None and not w.ready:
            raise RuntimeError(f"an extraction worker exited while starting (exit code {w.proc.exitcode})")
        if w.task is not None:
            i, a, _ = w.task
            done[i] = ArticleOutcome(a, None, error=f"the extraction process died (exit code "
                                                      f"{w.proc.exitcode}); the article was not extracted")
        self._requeue(w, todo)
        self._replace(w)


# How often (seconds) the feeding thread looks at its stop flag while it waits for the workers.
FEED_POLL = 0.5
# Articles a worker holds at once: the one it extracts and the next, sent ahead so that it goes on at once.
PREFETCH = 2
_END = object()  # the feeding thread's last item


_POOL: Optional[ExtractionPool] = None


# Articles per extra worker when the number of workers is automatic: a worker's model load costs about
# as much as extracting ten short articles, so a small run uses fewer workers than cores.
ARTICLES_PER_WORKER = 10


def default_workers(n_articles: int | None = None) -> int:
    """The automatic number of worker processes: the machine's cores, and for ``n_articles`` articles
    no more than one per :data:`ARTICLES_PER_WORKER` (at least one)."""
    cores = os.cpu_count() or 1
    return cores if n_articles is None else max(1, min(cores, n_articles // ARTICLES_PER_WORKER))


def shared_pool(workers: int = 1, timeout: float = DEFAULT_ARTICLE_TIMEOUT) -> ExtractionPool:
    """A pool kept for the life of the process (its workers keep their model between calls); rebuilt
    when ``workers``, ``timeout`` or a variable of :data:`EXTRACTION_ENV` change. Closed at exit."""
    global _POOL, _POOL_ENV
    env = _extraction_env()
    if _POOL is None or _POOL.size != max(1, workers) or _POOL.timeout != timeout or _POOL_ENV != env:
        if _POOL is not None:
            _POOL.close()
        _POOL, _POOL_ENV = ExtractionPool(workers, timeout), env
    return _POOL


# Settings the extraction reads from the environment; a worker keeps the environment it was started
# with, so the shared pool is replaced when one of them changes (``--topics`` sets the taxonomy's).
EXTRACTION_ENV = ("NEWS_ATLAS_TOPICS",)
_POOL_ENV: dict[str, Optional[str]] | None = None


def _extraction_env() -> dict[str, Optional[str]]:
    return {k: os.environ.get(k) for k in EXTRACTION_ENV}


@atexit.register
def _close_shared_pool() -> None:
    if _POOL is not None:
        _POOL.close()


def process_articles(
    articles: Sequence[Article], workers: int = 1, timeout: Optional[float] = DEFAULT_ARTICLE_TIMEOUT,
    pool: Optional[ExtractionPool] = None,
) -> Iterator[ArticleOutcome]:
    """Process ``articles`` in input order: in ``workers`` processes (0: :func:`default_workers` for
    this many articles) with a budget of ``timeout`` seconds each (:func:`shared_pool`), or in this
    process without a budget when ``timeout`` is None or 0. A ``pool`` given (a caller that keeps
    its own started workers, e.g. a benchmark timing warm workers) is used as it is, with its own
    number of workers and budget; ``workers`` and ``timeout`` are then ignored."""
    if pool is not None:
        yield from pool.run(articles)
        return
    if not timeout:
        for a in articles:
            yield process_article(a)
        return
    yield from shared_pool(workers or default_workers(len(articles)), timeout).run(articles)
