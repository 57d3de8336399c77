"""The attribution decider's thresholds, tuned on a 2-fold split of PolNeAR's training split (never dev).

Usage: python bench/tune_attribution.py [--train DIR] [--docbin PATH] [--folds-dir DIR]

Method: the candidates of every training article are labelled and described as ``train attribution``
does (:func:`components.extract.attribution_model.labelled_candidates`, tagger candidates from taggers
that never saw the article, stacking). The articles are split in two halves (index parity); the
logistic regression is fitted on one half and scores the other (cross-fitting), so every candidate
gets a probability from a model that never saw its article. For each grid point of
(``attribution_threshold``, ``override_threshold``, ``tagger_threshold``) a candidate is kept as
:func:`~components.extract.attribution_model.decide_attributions` keeps it (rule-accepted / other /
tagger-only threshold), and the all-attribution F1 is estimated as in the reference scorer:
``2 (quote hits + kept positives) / (quotation records + kept candidates + gold attributions)``
(the one-to-one labels stand for the scorer's matching; overlapping kept candidates are not
suppressed here, so the estimate is a little pessimistic). Prints the best grid points, a table
around the shipped defaults, and the best point per threshold.

``--rows PATH``: the labelled candidates, read when the file exists, else written (a rerun of the grid
only). ``--docbin``: the training split already parsed (a spaCy DocBin in the folder's article order, e.g.
written by an earlier run with ``--save-docbin``) skips parsing; ``--folds-dir``: reuse the fold
taggers ``fold0.crfsuite``, ``fold1.crfsuite`` written there by an earlier run (else trained, about 4
minutes each on 2 cores).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from components.extract import attribution_model as M  # noqa: E402
from components.extract import attribution_tagger as T  # noqa: E402
from components.extract.cuelex import _first_annotations  # noqa: E402
from components.extract.frames import DEFAULT_CUE_SETTINGS  # noqa: E402
from components.nlp import load_nlp  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train"
GRID = {
    "attribution_threshold": (0.1, 0.15, 0.2, 0.25, 0.3, 0.4),
    "override_threshold": (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.57, 0.6, 0.65, 0.7),
    "tagger_threshold": (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7),
}


def candidate_rows(train: Path, docbin: Path | None, folds_dir: Path | None, save_docbin: Path | None):
    """(features, label, article index, kind) of every candidate, and per article its counts
    (``gold``, ``quotes``, ``quote_hits``); kind is ``rule`` (rules accept it), ``tagger`` (proposed by
    the tagger alone) or ``other``."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    pairs = _first_annotations(train)
    texts = [t.read_text(encoding="utf-8") for t, _ in pairs]
    anns = [a.read_text(encoding="utf-8") for _, a in pairs]
    golds = [M.gold_contents(a, t) for a, t in zip(anns, texts)]
    if docbin is not None:
        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts, batch_size=16))
        if save_docbin is not None:
            db = DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "SPACY", "MORPH"])
            for d in docs:
                db.add(d)
            db.to_disk(save_docbin)
    if folds_dir is not None:
        fit = T.fit_tagger

        def cached(items, out):
            kept = folds_dir / Path(out).name
            if kept.exists():
                shutil.copy(kept, out)
                return {}
            info = fit(items, out)
            shutil.copy(out, kept)
            return info

        M.fit_tagger = T.fit_tagger = cached  # (stacked_rows imports it from the tagger module at call time)
    stats = [dict() for _ in docs]

    def rows_of(i, tagger):
        out = M.labelled_candidates(docs[i], golds[i], tagger, stats[i])
        return [(f, y, i, "tagger" if "gen=rule-paraphrase-tagger" in f else ("rule" if "rule_ok=True" in f else "other"))
                for f, y in out]

    rows = M.stacked_rows(docs, anns, 2, rows_of)
    return rows, stats


def cross_fit(rows) -> list[float]:
    """Each row's probability under a logistic regression fitted on the other half of the articles."""
    probs = [0.0] * len(rows)
    for half in (0, 1):
        bias, weights = M.fit_logistic([(f, y) for f, y, i, _ in rows if i % 2 != half])
        model = M.AttributionModel(bias, weights)
        for k, (f, _, i, _) in enumerate(rows):
            if i % 2 == half:
                probs[k] = model.probability(f)
    return probs


def estimate(rows, probs, stats, th: dict) -> tuple[float, float, float]:
    """(precision, recall, F1) of all attributions with the thresholds ``th`` (see the module text)."""
    need = {"rule": th["attribution_threshold"], "other": th["override_threshold"], "tagger": th["tagger_threshold"]}
    kept = [(y, k) for (_, y, _, k), p in zip(rows, probs) if p >= need[k]]
    tp = sum(s["quote_hits"] for s in stats) + sum(y for y, _ in kept)
    pred = sum(s["quotes"] for s in stats) + len(kept)
    gold = sum(s["gold"] for s in stats)
    p, r = tp / pred, tp / gold
    return p, r, 2 * p * r / (p + r)


def main() -> int:
    """Print the tuning table; returns 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--docbin", type=Path, default=None)
    ap.add_argument("--save-docbin", type=Path, default=None)
    ap.add_argument("--folds-dir", type=Path, default=None)
    ap.add_argument("--rows", type=Path, default=None, help="pickle of the labelled candidates: read when it exists, else written")
    args = ap.parse_args()
    if args.rows is not None and args.rows.exists():
        rows, stats = pickle.loads(args.rows.read_bytes())
    else:
        rows, stats = candidate_rows(args.train, args.docbin, args.folds_dir, args.save_docbin)
        if args.rows is not None:
            args.rows.write_bytes(pickle.dumps((rows, stats)))
    probs = cross_fit(rows)
    names = list(GRID)
    results = []
    for values in itertools.product(*(GRID[n] for n in names)):
        th = dict(zip(names, values))
        results.append((estimate(rows, probs, stats, th), th))
    results.sort(key=lambda r: -r[0][2])
    print(f"{len(rows)} candidates of {len(stats)} articles (2-fold cross-fitted decider)")
    print("| attribution | override | tagger | P | R | F1 |")
    print("|---:|---:|---:|---:|---:|---:|")
    shipped = {n: getattr(DEFAULT_CUE_SETTINGS, n) for n in names}
    shown = results[:10] + [(estimate(rows, probs, stats, shipped), shipped)]
    for (p, r, f), th in shown:
        mark = " (shipped)" if th == shipped else ""
        print(f"| {th['attribution_threshold']} | {th['override_threshold']} | {th['tagger_threshold']}{mark} | {p:.3f} | {r:.3f} | {f:.4f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
