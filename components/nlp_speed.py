"""A faster ``attribute_ruler`` for en_core_web_sm: the same rules, matched through a table.

en_core_web_sm's ``attribute_ruler`` sets each token's coarse part of speech and morphology from its
fine tag (a tag map of 56 one-token rules, ``{"TAG": "NN"}``) and applies about 120 exceptions
(``{"TAG": "DT", "LOWER": "the"}`` -> ``Definite=Def``). spaCy runs all 179 rules through a
``Matcher``, which tries every rule at every token: profiled on the 84 PolNeAR dev articles
(2026-12-06), 1.65 of the parse's 16 CPU s, more than the tagger and the parser's own layer. Most rules
are one token whose attributes must equal given strings; such a rule matches token ``i`` exactly when
the tuple of those attributes of ``i`` is the rule's tuple, which one dictionary lookup per token
decides. :class:`TableAttributeRuler` keeps the component, its rules and its serialisation; it matches
those rules with one ``Doc.to_array`` and a dictionary per attribute set, and the others
(multi-token rules, ``IN`` and ``REGEX`` predicates) with a spaCy ``Matcher`` holding only them; then
applies every match in spaCy's order (by rule number: a later rule overrides an earlier one) and
writes the changed attributes with one ``Doc.from_array``.

The annotation is identical token for token: ``tests/test_nlp_speed.py`` compares every attribute
with the stock component on invented text, and the extraction output of every dev set and the seed
is byte-identical. spaCy's class stays the reference: :func:`speed_up_attribute_ruler` changes only a
component of exactly spaCy's ``AttributeRuler`` class whose rules set only part of speech, tag,
dependency, morphology and lemma.
"""

from __future__ import annotations

import itertools

import numpy

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# the token attributes the table ruler writes (those en_core_web_sm's rules set)
_RULER_ATTRS = frozenset({POS, TAG, DEP, MORPH, LEMMA})
# pattern keys a one-token rule may test by equality with a string to be matched through the table
_TABLE_KEYS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "DEP": DEP, "NORM": NORM, "IS_SPACE": IS_SPACE}


class TableAttributeRuler(AttributeRuler):
    """:class:`spacy.pipeline.AttributeRuler` matching its one-token equality rules through a table.

    :meth:`match` returns the matches of :meth:`AttributeRuler.match` (``(rule number, key, start,
    end)``, sorted); :meth:`set_annotations` applies them in that order and writes the changed
    columns at once. Rules added later (:meth:`add`) rebuild the table on the next call.
    """

    _table = None

    def add(self, patterns, attrs, index: int = 0) -> None:  # noqa: D102 (AttributeRuler.add)
        AttributeRuler.add(self, patterns, attrs, index)
        self._table = None

    def clear(self) -> None:  # noqa: D102 (AttributeRuler.clear)
        AttributeRuler.clear(self)
        self._table = None

    def _build_table(self):
        """Split the rules: one-token patterns of equality (``"the"``), ``IN`` and ``NOT_IN`` tests on
        the attributes of :data:`_TABLE_KEYS`, with at least one equality or ``IN`` test, go into
        ``{attribute ids: {values: [(rule number, NOT_IN tests)]}}`` (one entry per combination of
        ``IN`` values); the rest into a ``Matcher`` keyed as the stock one (rule number as a string)."""
        strings = self.vocab.strings

        def value(v):
            return int(v) if isinstance(v, bool) else strings.add(v) if isinstance(v, str) else None

        tables: dict[tuple[int, ...], dict[tuple[int, ...], list]] = {}
        rest = Matcher(self.vocab)
        keys, negated = [], set()
        for n in range(len(self.attrs)):
            key = str(n)
            keys.append(strings.add(key))
            others = []
            for pat in self.matcher.get(key)[1]:
                entry = _table_entry(pat, value)
                if entry is None:
                    others.append(pat)
                    continue
                sig, choices, neg = entry
                negated.update(a for a, _ in neg)
                table = tables.setdefault(sig, {})
                for vals in itertools.product(*choices):
                    table.setdefault(vals, []).append((n, neg))
            if others:
                rest.add(key, others)
        cols = sorted({a for sig in tables for a in sig} | negated)
        plan = []
        for sig, table in tables.items():
            where = [cols.index(a) for a in sig]
            firsts = numpy.array(sorted({vals[0] for vals in table}), dtype=numpy.uint64)
            table = {vals if len(vals) > 1 else vals[0]: [(n, tuple((cols.index(a), s) for a, s in neg)) for n, neg in hits]
                     for vals, hits in table.items()}
            plan.append((where, firsts, table))
        self._table = (cols, plan, rest, keys)
        return self._table

    def match(self, doc: Doc):
        """The matches of every rule in ``doc``: ``(rule number, rule key, start, end)``, sorted."""
        cols, plan, rest, keys = self._table or self._build_table()
        matches = []
        if len(doc) and cols:
            arr = doc.to_array(cols).reshape((len(doc), len(cols)))
            rows = arr.tolist()
            for where, firsts, table in plan:
                # the tokens whose first tested attribute has a value of the table, then the lookup
                # (by the value itself for one attribute, by the tuple of values for several)
                k0 = where[0]
                for i in numpy.flatnonzero(numpy.isin(arr[:, k0], firsts)).tolist():
                    row = rows[i]
                    hits = table.get(row[k0] if len(where) == 1 else tuple([row[k] for k in where]))
                    if hits:
                        for n, neg in hits:
                            if not neg or not any(row[k] in s for k, s in neg):
                                matches.append((n, keys[n], i, i + 1))
        if len(rest):
            strings = self.vocab.strings
            matches += [(int(strings[m]), m, s, e) for m, s, e in rest(doc, allow_missing=True, as_spans=False)]
        matches.sort()
        return matches

    def set_annotations(self, doc: Doc, matches) -> None:
        """Apply ``matches`` (:meth:`match`) in order, as the stock method does one token at a time,
        then write the changed columns with one ``Doc.from_array``. A match whose token index lies
        outside it goes to the stock method, which raises its ``ValueError``."""
        final: dict[int, dict[int, int]] = {}
        for attr_id, _key, start, end in matches:
            index = self.indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                return AttributeRuler.set_annotations(self, doc, matches)
            final.setdefault(i, {}).update(self.attrs[attr_id])
        if not final:
            return None
        cols = sorted({a for attrs in final.values() for a in attrs})
        arr = doc.to_array(cols).reshape((len(doc), len(cols)))
        where = {a: k for k, a in enumerate(cols)}
        for i, attrs in final.items():
            for a, v in attrs.items():
                arr[i, where[a]] = v
        doc.from_array(cols, arr)
        return None


def _table_entry(pat, value):
    """``(attribute ids, per id the values allowed, NOT_IN tests as (id, values))`` of a one-token
    pattern whose every test is an equality, ``IN`` or ``NOT_IN`` on an attribute of
    :data:`_TABLE_KEYS` with string (or boolean) values and which has an equality or ``IN`` test;
    else None. ``value`` turns a pattern value into the attribute's integer (None if it cannot)."""
    if len(pat) != 1 or not pat[0]:
        return None
    eq, neg, seen = [], [], set()
    for k, v in pat[0].items():
        a = _TABLE_KEYS.get(k)
        if a is None or a in seen:
            return None
        seen.add(a)
        if isinstance(v, dict) and len(v) == 1 and set(v) <= {"IN", "NOT_IN"} and isinstance(next(iter(v.values())), list):
            vals = [value(x) for x in next(iter(v.values()))]
            if None in vals:
                return None
            if "IN" in v:
                eq.append((a, list(dict.fromkeys(vals))))
            else:
                neg.append((a, frozenset(vals)))
        else:
            x = value(v)
            if x is None:
                return None
            eq.append((a, [x]))
    if not eq:
        return None
    eq.sort(key=lambda e: e[0])
    return tuple(a for a, _ in eq), [c for _, c in eq], tuple(neg)


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Make ``nlp``'s ``attribute_ruler`` a :class:`TableAttributeRuler`, in place (same rules, same
    annotation). Only a component of exactly spaCy's ``AttributeRuler`` class whose rules set only part
    of speech, tag, dependency, morphology and lemma is changed.

    Returns:
        bool: whether the component was changed.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ar = nlp.get_pipe("attribute_ruler")
    if type(ar) is not AttributeRuler or not all(set(a) <= _RULER_ATTRS for a in ar.attrs):
        return False
    ar.__class__ = TableAttributeRuler
    return True
