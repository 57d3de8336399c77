"""One speaker across articles: the store-level table ``speaker_identities`` (variant name -> canonical).

The extraction names a speaker per article (``article_speakers``, ``quotes.speaker``); within an article
a surname-only mention is already resolved to the full name by the speaker stage (the card's
``aliases``). Across articles the same person appears under several forms ("Donald Trump", "Donald J.
Trump", a misspelt "Donand Trump", "Trump" alone in an article that never gives the full name). This module
groups those forms after every write, by the rule below, into one canonical name per person.

Rule (persons written as proper names; other speakers, and descriptions such as "Former DNC chairman" or
"E.U. leaders", merge only when their case-folded names are equal, a closing acronym of their own initials
aside ("World Health Organization (WHO)"), or, rule 1b, equal but for British spelling ("Organisation",
"Harbour", "Centre", "Defence") unless both have a known country and the countries differ ("Labour Party",
GB, and "Labor Party", AU)):

1. **Same folded name.** Unicode folding (NFKD, combining marks dropped, case-folded, punctuation as
   spaces), courtesy and office titles ("Mr.", "President") and generational suffixes ("Jr.", "III")
   dropped, and single-letter initials dropped ("Donald J. Trump" = "Donald Trump", "Zelenskyy" with
   any accents = "Zelenskyy").
2. **Spelling or transliteration variant.** Two full names (first and last name) whose surnames are
   similar (``rapidfuzz.fuzz.ratio`` >= 85 on the folded surname: "Zelensky" / "Zelenskyy" /
   "Zelenskiy") and whose first names are compatible (equal, one the other's initial, or a variant of
   the same length with ratio >= 80: "Donand" / "Donald"; a variant of another length, "Ivana" /
   "Ivanka", only with a shared role or organisation), unless both have a known country and the countries differ. Two different
   first names with one surname ("Jeb Bush", "George Bush") are never merged.
3. **Surname alone.** A one-word person name ("Trump") joins the person whose folded surname matches
   (ratio >= 85) when exactly one such person is in the store; when several are ("Bush": two people),
   it joins one only with evidence: a role or organisation it shares with exactly one of them; else it
   stays apart. A known, different country always blocks the merge.

The canonical name of a group is its full-name form found in most articles (then the longer form).
Reviewers' merges and splits (``corrections`` rows of record ``speaker``) are applied on top, oldest
first, every time the table is recomputed (:func:`apply_reviews`).
The table is recomputed in the write transaction of every ingest (and delete), so new articles join
existing groups at once; names are blocked by the first letters of their surname, so the pairwise
comparison stays within small blocks.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from rapidfuzz import fuzz

from . import bulk

SURNAME_MIN_RATIO = 85
FIRST_NAME_MIN_RATIO = 80
_TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame lord lady gen general col colonel lt maj major capt captain sgt adm "
    "president vice prime minister pm secretary senator sen rep representative gov governor mayor chancellor "
    "king queen prince princess pope rev reverend sheikh ambassador judge justice chairman chairwoman".split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})

SCHEMA = """
CREATE TABLE IF NOT EXISTS speaker_identities (
    name VARCHAR PRIMARY KEY,
    canonical VARCHAR NOT NULL,
    rule VARCHAR NOT NULL
);
ALTER TABLE speaker_identities ADD COLUMN IF NOT EXISTS block VARCHAR;
ALTER TABLE speaker_identities ADD COLUMN IF NOT EXISTS auto_canonical VARCHAR;
ALTER TABLE speaker_identities ADD COLUMN IF NOT EXISTS auto_rule VARCHAR;
ALTER TABLE speaker_identities ADD COLUMN IF NOT EXISTS n_articles INTEGER;
"""
# block: the comparison block of the name (see block_of); auto_canonical / auto_rule: the rule's grouping
# before reviewers' corrections (canonical / rule are after them); n_articles: its number of articles.
_COLUMNS = ("name", "canonical", "rule", "block", "auto_canonical", "auto_rule", "n_articles")


def fold(text: str) -> str:
    """Unicode-folded, case-folded text with punctuation as spaces ("Zelens’kyy, Jr." -> "zelenskyy jr").

    Apostrophes inside a word are dropped ("O'Brien" -> "obrien"); other non-alphanumerics become spaces."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"(?<=\w)['’](?=\w)", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "al", "el", "bin",
                        "ibn", "abu", "dos", "das", "du", "ter", "y"})


def is_proper_name(name: str) -> bool:
    """Whether a name is written as a proper name: every word capitalised, except name particles ("de",
    "van", "al") and titles. "Former DNC chairman" or "health officials" are descriptions, not names."""
    words = [w for w in re.split(r"[\s]+", name.strip()) if w]
    content = [w for w in words if fold(w) not in _PARTICLES and fold(w) not in _TITLES]
    return bool(content) and all(w[0].isupper() for w in content if w[0].isalpha())


# British spellings written the American way in names that are not persons' ("World Health Organisation" and
# "... Organization", "Harbour Authority" and "Harbor Authority", "Ministry of Defence" and "... Defense"): word-ending
# rules on folded words, each for a family of words ("-isation", "-bour/-lour/-vour/-nour/-mour/-gour", "-tre", "-ence")
_SPELLINGS = tuple((re.compile(a), b) for a, b in (
    (r"isation$", "ization"), (r"(?<=\w\w[blvnmg])our$", "or"), (r"(?<=\w\w\w)tre$", "ter"),
    (r"^(def|lic|off)ence$", r"\1ense"), (r"^programme$", "program")))
_MINOR_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "de"})


def _without_own_acronym(name: str) -> str:
    """``name`` without a closing acronym made of its other words' initials ("World Health Organization WHO",
    "... (WHO)" with the brackets gone)."""
    words = name.replace("(", " ").replace(")", " ").split()
    if len(words) < 3 or not (words[-1].isupper() and words[-1].isalpha()):
        return name
    initials = "".join(w[0] for w in words[:-1] if w.lower() not in _MINOR_WORDS).upper()
    return " ".join(words[:-1]) if initials == words[-1] else name


def name_tokens(name: str, proper: bool = True) -> list[str]:
    """Folded name words without titles, suffixes and single-letter initials (an initial is kept only
    when nothing else is left). ``"President Donald J. Trump Jr."`` -> ``["donald", "trump"]``.
    ``proper`` False (an organisation, or a description such as "E.U. leaders"): folded, and a closing acronym of
    the other words' initials dropped."""
    if not proper:
        return fold(_without_own_acronym(name)).split()
    words = fold(name).split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    kept = [w for w in words if len(w) > 1]
    return kept or words


def spelling_key(words: list[str]) -> str:
    """Folded words (:func:`name_tokens`) with British spellings written the American way (:data:`_SPELLINGS`)."""
    for rule, repl in _SPELLINGS:
        words = [rule.sub(repl, w) for w in words]
    return " ".join(words)


# the mark opening the block of a name that is not a person's; a table whose such blocks open with the older mark
# "~" (folded words, before American spelling joined them) is recomputed whole once (:func:`refresh`)
OTHER_BLOCK = "="
_OLD_OTHER_BLOCK = "~"


def block_of(name: str, person: bool) -> str:
    """The comparison block of a speaker name: :func:`resolve` only ever joins names of one block, so a
    write needs to re-resolve only the blocks of the names it touched.

    A person written as a proper name: the first two letters of its folded surname (rules 1-3 compare
    surnames within these blocks); any other name: :data:`OTHER_BLOCK` and its folded words in American spelling (rules 1 and
    1b: equal folded names, or equal but for British spelling)."""
    proper = person and is_proper_name(name)
    toks = name_tokens(name, proper)
    if not proper:
        return OTHER_BLOCK + spelling_key(toks)
    return toks[-1][:2] if toks else ""


@dataclass
class NameInfo:
    """One stored speaker name with what the store knows about it (input of :func:`resolve`).

    Attributes:
        name (str): the name as stored.
        person (bool): speaker type person (only persons get rules 2 and 3).
        articles (set[str]): article ids where it speaks or is a speaker (or only their number,
            ``n_articles``, as the store collects it).
        countries, roles, orgs (set[str]): known values from its article cards (folded for roles/orgs).
    """

    name: str
    person: bool = True
    articles: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    n_articles: int = 0

    def article_count(self) -> int:
        """Number of articles of the name: ``n_articles`` (counted in SQL by the store) or ``len(articles)``."""
        return max(self.n_articles, len(self.articles))


def _first_compatible(a: str, b: str, evidence: bool) -> bool:
    """First names of one person: equal, an initial and its name, a same-length variant (letters swapped
    or replaced: "Donand" / "Donald", "Volodimir" / "Volodymyr"); a variant of another length
    ("Ivana" / "Ivanka" are two people) only with ``evidence`` (a shared role or organisation)."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) < 4 or fuzz.ratio(a, b) < FIRST_NAME_MIN_RATIO:
        return False
    return len(a) == len(b) or evidence


def _shares_role_or_org(a: NameInfo, b: NameInfo) -> bool:
    return bool((a.roles & b.roles) or (a.orgs & b.orgs))


def _country_conflict(a: NameInfo, b: NameInfo) -> bool:
    return bool(a.countries and b.countries and not (a.countries & b.countries))


def _merged(name: str, infos: list[NameInfo]) -> NameInfo:
    """One :class:`NameInfo` for names that fold alike: the union of their articles, countries, roles
    and organisations."""
    out = NameInfo(name=name, person=any(i.person for i in infos))
    for i in infos:
        out.articles |= i.articles
        out.countries |= i.countries
        out.roles |= i.roles
        out.orgs |= i.orgs
    return out


def resolve(names: Iterable[NameInfo]) -> dict[str, tuple[str, str]]:
    """Group speaker names into persons by the module's rule.

    Args:
        names: every stored speaker name with its articles, countries, roles and organisations.

    Returns:
        dict[str, tuple[str, str]]: name -> (canonical name, rule that joined it: ``"self"`` (alone),
        ``"canonical"`` (the group's name), ``"same folded name"``, ``"spelling variant"``, ``"surname of one person"`` or
        ``"surname + shared role/org"``). Every input name is a key.
    """
    infos = {n.name: n for n in names}
    parent = {n: n for n in infos}
    how: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str, rule: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            how.setdefault(b, rule)
            how.setdefault(a, rule)

    proper = {n: infos[n].person and is_proper_name(n) for n in infos}
    toks = {n: name_tokens(n, proper[n]) for n in infos}
    by_key: dict[tuple[bool, str], list[str]] = defaultdict(list)
    for n, t in toks.items():
        if t:
            by_key[(proper[n], " ".join(t))].append(n)
    for group in by_key.values():  # rule 1
        for other in group[1:]:
            union(group[0], other, "same folded name")
    spelt: dict[str, list[str]] = defaultdict(list)
    for (is_proper, key), group in by_key.items():
        if not is_proper:
            spelt[spelling_key(key.split())].append(group[0])
    for group in spelt.values():  # rule 1b: a name that is not a person's, spelt the other way, in no other country
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not _country_conflict(infos[a], infos[b]):
                    union(a, b, "spelling variant")
    full = [n for n in infos if proper[n] and len(toks[n]) >= 2]
    blocks: dict[str, list[str]] = defaultdict(list)
    for n in full:
        blocks[toks[n][-1][:2]].append(n)
    # rule 2 compares one name per folded form (rule 1 joined the rest), with what its group knows
    # together: the cost grows with the distinct folded names, not with every way of writing them
    rep = {key: _merged(key[1], [infos[n] for n in group]) for key, group in by_key.items()}
    for block in blocks.values():  # rule 2
        keys = list(dict.fromkeys((True, " ".join(toks[n])) for n in block))
        for i, ka in enumerate(keys):
            for kb in keys[i + 1:]:
                a, b = rep[ka], rep[kb]
                ta, tb = ka[1].split(), kb[1].split()
                evidence = _shares_role_or_org(a, b)
                if (fuzz.ratio(ta[-1], tb[-1]) >= SURNAME_MIN_RATIO and _first_compatible(ta[0], tb[0], evidence)
                        and not _country_conflict(a, b)):
                    union(by_key[ka][0], by_key[kb][0], "spelling variant")
    single = [n for n in infos if proper[n] and len(toks[n]) == 1 and len(toks[n][0]) > 1]
    for n in single:  # rule 3
        sur = toks[n][0]
        cands = [m for m in blocks.get(sur[:2], []) if fuzz.ratio(toks[m][-1], sur) >= SURNAME_MIN_RATIO
                 and not _country_conflict(infos[n], infos[m])]
        groups: dict[str, list[str]] = defaultdict(list)
        for m in cands:
            groups[find(m)].append(m)
        if len(groups) == 1:
            union(next(iter(groups)), n, "surname of one person")
        elif len(groups) > 1:
            info = infos[n]
            sharing = [g for g, ms in groups.items() if any(_shares_role_or_org(info, infos[m]) for m in ms)]
            if len(sharing) == 1:
                union(sharing[0], n, "surname + shared role/org")
    members: dict[str, list[str]] = defaultdict(list)
    for n in infos:
        members[find(n)].append(n)
    out: dict[str, tuple[str, str]] = {}
    for ms in members.values():
        canonical = max(ms, key=lambda m: (len(toks[m]) >= 2, infos[m].article_count(), len(m), m))
        for m in ms:
            rule = "self" if len(ms) == 1 else "canonical" if m == canonical else how.get(m, "same folded name")
            out[m] = (canonical, rule)
    return out


# Per name: person or not, its number of articles, and its known countries, roles and organisations, from
# the quotes and the speaker cards; {where} restricts the names (a fixed fragment of this module).
_COLLECT = """
WITH r AS (
    SELECT speaker AS name, speaker_type AS type, article_id, NULL AS country, NULL AS role, NULL AS org
    FROM quotes WHERE speaker IS NOT NULL {where_q}
    UNION ALL
    SELECT name, type, article_id, country, role, org FROM article_speakers WHERE true {where_s}
)
SELECT name, coalesce(bool_or(type = 'person'), false), count(DISTINCT article_id),
       list_sort(list(DISTINCT country) FILTER (WHERE country IS NOT NULL AND country <> '')),
       list_sort(list(DISTINCT role) FILTER (WHERE role IS NOT NULL AND role <> '')),
       list_sort(list(DISTINCT org) FILTER (WHERE org IS NOT NULL AND org <> ''))
FROM r GROUP BY name ORDER BY name
"""


def _collect(cur, names: Optional[Iterable[str]] = None) -> list[NameInfo]:
    """Every stored speaker name (or only ``names``) with what the store knows about it, sorted by name
    (aggregated in DuckDB: a Python set of article ids per name cost seconds at a million quotes)."""
    if names is None:
        rows = cur.execute(_COLLECT.format(where_q="", where_s="")).fetchall()
    else:
        cond = "AND {col} IN (SELECT unnest(?::VARCHAR[]))"
        names = sorted(names)
        rows = cur.execute(_COLLECT.format(where_q=cond.format(col="speaker"), where_s=cond.format(col="name")),
                           [names, names]).fetchall()
    return [NameInfo(name=n, person=bool(person), n_articles=int(k), countries=set(countries or ()),
                     roles={fold(r) for r in roles or ()}, orgs={fold(o) for o in orgs or ()})
            for n, person, k, countries, roles, orgs in rows]


MERGED_RULE = "merged by a reviewer"
SPLIT_RULE = "split off by a reviewer"


def apply_reviews(mapping: dict[str, tuple[str, str]], reviews: Iterable[tuple[str, dict]],
                  articles: Optional[dict[str, int]] = None) -> dict[str, tuple[str, str]]:
    """Apply reviewers' speaker corrections to a :func:`resolve` mapping, oldest first.

    Args:
        mapping: name -> (canonical, rule), as :func:`resolve` returns it (not modified).
        reviews: ``(action, after)`` pairs: ``("merge", {"name": A, "into": B})`` puts every name of A's
            person under B's canonical name (rule :data:`MERGED_RULE`); ``("split", {"name": A})`` makes A
            a person of its own (rule :data:`SPLIT_RULE`); when A was the canonical name of others, the one
            of them in most ``articles`` (then the longest name) becomes theirs. A correction naming a name
            the mapping lacks is skipped (its articles may have been deleted).
        articles: name -> number of articles, to pick a new canonical name (default: all equal).

    Returns:
        dict[str, tuple[str, str]]: the corrected mapping (every input name is a key).
    """
    out = dict(mapping)
    articles = articles or {}
    for action, after in reviews:
        name = after.get("name")
        if name not in out:
            continue
        if action == "merge":
            into = after.get("into")
            if into not in out:
                continue
            source, target = out[name][0], out[into][0]
            if source == target:
                continue
            for n, (c, r) in list(out.items()):
                if c == source:
                    out[n] = (target, MERGED_RULE)
        elif action == "split":
            old = out[name][0]
            rest = [n for n, (c, _) in out.items() if c == old and n != name]
            out[name] = (name, SPLIT_RULE)
            if old == name and rest:
                new = max(rest, key=lambda n: (articles.get(n, 0), len(n), n))
                for n in rest:
                    out[n] = (new, "canonical" if n == new else out[n][1])
    return out


def article_names(cur, article_ids: Iterable[str]) -> set[str]:
    """The speaker names of ``article_ids`` (in their quotes and speaker cards): what a write touches.
    Call it before deleting articles and after inserting them, and pass the union to :func:`refresh`."""
    ids = list(article_ids)
    if not ids:
        return set()
    return {n for (n,) in cur.execute(
        "SELECT speaker FROM quotes WHERE speaker IS NOT NULL AND article_id IN (SELECT unnest(?::VARCHAR[])) "
        "UNION SELECT name FROM article_speakers WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids, ids]).fetchall()}


def _reviews(cur) -> list[tuple[str, dict]]:
    import json

    from . import corrections

    corrections.ensure(cur)
    return [(a, json.loads(after)) for a, after in cur.execute(
        "SELECT action, after FROM corrections WHERE record = 'speaker' AND undone_at IS NULL ORDER BY id").fetchall()]


def _auto_rows(infos: list[NameInfo]) -> list[tuple]:
    """Rows of the table for ``infos`` (whole blocks), before reviews: canonical = auto_canonical."""
    mapping = resolve(infos)
    return [(i.name, *mapping[i.name], block_of(i.name, i.person), *mapping[i.name], i.article_count())
            for i in infos]


def refresh(cur, names: Optional[Iterable[str]] = None) -> int:
    """Recompute ``speaker_identities`` (inside the caller's transaction), then apply the reviewers' active
    speaker merges and splits (``corrections`` rows of record ``speaker``, :func:`apply_reviews`), so they
    survive every re-extraction and recomputation.

    Args:
        cur: a cursor of the store, inside the write transaction.
        names: the speaker names the write touched (:func:`article_names` of its articles before the
            deletes and after the inserts). Given, only the blocks (:func:`block_of`) of those names, as
            stored and as they are now, are re-resolved: :func:`resolve` never joins names of different
            blocks, so the table equals a full recomputation (``tests/test_identities.py`` checks it).
            None (or a table written before the blocks were stored): the whole table is recomputed.

    Returns:
        int: the number of names mapped to another canonical name.
    """
    cur.execute(SCHEMA)
    if names is not None and cur.execute("SELECT count(*) FROM speaker_identities WHERE block IS NULL OR starts_with(block, ?)",
                                         [_OLD_OTHER_BLOCK]).fetchone()[0]:
        names = None  # a table of an older version: no blocks, or blocks of an older scheme, to go by
    if names is None:
        cur.execute("DELETE FROM speaker_identities")
        rows = _auto_rows(_collect(cur))
    else:
        names = sorted(set(names))
        fresh = {i.name: i for i in _collect(cur, names)}
        blocks = {b for (b,) in cur.execute(
            "SELECT DISTINCT block FROM speaker_identities WHERE name IN (SELECT unnest(?::VARCHAR[]))",
            [names]).fetchall()}
        blocks |= {block_of(i.name, i.person) for i in fresh.values()}
        if not blocks:
            rows = []
        else:
            blocks_l = sorted(blocks)
            members = {n for (n,) in cur.execute(
                "SELECT name FROM speaker_identities WHERE block IN (SELECT unnest(?::VARCHAR[]))",
                [blocks_l]).fetchall()} - set(names)
            infos = sorted([*fresh.values(), *_collect(cur, members)], key=lambda i: i.name)
            cur.execute("DELETE FROM speaker_identities WHERE block IN (SELECT unnest(?::VARCHAR[])) "
                        "OR name IN (SELECT unnest(?::VARCHAR[]))", [blocks_l, names])
            rows = _auto_rows(infos)
    bulk.insert_rows(cur, "speaker_identities", _COLUMNS, rows)
    reviews = _reviews(cur)
    if reviews:  # without reviews the inserted rows are final as they are (canonical = auto_canonical)
        _apply_stored_reviews(cur, reviews)
    return cur.execute("SELECT count(*) FROM speaker_identities WHERE name <> canonical").fetchone()[0]


def _apply_stored_reviews(cur, reviews: list[tuple[str, dict]]) -> None:
    """Set ``canonical`` and ``rule`` of every row to the rule's grouping with ``reviews`` applied (a
    reviewer's merge joins names of different blocks, so this reads the whole auto mapping: one row
    per distinct name, far fewer than the quotes); only rows that change are updated."""
    stored = cur.execute("SELECT name, auto_canonical, auto_rule, n_articles, canonical, rule "
                         "FROM speaker_identities").fetchall()
    auto = {n: (c, r) for n, c, r, _, _, _ in stored}
    final = apply_reviews(auto, reviews, {n: k or 0 for n, _, _, k, _, _ in stored}) if reviews else auto
    changed = [(n, *final[n]) for n, _, _, _, c, r in stored if (c, r) != final[n]]
    if changed:
        import pandas as pd

        frame = pd.DataFrame(changed, columns=["name", "canonical", "rule"], dtype=object)
        cur.register("_identity_changes", frame)
        try:
            cur.execute("UPDATE speaker_identities SET canonical = c.canonical, rule = c.rule "
                        "FROM _identity_changes c WHERE speaker_identities.name = c.name")
        finally:
            cur.unregister("_identity_changes")


def canonical_of(store, name: str) -> str:
    """The canonical name of a stored speaker name (the name itself when not grouped or unknown)."""
    row = store.execute("SELECT canonical FROM speaker_identities WHERE name = ?", [name]).fetchone()
    return row[0] if row else name


def identity(store, name: str) -> Optional[dict]:
    """The person a speaker name belongs to, with its variants and articles.

    Returns:
        dict | None: ``canonical`` (str), ``variants`` (list of (name, rule, n_articles), most articles
        first), ``articles`` (list of dicts: ``id``, ``title``, ``outlet``, ``published``, ``name`` (the
        form used there), ``n_quotes``; newest first); None when the name is not in the table.
    """
    from . import aggregates

    canon = canonical_of(store, name)
    # the articles per name: from quote_totals when the store has it (summed over its keys it counts each
    # article once per speaker, aggregates.py), else from the quotes
    per_name = ("SELECT i.name, i.rule, coalesce(CAST(sum(t.articles) AS BIGINT), 0) FROM speaker_identities i "
                "LEFT JOIN quote_totals t ON t.speaker = i.name" if aggregates.available(store) else
                "SELECT i.name, i.rule, count(DISTINCT q.article_id) FROM speaker_identities i "
                "LEFT JOIN quotes q ON q.speaker = i.name")
    names = store.execute(f"{per_name} WHERE i.canonical = ? GROUP BY i.name, i.rule ORDER BY 3 DESC, i.name",
                          [canon]).fetchall()
    if not names:
        return None
    if aggregates.index_available(store):
        # the quotes per article and name from quote_facts (one row per quote, with the article's number), the
        # articles then by number: a scan of two narrow columns, not of quotes and a join on ids (at 10 M quotes
        # for a person of 27 names in 16,314 articles 0.25 -> 0.06-0.1 s)
        arts = store.execute(
            "WITH g AS (SELECT article_no, speaker, count(*) AS n FROM quote_facts "
            "WHERE speaker IN (SELECT unnest(?::VARCHAR[])) GROUP BY article_no, speaker) "
            "SELECT a.id, a.title, a.outlet, a.published, g.speaker, g.n FROM g "
            "JOIN articles a ON a.article_no = g.article_no ORDER BY a.published DESC NULLS LAST, a.id",
            [[n for n, _, _ in names]]).fetchall()
    else:
        arts = store.execute(
            "SELECT a.id, a.title, a.outlet, a.published, q.speaker, count(*) FROM quotes q "
            "JOIN speaker_identities i ON i.name = q.speaker JOIN articles a ON a.id = q.article_id "
            "WHERE i.canonical = ? GROUP BY a.id, a.title, a.outlet, a.published, q.speaker "
            "ORDER BY a.published DESC NULLS LAST, a.id", [canon]).fetchall()
    return {
        "canonical": canon,
        "variants": [(n, r, int(k)) for n, r, k in names],
        "articles": [dict(zip(("id", "title", "outlet", "published", "name", "n_quotes"), r)) for r in arts],
    }
