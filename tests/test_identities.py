"""One speaker across articles (components/store/identities.py), on invented names."""

from __future__ import annotations

from components.store.identities import NameInfo, fold, name_tokens, resolve


def info(name, arts=("a1",), country=None, role=None, org=None, person=True):
    return NameInfo(name=name, person=person, articles=set(arts), countries={country} if country else set(),
                    roles={fold(role)} if role else set(), orgs={fold(org)} if org else set())


def test_fold_and_tokens():
    assert fold("Zélenskýy") == "zelenskyy"
    assert name_tokens("President Marta J. Ollivander Jr.") == ["marta", "ollivander"]
    assert name_tokens("O’Brien") == ["obrien"]


def test_variants_merge_into_the_most_reported_full_name():
    got = resolve([
        info("Marta Ollivander", arts=("a1", "a2", "a3")),
        info("Marta J. Ollivander", arts=("a4",)),
        info("Marat Ollivander", arts=("a5",)),         # first-name typo (ratio 80)
        info("Marta Olivander", arts=("a6",)),          # transliteration of the surname
        info("Ollivander", arts=("a7",)),               # surname alone, one person with it
        info("MARTA OLLIVANDER", arts=("a8",)),
    ])
    assert {n: c for n, (c, _) in got.items()} == {n: "Marta Ollivander" for n in got}
    assert got["Marta J. Ollivander"][1] == "same folded name"
    assert got["Marta Olivander"][1] == "spelling variant"
    assert got["Ollivander"][1] == "surname of one person"


def test_two_people_with_one_surname_stay_apart_without_evidence():
    got = resolve([
        info("Ivo Brankov", arts=("a1",), country="BG", role="prime minister"),
        info("Petra Brankov", arts=("a2",), country="BG", role="mayor of Plovdiv"),
        info("Brankov", arts=("a3",), country="BG"),
    ])
    assert got["Ivo Brankov"][0] != got["Petra Brankov"][0]
    assert got["Brankov"] == ("Brankov", "self")


def test_surname_joins_the_person_with_a_shared_role():
    got = resolve([
        info("Ivo Brankov", arts=("a1",), country="BG", role="Prime Minister"),
        info("Petra Brankov", arts=("a2",), country="BG", role="mayor of Plovdiv"),
        info("Brankov", arts=("a3",), country="BG", role="prime minister"),
    ])
    assert got["Brankov"] == ("Ivo Brankov", "surname + shared role/org")


def test_different_countries_block_a_merge_and_organisations_need_the_same_name():
    got = resolve([
        info("Ana Lopes", arts=("a1",), country="BR"),
        info("Ana Lopez", arts=("a2",), country="MX"),
        info("Harbour Authority", person=False),
        info("Harbor Authority", person=False),
        info("The Harbour Authority", person=False),
    ])
    assert got["Ana Lopes"][0] == "Ana Lopes" and got["Ana Lopez"][0] == "Ana Lopez"
    assert got["Harbour Authority"][0] != got["The Harbour Authority"][0]  # (a description, not the same name)


def test_organisations_spelt_the_british_way_or_with_their_acronym_are_one():
    """Invented: "Global Food Organisation", "Global Food Organization" and "Global Food Organization GFO" are one
    speaker, as are "Harbour Authority" and "Harbor Authority"; "Labour Party" (GB) and "Labor Party" (AU) stay two;
    "Four Hour Tour" is no spelling of anything else."""
    got = resolve([
        info("Global Food Organisation", arts=("a1", "a2"), person=False),
        info("Global Food Organization", person=False),
        info("Global Food Organization GFO", person=False),
        info("Harbour Authority", person=False),
        info("Harbor Authority", person=False),
        info("Labour Party", person=False, country="GB"),
        info("Labor Party", person=False, country="AU"),
        info("Four Hour Tour", person=False),
        info("Four Hor Tor", person=False),
    ])
    assert {got[n][0] for n in ("Global Food Organisation", "Global Food Organization", "Global Food Organization GFO")} \
        == {"Global Food Organisation"}
    assert got["Harbour Authority"][0] == got["Harbor Authority"][0]
    assert got["Labour Party"][0] != got["Labor Party"][0]
    assert got["Four Hour Tour"][0] != got["Four Hor Tor"][0]


def test_store_keeps_identities_after_each_write(tmp_path):
    from components.models import Article, Extraction, Quote, Speaker
    from components.store import Store
    from components.store.identities import identity

    def ex(aid, speaker, text):
        q = Quote(id=f"{aid}:q1", text=text, start=0, end=len(text), kind="direct", speaker=speaker,
                  speaker_type="person")
        return Extraction(article=Article(id=aid, title=f"T {aid}", text=text), quotes=[q],
                          speakers=[Speaker(name=speaker, type="person")])

    store = Store(tmp_path / "s.duckdb")
    store.add_extractions([ex("a1", "Marta Ollivander", "Roads first."), ex("a2", "Marta Ollivander", "Bridges.")])
    store.add_extractions([ex("a3", "Ollivander", "Schools next.")])
    card = identity(store, "Ollivander")
    assert card["canonical"] == "Marta Ollivander"
    assert card["variants"] == [("Marta Ollivander", "canonical", 2), ("Ollivander", "surname of one person", 1)]
    assert [a["id"] for a in card["articles"]] == ["a1", "a2", "a3"]
    assert [(a["name"], a["n_quotes"]) for a in card["articles"]][2] == ("Ollivander", 1)
    store._index_available = False  # the articles from quotes joined on ids, not from quote_facts by number
    assert identity(store, "Ollivander") == card
    store._index_available = None
    from components.store import queries as Q
    from components.store.filters import QueryFilters

    assert Q.count_quotes(store, QueryFilters(speakers=("Marta Ollivander",))) == 3  # the filter keeps every name
    assert Q.speaker_card(store, "Ollivander", "a3")["person"]["canonical"] == "Marta Ollivander"
    store.delete_article("a3")
    assert identity(store, "Ollivander") is None


def test_first_names_of_another_length_are_other_people_and_descriptions_are_not_names():
    got = resolve([
        info("Ilona Varga", arts=("a1",)), info("Ilonka Varga", arts=("a2",)),
        info("E.U. ministers", arts=("a3",)), info("ministers", arts=("a4",)),
        info("Former EPA head", arts=("a5",)), info("former Environmental Protection Agency head", arts=("a6",)),
    ])
    assert len({c for c, _ in got.values()}) == 6
    same_role = resolve([info("Ilona Varga", role="mayor"), info("Ilonka Varga", role="Mayor")])
    assert same_role["Ilonka Varga"][0] == same_role["Ilona Varga"][0]


def test_reviewers_merges_and_splits_apply_on_top_of_the_rule():
    from components.store.identities import MERGED_RULE, SPLIT_RULE, apply_reviews

    base = resolve([
        info("Marta Ollivander", arts=("a1", "a2", "a3")),
        info("Marta J. Ollivander", arts=("a4", "a5")),
        info("Ollivander", arts=("a6",)),
        info("Kemal Durso", arts=("a7",)),
        info("K. Durso", arts=("a8",)),
    ])
    arts = {"Marta Ollivander": 3, "Marta J. Ollivander": 2, "Ollivander": 1}
    got = apply_reviews(base, [("merge", {"name": "K. Durso", "into": "Ollivander"})], arts)
    assert got["Kemal Durso"] == ("Marta Ollivander", MERGED_RULE) and got["K. Durso"][0] == "Marta Ollivander"
    got = apply_reviews(base, [("split", {"name": "Ollivander"})], arts)
    assert got["Ollivander"] == ("Ollivander", SPLIT_RULE) and got["Marta J. Ollivander"][0] == "Marta Ollivander"
    # splitting the canonical name off: the most reported other name becomes the group's name
    got = apply_reviews(base, [("split", {"name": "Marta Ollivander"})], arts)
    assert got["Marta Ollivander"] == ("Marta Ollivander", SPLIT_RULE)
    assert got["Marta J. Ollivander"] == ("Marta J. Ollivander", "canonical")
    assert got["Ollivander"][0] == "Marta J. Ollivander"
    # in order: a merge then a split of one of the merged names; unknown names are skipped
    got = apply_reviews(base, [("merge", {"name": "Kemal Durso", "into": "Marta Ollivander"}),
                               ("split", {"name": "K. Durso"}), ("split", {"name": "Nobody Known"})], arts)
    assert got["K. Durso"] == ("K. Durso", SPLIT_RULE) and got["Kemal Durso"][0] == "Marta Ollivander"
    assert base["Kemal Durso"][0] == base["K. Durso"][0]  # the input mapping is not modified


def test_incremental_refresh_equals_the_full_recomputation(tmp_path):
    """Test that the write-time refresh, which re-resolves only the blocks of the names a write touched,
    leaves exactly the table a full recomputation gives, after adds, a replace, a delete and a review."""
    from components.models import Article, Extraction, Quote, Speaker
    from components.store import Store, identities
    from components.store.corrections import speaker_review

    def ex(aid, *speakers, country=None, role=None, stype="person"):
        quotes = [Quote(id=f"{aid}:q{i}", text=f"Line {i}.", start=0, end=7, kind="direct", speaker=s,
                        speaker_type=stype) for i, s in enumerate(speakers)]
        cards = [Speaker(name=s, type=stype, country=country, role=role) for s in dict.fromkeys(speakers)]
        return Extraction(article=Article(id=aid, title=f"T {aid}", text="Line 0. Line 1."), quotes=quotes,
                          speakers=cards)

    def table(store):
        return store.execute("SELECT name, canonical, rule, block, auto_canonical, auto_rule, n_articles "
                             "FROM speaker_identities ORDER BY name").fetchall()

    def full(store):
        cur = store.cursor()
        cur.execute("BEGIN TRANSACTION")
        identities.refresh(cur)
        got = cur.execute("SELECT name, canonical, rule, block, auto_canonical, auto_rule, n_articles "
                          "FROM speaker_identities ORDER BY name").fetchall()
        cur.execute("ROLLBACK")
        return got

    store = Store(tmp_path / "s.duckdb")
    store.add_extractions([ex("a1", "Teodor Brannick", "Wilma Oster"), ex("a2", "Teodor Brannick")])
    store.add_extractions([ex("a3", "Teodor Q. Brannick", "Brannick"), ex("a4", "city officials", stype="group")])
    step1 = table(store)
    assert step1 == full(store)
    assert {n: (c, r) for n, c, r, *_ in step1} == {
        "Teodor Brannick": ("Teodor Brannick", "canonical"), "Teodor Q. Brannick": ("Teodor Brannick", "same folded name"),
        "Brannick": ("Teodor Brannick", "surname of one person"), "Wilma Oster": ("Wilma Oster", "self"),
        "city officials": ("city officials", "self")}
    # a second Brannick makes the lone surname ambiguous: its block is re-resolved although "Brannick"
    # itself is in no article of this write
    store.add_extractions([ex("a5", "Livia Brannick", country="PT"), ex("a6", "City Officials", stype="group")])
    assert table(store) == full(store)
    assert dict((n, r) for n, _, r, *_ in table(store))["Brannick"] == "self"
    store.add_extractions([ex("a5", "Wilma Osterr", country="PT")], replace=True)  # Livia leaves the store
    assert table(store) == full(store) and dict((n, c) for n, c, *_ in table(store))["Brannick"] == "Teodor Brannick"
    speaker_review(store, "merge", "Wilma Oster", into="Brannick")
    store.add_extractions([ex("a7", "Wilma Oster", "Teodor Brannick")])
    assert table(store) == full(store)
    assert dict((n, c) for n, c, *_ in table(store))["Wilma Oster"] == "Teodor Brannick"
    store.delete_article("a1")
    store.delete_article("a2")
    assert table(store) == full(store)


def test_store_joins_an_organisation_spelt_the_other_way_in_a_later_write_and_recomputes_old_blocks(tmp_path):
    """Invented: "Global Food Organisation" stored first and "Global Food Organization" in a later write are one
    speaker (their blocks agree); a table whose organisation blocks were written by the older scheme ("~" and the
    folded words) is recomputed whole at the next write."""
    from components.models import Article, Extraction, Quote, Speaker
    from components.store import Store

    def ex(aid, speaker):
        q = Quote(id=f"{aid}:q1", text="Aid is late.", start=0, end=12, kind="direct", speaker=speaker,
                  speaker_type="organisation")
        return Extraction(article=Article(id=aid, title=f"T {aid}", text="Aid is late."), quotes=[q],
                          speakers=[Speaker(name=speaker, type="organisation")])

    store = Store(tmp_path / "s.duckdb")
    store.add_extractions([ex("a1", "Global Food Organisation")])
    store.add_extractions([ex("a2", "Global Food Organization")])
    rows = dict(store.execute("SELECT name, canonical FROM speaker_identities").fetchall())
    assert rows["Global Food Organization"] == rows["Global Food Organisation"]
    store.execute("UPDATE speaker_identities SET block = '~' || lower(name), canonical = name, auto_canonical = name")
    store.add_extractions([ex("a3", "Harbour Board")])
    rows = dict(store.execute("SELECT name, canonical FROM speaker_identities").fetchall())
    assert rows["Global Food Organization"] == rows["Global Food Organisation"]
