"""Counts that justify (or condemn) each entry of the project's word lists.

``python -m components train lexicon-counts ../shared/eval/polnear-train`` counts, for every entry of

- the stage word lists (``components/extract/lexicon/*.yaml``, ``components/nlp_lexicon.yaml``),
- the stance lexicon (``data/stance_lexicon.yaml``), the topic taxonomy's phrases (``data/topics.yaml``:
  ``phrases``, ``all_of`` groups, ``in_context`` lists; token ``patterns`` are not counted) and the
  gazetteer's alias names (``data/gazetteer_aliases.yaml``),

how many documents of each corpus use it: the training split (PolNeAR train), the evaluation sets
(polnear-dev, geovirus-dev, lgl-dev, isaf-dev), the seed article and the handed hard cases (one sentence
each). On the training split it also counts
the entry's occurrences in the text and, for a one-word entry, how often it is the head lemma of a gold
attribution cue (first annotator, cue head as in :func:`components.extract.cuelex.cue_head`) -- the
evidence a reporting-cue list is built on.

An entry *used* by a document: a one-word entry equals a token's lower-cased form, its lemma, or the
form without a final period ("Dr." = "dr"); an entry of several tokens or with punctuation matches
word-bounded in the lower-cased text or in the text of lemmas ("rule out" matches "ruled out"), curly
apostrophes straightened. The
case-sensitive tokenizer lists (``nlp_lexicon.yaml``) match the text as written; gazetteer aliases match
with dots dropped ("U.S." = "US"). A *candidate for removal* is an entry no training document uses and
at most one other document (a single dev article, the seed alone, or one hard case) uses: a rule for
one sentence.

Output: a TSV (one row per list and entry, columns :data:`COLUMNS`), written beside the lexicons by
default; the summary printed lists the candidates.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from .errors import GoldFormatError
from .yamlio import safe_load

ROOT = Path(__file__).resolve().parents[1]
COUNTS_PATH = ROOT / "components" / "extract" / "lexicon" / "counts.tsv"
# corpus names in column order; the first is the training split
CORPORA = ("polnear-train", "polnear-dev", "geovirus-dev", "lgl-dev", "isaf-dev", "seed", "cases")


def columns(corpora: Iterable[str] = CORPORA) -> tuple[str, ...]:
    """The TSV header for ``corpora`` (the first one the training split)."""
    return ("list", "entry", "train_cue_heads", "train_occurrences") + tuple(f"docs_{c}" for c in corpora) + ("candidate",)


COLUMNS = columns()


@dataclass(frozen=True)
class CountedList:
    """One list to count: ``name`` ("quotes.cue_verbs", "stance.hedge"), its entries, how they match
    (``"lower"``: lower-cased words or lemmas; ``"case"``: as written; ``"nodots"``: lower-cased, dots dropped)."""

    name: str
    entries: tuple[str, ...]
    match: str = "lower"

    def __post_init__(self):
        object.__setattr__(self, "entries", tuple(dict.fromkeys(self.entries)))  # a repeated entry counts once


@dataclass
class EntryCounts:
    """Counts of one entry: documents per corpus, occurrences and gold cue heads in the training split."""

    docs: dict[str, int] = field(default_factory=dict)
    train_occurrences: int = 0
    train_cue_heads: int = 0

    def is_candidate(self, train: str = CORPORA[0]) -> bool:
        """No training document uses the entry and at most one other document does."""
        return self.docs.get(train, 0) == 0 and sum(n for c, n in self.docs.items() if c != train) <= 1


def _strings(value) -> list[str]:
    """The strings of a YAML list, or of a list of lists (``all_of`` groups)."""
    out: list[str] = []
    for v in value or []:
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, list):
            out.extend(x for x in v if isinstance(x, str))
    return out


def project_word_lists(root: Path = ROOT) -> list[CountedList]:
    """Every word list of the project, read from its YAML file.

    Returns:
        list[CountedList]: stage lists (``quotes.cue_verbs`` ...; map entries are their keys, a labelled
        cause its phrase), ``stance.*``, ``topics.<id>.<field>``, ``aliases.<section>``.
    """
    lists: list[CountedList] = []
    lex_dir = root / "components" / "extract" / "lexicon"
    files = [(p, "lower") for p in sorted(lex_dir.glob("*.yaml"))] + [(root / "components" / "nlp_lexicon.yaml", "case")]
    for path, match in files:
        data = safe_load(path.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if isinstance(value, dict):
                entries = [str(k) for k in value]
            else:
                entries = [x if isinstance(x, str) else x[0] for x in value]
            lists.append(CountedList(f"{path.stem.replace('_lexicon', '')}.{key}", tuple(entries), match))
    stance = safe_load((root / "data" / "stance_lexicon.yaml").read_text(encoding="utf-8")) or {}
    for key, value in stance.items():
        if isinstance(value, dict):
            for pol, items in value.items():
                lists.append(CountedList(f"stance.{key}.{pol}", tuple(_strings(items))))
        else:
            lists.append(CountedList(f"stance.{key}", tuple(_strings(value))))
    topics = safe_load((root / "data" / "topics.yaml").read_text(encoding="utf-8")) or {}
    for topic in topics.get("topics", []):
        tid = topic.get("id")
        for key in ("phrases", "all_of"):
            if topic.get(key):
                lists.append(CountedList(f"topics.{tid}.{key}", tuple(_strings(topic[key]))))
        for key, items in (topic.get("in_context") or {}).items():
            lists.append(CountedList(f"topics.{tid}.in_context.{key}", tuple(_strings(items))))
    aliases = safe_load((root / "data" / "gazetteer_aliases.yaml").read_text(encoding="utf-8")) or {}
    for key, value in aliases.items():
        if isinstance(value, dict):
            entries = [str(k) for k in value]
        else:
            entries = []
            for item in value or []:
                if isinstance(item, dict):
                    entries += [item["name"]] + list(item.get("aliases") or [])
                elif isinstance(item, str):
                    entries.append(item)
        lists.append(CountedList(f"aliases.{key}", tuple(entries), "nodots"))
    return lists


def read_corpus(path: Path) -> list[tuple[str, str]]:
    """(id, text) pairs of a corpus, sorted by id.

    Args:
        path (Path): a ``.jsonl`` file (``id``, ``text``), a folder holding one (``isaf-dev/``), a
            PolNeAR-style folder (``text/*.txt``), a folder of ``*.txt`` articles (the seed) or of
            ``*.yaml`` cases (``id``, ``text``: the hard cases).

    Raises:
        GoldFormatError: no article found at ``path``.
    """
    path = Path(path)
    out: list[tuple[str, str]] = []
    if path.is_dir() and (path / "text").is_dir():
        path = path / "text"
    if path.is_dir():
        for p in sorted(path.glob("*.txt")):
            out.append((p.stem, p.read_text(encoding="utf-8")))
        jsonls = sorted(path.glob("*.jsonl"))
        for p in sorted(path.glob("*.yaml")):
            rec = safe_load(p.read_text(encoding="utf-8"))
            if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                out.append((str(rec.get("id", p.stem)), rec["text"]))
    else:
        jsonls = [path] if path.suffix == ".jsonl" else []
    for p in jsonls:
        for line in p.read_text(encoding="utf-8").split("\n"):  # not splitlines: U+2028 may sit inside a string
            if line.strip():
                rec = json.loads(line)
                out.append((str(rec["id"]), rec["text"]))
    if not out:
        raise GoldFormatError(f"{path}: no *.txt article or JSONL file with id/text")
    return sorted(out)


def train_cue_heads(folder: Path, docs_by_id: dict) -> dict[str, int]:
    """Gold cue head lemmas of a PolNeAR-style folder: ``{lemma: attributions}`` (first annotator per
    article; "according to" for that phrase). ``docs_by_id`` holds the parsed articles by file stem."""
    from .extract.cuelex import _first_annotations, _gold_cue_spans, cue_head, cue_key

    heads: dict[str, int] = {}
    for txt, ann in _first_annotations(Path(folder)):
        doc = docs_by_id.get(txt.stem)
        if doc is None:
            continue
        for a, b in _gold_cue_spans(ann.read_text(encoding="utf-8")):
            span = doc.char_span(a, b, alignment_mode="expand")
            h = cue_head(list(span)) if span is not None and len(span) else None
            if h is None:
                continue
            key = cue_key(h)
            lemma = key[0] if key else h.lemma_.lower()
            heads[lemma] = heads.get(lemma, 0) + 1
    return heads


_WORD = re.compile(r"^[^\W_]+$")


def _straight(text: str) -> str:
    """``text`` with curly apostrophes straightened ("NATO’s" = "NATO's")."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


class _DocIndex:
    """The forms of one parsed document an entry is looked up in."""

    def __init__(self, doc):
        self.tokens_lower: dict[str, int] = {}
        self.tokens_case: dict[str, int] = {}
        for tok in doc:
            keys = {tok.lower_, tok.lemma_.lower(), tok.lower_.rstrip(".")}
            for k in keys:
                self.tokens_lower[k] = self.tokens_lower.get(k, 0) + 1
            self.tokens_case[tok.text] = self.tokens_case.get(tok.text, 0) + 1
        self.text = doc.text
        self.lower = _straight(doc.text.lower())
        self.lemmas = _straight(" ".join(t.lemma_.lower() for t in doc))
        self.nodots = self.lower.replace(".", "")

    @staticmethod
    def _count(needle: str, hay: str) -> int:
        if needle not in hay:
            return 0
        return len(re.findall(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay))

    def occurrences(self, entry: str, match: str) -> int:
        """How often ``entry`` occurs in the document (0: not used), as the module docstring says."""
        if match == "case":
            return self.tokens_case.get(entry, 0) or self._count(entry, self.text)
        if match == "nodots":
            return self._count(_straight(entry.lower()).replace(".", ""), self.nodots)
        low = _straight(entry.lower())
        if _WORD.match(low):
            return self.tokens_lower.get(low, 0)
        return max(self._count(low, self.lower), self._count(low, self.lemmas), self.tokens_lower.get(low, 0))


def count_entries(lists: Iterable[CountedList], corpora: dict[str, list[tuple[str, str]]], nlp=None,
                  train: Optional[str] = None, train_folder: Optional[Path] = None) -> dict[tuple[str, str], EntryCounts]:
    """Count every entry of ``lists`` over ``corpora``.

    Args:
        lists: the word lists (:func:`project_word_lists`).
        corpora: corpus name -> (id, text) pairs (:func:`read_corpus`).
        nlp (Language | None): the pipeline (default :func:`components.nlp.load_nlp`).
        train (str | None): the training corpus's name: occurrences and gold cue heads are counted there.
        train_folder (Path | None): its PolNeAR folder (``attributions/``) for the gold cue heads.

    Returns:
        dict: ``(list name, entry)`` -> :class:`EntryCounts` (``docs`` holds every corpus, 0 included).
    """
    from .nlp import load_nlp

    nlp = nlp or load_nlp()
    lists = list(lists)
    result = {(wl.name, e): EntryCounts(docs={c: 0 for c in corpora}) for wl in lists for e in wl.entries}
    heads: dict[str, int] = {}
    for name, articles in corpora.items():
        parse_trees = name == train and train_folder is not None and (Path(train_folder) / "attributions").is_dir()
        disable = [p for p in ("ner",) + (() if parse_trees else ("parser",)) if p in nlp.pipe_names]
        docs = {}
        for (aid, _), doc in zip(articles, nlp.pipe((t for _, t in articles), batch_size=16, disable=disable)):
            index = _DocIndex(doc)
            for wl in lists:
                for e in wl.entries:
                    n = index.occurrences(e, wl.match)
                    if n:
                        rec = result[(wl.name, e)]
                        rec.docs[name] += 1
                        if name == train:
                            rec.train_occurrences += n
            if parse_trees:
                docs[aid] = doc
        if parse_trees:
            heads = train_cue_heads(Path(train_folder), docs)
    for (lname, e), rec in result.items():
        rec.train_cue_heads = heads.get(e.lower(), 0)
    return result


def write_counts(lists: Iterable[CountedList], counts: dict[tuple[str, str], EntryCounts], path: Path,
                 corpora: Iterable[str] = CORPORA) -> None:
    """Write the counts as TSV (:data:`COLUMNS`), lists in ``lists`` order, entries in file order."""
    corpora = tuple(corpora)
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(columns(corpora))
        for wl in lists:
            for e in wl.entries:
                rec = counts[(wl.name, e)]
                w.writerow((wl.name, e, rec.train_cue_heads, rec.train_occurrences)
                           + tuple(rec.docs.get(c, 0) for c in corpora) + ("yes" if rec.is_candidate(corpora[0]) else "",))


def default_corpora(train_folder: Path) -> dict[str, Path]:
    """The corpora beside a training folder: ``<eval>/{polnear-dev,geovirus-dev,lgl-dev,isaf-dev}``,
    ``<eval>/../seed`` and ``<eval>/../cases``, for ``train_folder`` = ``<eval>/polnear-train`` (missing
    ones are left out)."""
    train_folder = Path(train_folder)
    ev = train_folder.parent
    found = {"polnear-train": train_folder}
    for name in CORPORA[1:-2]:
        if (ev / name).exists():
            found[name] = ev / name
    for name in ("seed", "cases"):
        if (ev.parent / name).exists():
            found[name] = ev.parent / name
    return found


def run_lexicon_counts(train_folder: Path, out: Path = COUNTS_PATH, limit: Optional[int] = None) -> list[tuple[str, str]]:
    """``python -m components train lexicon-counts FOLDER``: count, write ``out``, return the candidates
    (list name, entry) for removal."""
    paths = default_corpora(train_folder)
    corpora = {name: read_corpus(p)[:limit] for name, p in paths.items()}
    lists = project_word_lists()
    counts = count_entries(lists, corpora, train="polnear-train", train_folder=train_folder)
    write_counts(lists, counts, out, corpora=tuple(c for c in CORPORA if c in corpora))
    return [k for k, rec in counts.items() if rec.is_candidate("polnear-train")]
