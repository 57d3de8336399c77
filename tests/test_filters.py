"""Tests of components.store.filters: the filter definitions turned into SQL fragments and bound values."""

from __future__ import annotations

import pytest

from components.store import filters as F
from components.store.filters import QueryFilters


def test_filters_where_clauses_bind_values_not_sql():
    f = QueryFilters(speakers=("x'); DROP TABLE quotes; --",), text="50%_off")
    bits, params = F.where_clauses(f, "quote")
    assert bits == [F._SAME_PERSON.format(col="q.speaker"), "contains(lower(q.text), ?)"]
    assert params == [["x'); DROP TABLE quotes; --"]] * 2 + ["50%_off"]


def test_filters_where_clauses_quote_filters_reach_places_through_articles():
    bits, params = F.where_clauses(QueryFilters(kinds=("direct",), collections=("seed",)), "place")
    assert bits[0] == "p.article_id IN (SELECT a.id FROM articles a WHERE list_contains(?, a.collection))"
    assert bits[1] == "p.article_id IN (SELECT q.article_id FROM quote_facts q WHERE list_contains(?, q.kind))"
    assert params == [["seed"], ["direct"]]


def test_filters_quote_scope_cte_evaluates_quote_filters_once():
    f = QueryFilters(kinds=("direct",), collections=("seed",))
    cte, params = F.quote_scope_cte(f)
    assert cte.startswith("quote_scope AS MATERIALIZED (SELECT DISTINCT q.article_id FROM quote_facts q WHERE")
    assert params == [["direct"]]
    bits, bparams = F.where_clauses(f, "place", use_quote_scope=True)
    assert bits[1] == "p.article_id IN (SELECT article_id FROM quote_scope)" and bparams == [["seed"]]
    assert F.quote_scope_cte(QueryFilters(collections=("seed",))) is None


def test_filters_where_clauses_rejects_unknown_target():
    with pytest.raises(ValueError, match="unknown target"):
        F.where_clauses(QueryFilters(), "users")
