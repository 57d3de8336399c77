"""A page-timing server for ``bench_dashboard.py --against``: one checkout's dashboard queries on one store.

Run as ``python bench/serve_pages.py CHECKOUT STORE``: it imports ``components`` and ``bench/bench_dashboard.py``
from the folder ``CHECKOUT`` (this checkout or an older one, e.g. a ``git archive`` of main), opens ``STORE``
read-only as the dashboard does (:class:`components.store.swap.SnapshotReader`), prints ``ready``, then reads
lines ``<filter state>\\t<page>`` (names of that checkout's ``FILTER_STATES`` and ``page_workloads``) and answers
each with the page's wall time in ms of one uncached run (``-1`` for a page that checkout does not have). So
two versions of the code and of the store layout are timed alternately under the same machine load, each in
its own process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    checkout, store_path = Path(argv[0]).resolve(), argv[1]
    sys.path[:0] = [str(checkout), str(checkout / "bench")]
    import bench_dashboard as B  # the checkout's (puts the checkout's root first on sys.path)
    from components.store.swap import SnapshotReader

    store = SnapshotReader(store_path)
    work: dict[str, dict] = {}
    print("ready", flush=True)
    for line in sys.stdin:
        state, page = line.rstrip("\n").split("\t")
        if state not in work:
            work[state] = B.page_workloads(store, B.FILTER_STATES[state])
        fn = work[state].get(page)
        if fn is None:
            print(-1, flush=True)
            continue
        t0 = time.perf_counter()
        fn()
        print(f"{(time.perf_counter() - t0) * 1000:.3f}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
