"""The stage word lists: per-owner YAML files, validated on load, and the per-entry counts that justify them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from components.errors import LexiconError
from components import lexicon as L
from components.lexicon_counts import CountedList, EntryCounts, count_entries, read_corpus, write_counts

from components.yamlio import LexiconFile, TokenList, WordList, WordMap, load_lexicon
ROOT = Path(__file__).resolve().parents[1]
LEXICON_FILES = {
    "quotes.yaml": L.QuotesLexicon,
    "speakers.yaml": L.SpeakersLexicon,
    "transcripts.yaml": L.TranscriptsLexicon,
    "places.yaml": L.PlacesLexicon,
    "casualties.yaml": L.CasualtiesLexicon,
}


@pytest.mark.parametrize("name", sorted(LEXICON_FILES))
def test_every_stage_lexicon_file_loads_and_every_list_has_a_comment(name):
    path = L.LEXICON_DIR / name
    lex = load_lexicon(path, LEXICON_FILES[name])
    text = path.read_text(encoding="utf-8").splitlines()
    for field in type(lex).model_fields:
        line = next(i for i, l in enumerate(text) if l.startswith(f"{field}:"))
        assert text[line - 1].startswith("# "), f"{name}: {field} has no comment above it"


def test_the_nlp_lexicon_loads_case_sensitive():
    lex = load_lexicon(L.NLP_LEXICON_PATH, L.TokenizerLexicon)
    assert "Brig." in lex.title_abbreviations and "He" in lex.sentence_openers


def test_the_word_lists_load_without_spacy():
    """The dashboard reads DISASTER_CAUSES: importing the word lists loads no model and no extraction stage."""
    import subprocess
    import sys

    code = "import sys, components.lexicon; print('spacy' in sys.modules, 'components.extract' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_python_names_keep_their_types_and_members():
    assert isinstance(L.CUE_VERBS, frozenset) and "say" in L.CUE_VERBS and "said" not in L.CUE_VERBS
    assert L.ORG_COUNTRY["kremlin"] == "RU" and L.ORG_EXPANSIONS["un"] == "United Nations"
    assert L.VAGUE_COUNTS["dozens"] == 24
    assert L.CASUALTY_CAUSES[0] == ("opened fire", "gunfire") and L.CASUALTY_CAUSES[-1] == "strike"
    assert L.SOURCE_NOUN_SUFFIXES[0] == "er" and "narrator".endswith(L.SOURCE_NOUN_SUFFIXES)
    # the byline dashes form a regular-expression character class, the hyphen included
    assert re.findall("[" + L.BYLINE_DASHES + "]", "a-b—c–d―e") == ["-", "—", "–", "―"]


class _Tiny(LexiconFile):
    verbs: WordList
    seats: WordMap


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_tiny_lexicon_loads(tmp_path):
    lex = load_lexicon(_write(tmp_path, "verbs: [mutter, opine]\nseats:\n  quai d'orsay: FR\n"), _Tiny)
    assert lex.verbs == ["mutter", "opine"] and lex.seats == {"quai d'orsay": "FR"}


@pytest.mark.parametrize(
    "text, message",
    [
        ("verbs: [mutter, Opine]\nseats: {x: FR}\n", r"tiny\.yaml: verbs\.1: Value error, entry not lower-case: 'Opine'"),
        ("verbs: [mutter, opine, mutter]\nseats: {x: FR}\n", r"tiny\.yaml: verbs: Value error, duplicate entries: mutter"),
        ("verbs: []\nseats: {x: FR}\n", r"tiny\.yaml: verbs: List should have at least 1 item"),
        ("verbs: [' mutter']\nseats: {x: FR}\n", r"tiny\.yaml: verbs\.0: Value error, empty entry or entry with surrounding spaces"),
        ("verbs: [mutter]\n", r"tiny\.yaml: seats: Field required"),
        ("verbs: [mutter]\nseats: {x: FR}\nverbz: [opine]\n", r"tiny\.yaml: verbz: Extra inputs are not permitted"),
        ("verbs: [mutter]\nseats: {x: FR, x: DE}\n", r"tiny\.yaml: not valid YAML .*duplicate key 'x'"),
        ("verbs: [mutter\nseats: {x: FR}\n", r"tiny\.yaml: not valid YAML"),
        ("- mutter\n", r"tiny\.yaml: expected a mapping of list name -> entries, got list"),
        ("verbs: mutter\nseats: {x: FR}\n", r"tiny\.yaml: verbs: Input should be a valid list"),
    ],
)
def test_a_malformed_lexicon_names_the_file_and_the_field(tmp_path, text, message):
    with pytest.raises(LexiconError, match=message):
        load_lexicon(_write(tmp_path, text), _Tiny)


def test_a_missing_lexicon_file_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match=r"absent\.yaml: cannot read"):
        load_lexicon(tmp_path / "absent.yaml", _Tiny)


def test_a_broken_copy_of_a_real_lexicon_is_refused(tmp_path):
    text = (L.LEXICON_DIR / "quotes.yaml").read_text(encoding="utf-8").replace("cue_verbs: [", "cue_verbs: [Say, ", 1)
    path = tmp_path / "quotes.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=r"quotes\.yaml: cue_verbs\.0: Value error, entry not lower-case: 'Say'"):
        load_lexicon(path, L.QuotesLexicon)


def test_case_sensitive_lists_refuse_duplicates_only(tmp_path):
    class Tokens(LexiconFile):
        openers: TokenList

    assert load_lexicon(_write(tmp_path, "openers: [He, he]\n"), Tokens).openers == ["He", "he"]
    with pytest.raises(LexiconError, match=r"openers: Value error, duplicate entries: He"):
        load_lexicon(_write(tmp_path, "openers: [He, She, He]\n"), Tokens)


# --- counts ---------------------------------------------------------------------------------------

TRAIN = {
    "t1": "The mayor said the bridge would reopen. Critics warned that costs would rise.",
    "t2": "Officials said nothing new. The council ruled out higher taxes.",
}
DEV = [("d1", "Brig. Smith warned the U.S. embassy."), ("d2", "Nobody spoke at the editor’s meeting.")]
SEED = "The envoy will mutter that the US rules out talks."


def _train_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "train"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for name, text in TRAIN.items():
        (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    cues = {"t1": ["said", "warned"], "t2": ["said"]}
    for name, words in cues.items():
        lines = []
        for k, w in enumerate(words, 1):
            a = TRAIN[name].index(w)
            lines += [f"T{k}\tCue {a} {a + len(w)}\t{w}", f"E{k}\tAttribution:T{k} Cue:T{k}"]
        (folder / "attributions" / f"{name}_ann1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_read_corpus_reads_brat_folders_jsonl_and_plain_folders(tmp_path):
    folder = _train_folder(tmp_path)
    assert [i for i, _ in read_corpus(folder)] == ["t1", "t2"]
    dev = tmp_path / "dev"
    dev.mkdir()
    # a U+2028 inside a JSON string is no line break
    (dev / "dev.jsonl").write_text("\n".join(json.dumps({"id": i, "text": t + "\u2028"}) for i, t in DEV) + "\n", encoding="utf-8")
    assert [i for i, _ in read_corpus(dev)] == ["d1", "d2"]
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "s1.txt").write_text(SEED, encoding="utf-8")
    assert read_corpus(seed) == [("s1", SEED)]


def test_counts_on_an_invented_corpus_are_exact(tmp_path, nlp):
    folder = _train_folder(tmp_path)
    corpora = {"train": read_corpus(folder), "dev": DEV, "seed": [("s1", SEED)]}
    lists = [
        CountedList("t.verbs", ("say", "warn", "mutter", "whisper", "say")),
        CountedList("t.phrases", ("rule out",)),
        CountedList("t.abbr", ("Brig.",), "case"),
        CountedList("t.alias", ("U.S.",), "nodots"),
        CountedList("t.labels", ("editor's",)),
    ]
    counts = count_entries(lists, corpora, nlp=nlp, train="train", train_folder=folder)

    def row(lst, entry):
        c = counts[(lst, entry)]
        return c.docs, c.train_occurrences, c.train_cue_heads, c.is_candidate("train")

    assert row("t.verbs", "say") == ({"train": 2, "dev": 0, "seed": 0}, 2, 2, False)
    assert row("t.verbs", "warn") == ({"train": 1, "dev": 1, "seed": 0}, 1, 1, False)
    assert row("t.verbs", "mutter") == ({"train": 0, "dev": 0, "seed": 1}, 0, 0, True)  # the seed alone
    assert row("t.verbs", "whisper") == ({"train": 0, "dev": 0, "seed": 0}, 0, 0, True)  # nobody
    assert row("t.phrases", "rule out") == ({"train": 1, "dev": 0, "seed": 1}, 1, 0, False)  # lemmas: "ruled out", "rules out"
    assert row("t.abbr", "Brig.") == ({"train": 0, "dev": 1, "seed": 0}, 0, 0, True)  # one dev article
    assert row("t.alias", "U.S.") == ({"train": 0, "dev": 1, "seed": 1}, 0, 0, False)  # "U.S." and "US"
    assert row("t.labels", "editor's") == ({"train": 0, "dev": 1, "seed": 0}, 0, 0, True)  # a curly apostrophe in d2

    out = tmp_path / "counts.tsv"
    write_counts(lists, counts, out, corpora=("train", "dev", "seed"))
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "list\tentry\ttrain_cue_heads\ttrain_occurrences\tdocs_train\tdocs_dev\tdocs_seed\tcandidate"
    assert rows[1:5] == ["t.verbs\tsay\t2\t2\t2\t0\t0\t", "t.verbs\twarn\t1\t1\t1\t1\t0\t",
                         "t.verbs\tmutter\t0\t0\t0\t0\t1\tyes", "t.verbs\twhisper\t0\t0\t0\t0\t0\tyes"]
    assert len(rows) == 1 + 8  # the repeated "say" is one row


def test_a_candidate_needs_no_training_use_and_at_most_one_other_document():
    assert EntryCounts(docs={"train": 0, "dev": 1, "seed": 0}).is_candidate("train")
    assert not EntryCounts(docs={"train": 0, "dev": 1, "seed": 1}).is_candidate("train")
    assert not EntryCounts(docs={"train": 1, "dev": 0, "seed": 0}).is_candidate("train")
