"""What keeps the search fast must not change what it finds: common words asked about only among
the other words' documents give exactly the pages that asking everywhere gives; the databases'
shortcuts for "only these documents" answer what a plain look-up answers; a search process keeps
its big caches out of the garbage collector's way. The same tests run on SQLite and PostgreSQL."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.test import TestCase, override_settings
from django.utils import translation

from perhekeskus.finder.models import ZeroResultQuery
from perhekeskus.finder.search import cache as search_cache
from perhekeskus.finder.search import engine, ranking, vocabulary
from perhekeskus.finder.search.backends import backend
from perhekeskus.finder.search.documents import documents
from perhekeskus.finder.search.types import SearchFilters, SearchPage
from perhekeskus.finder.search.vocabulary import index_state
from perhekeskus.finder.services import search_index_rebuild

# Queries with words that more than a fifth of the demo's documents hold ("lapsi", "perhe",
# "tuki", "family", "parent", "support", "familj", "stöd"), alone and beside rarer words, with
# and without filters.
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("lapsi", "fi", {}),
    ("lapsi ei nuku", "fi", {}),
    ("perhe neuvola", "fi", {}),
    ("tukea vanhemmuuteen", "fi", {}),
    ("perheen tuki", "fi", {"municipality": "018"}),
    ("lapsen puheterapia", "fi", {"age": 3}),
    ("lasta kiusataan koulussa", "fi", {}),
    ("väsynyt vanhempi perhe", "fi", {"task": 2}),
    ("family support", "en", {}),
    ("parent group", "en", {}),
    ("exhausted parent", "en", {}),
    ("family counselling", "en", {"municipality": "853"}),
    ("stöd familj", "sv", {}),
    ("familj skilsmässa", "sv", {"channel": "phone"}),
]


@pytest.fixture(autouse=True)
def _in_finnish() -> Iterator[None]:
    with translation.override("fi"):
        yield


def _page(text: str, language: str, filters: dict[str, Any], page: int = 1) -> SearchPage:
    return engine.search_services(
        query=text, filters=SearchFilters(**filters), language=language, page=page, per_page=5
    )


def _shown(page: SearchPage) -> tuple[Any, ...]:
    return (
        page.total,
        [(hit.service.pk, hit.score, hit.distance_km) for hit in page.hits],
        page.facets,
        page.suggestion,
        [r.key for r in page.related],
    )


@pytest.mark.usefixtures("demo_network")
class DemoTestCase(TestCase):
    """On the demo region, loaded once per process (testing/demo.py)."""


class PruningTests(DemoTestCase):
    def test_common_words_asked_among_the_others_documents_change_nothing(self) -> None:
        outcomes: list[bool] = []

        def recording(*args: Any, **kwargs: Any) -> bool:
            outcomes.append(ranking.outside_excluded(*args, **kwargs))
            return outcomes[-1]

        for text, language, filters in QUERIES:
            for page in (1, 2):
                with (
                    mock.patch.object(engine, "PRUNE_COMMON_WORDS", True),
                    mock.patch.object(engine, "outside_excluded", side_effect=recording),
                ):
                    pruned = _shown(_page(text, language, filters, page))
                with mock.patch.object(engine, "PRUNE_COMMON_WORDS", False):
                    everywhere = _shown(_page(text, language, filters, page))
                assert pruned == everywhere, (text, language, filters, page)
        # The shortcut was taken, and kept, for some of them: the comparison above means something.
        assert outcomes, "no query asked about common words among the other words' documents"
        assert any(outcomes), "every shortcut was undone: the queries need another mix of words"

    def test_a_shortcut_that_could_change_the_results_is_undone(self) -> None:
        # Told that documents outside could have been shown, the search asks everywhere after all.
        with (
            mock.patch.object(engine, "outside_excluded", return_value=False) as check,
            mock.patch.object(engine, "PRUNE_COMMON_WORDS", True),
        ):
            pruned = _shown(_page("lapsi ei nuku", "fi", {}))
        with mock.patch.object(engine, "PRUNE_COMMON_WORDS", False):
            everywhere = _shown(_page("lapsi ei nuku", "fi", {}))
        assert check.called
        assert pruned == everywhere

    def test_reach_counts_the_words_common_tokens_alone_can_satisfy(self) -> None:
        from perhekeskus.finder.search import query as query_plan
        from perhekeskus.finder.search import thesaurus

        state = index_state()
        plan = query_plan.plan(
            "lapsi kiusaaminen",
            "fi",
            vocabulary=vocabulary.vocabulary(state, "fi"),
            concepts=thesaurus.concepts(state),
            backend=backend(),
        )
        lapsi = plan.groups[0].tokens()
        assert ranking.reach(plan, lapsi) == 1
        assert ranking.reach(plan, set()) == 0
        assert ranking.may_exclude_outside(words=2, outside_reach=1)
        assert not ranking.may_exclude_outside(words=2, outside_reach=2)
        # With three words one may be missing: a document with one word of three can be shown.
        assert not ranking.may_exclude_outside(words=3, outside_reach=2)


class BackendShortcutTests(DemoTestCase):
    def test_asking_about_some_documents_answers_what_a_full_look_up_answers(self) -> None:
        db = backend()
        state = index_state()
        docs = sorted(documents(state, "fi").by_pk)
        some = set(docs[::3])
        tokens = ["lapsi", "perhe", "neuvola", "_neuvola", "puheterapia"]
        only = {"lapsi": ("a", "b", "c"), "perhe": ("a", "b", "c")}
        full = db.match("fi", tokens, only)
        # Told that every token is very frequent (PostgreSQL: looked up by document id) and told
        # nothing (by the index, filtered as the rows arrive).
        for frequencies in ({t: 10**6 for t in tokens}, None):
            asked = db.match("fi", tokens, only, some, frequencies)
            assert asked == [{d: m for d, m in p.items() if d in some} for p in full]
        assert any(full), "the demo should hold these tokens"
        assert db.match("fi", tokens, only, set()) == [{} for _ in tokens]

    def test_phrases_among_some_documents(self) -> None:
        db = backend()
        docs = sorted(documents(index_state(), "fi").by_pk)
        some = set(docs[::2])
        phrases = {"perhe neuvola": [["perhe", "_perhe"], ["neuvola", "_neuvola"]]}
        full = db.match_phrases("fi", phrases, ("a", "b"))
        asked = db.match_phrases("fi", phrases, ("a", "b"), some)
        assert asked == {k: {d: m for d, m in p.items() if d in some} for k, p in full.items()}


def test_a_large_cache_is_kept_out_of_the_collectors_way() -> None:
    before = gc.get_freeze_count()
    try:
        with mock.patch.object(vocabulary, "SETTLE_ABOVE", 10):
            vocabulary.settle(9)
            assert gc.get_freeze_count() == before
            vocabulary.settle(10)
            assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


class PassingTests(DemoTestCase):
    def test_filter_sets_let_through_what_each_document_says_it_passes(self) -> None:
        docs = documents(index_state(), "fi")
        organization = next(iter(docs.by_pk.values())).organization_id
        combinations: list[dict[str, Any]] = [
            {},
            {"municipality": "018"},
            {"municipality": "999"},
            {"age": 0},
            {"age": 15, "municipality": "837"},
            {"task": 4},
            {"task": 3, "channel": "phone", "age": 2},
            {"channel": "visit", "municipality": "751"},
            {"organization_id": organization, "age": 29},
        ]
        for values in combinations:
            filters = SearchFilters(**values)
            expected = {d.pk for d in docs.by_name if d.passes(filters)}
            assert docs.passing(filters) == expected, values
        assert docs.passing(SearchFilters(municipality="018")) < set(docs.by_pk)


class ResultCacheTests(DemoTestCase):
    def setUp(self) -> None:
        search_cache.clear()
        self.addCleanup(search_cache.clear)

    def test_a_search_that_comes_again_is_answered_from_the_cache_the_same(self) -> None:
        searches: list[tuple[str, str, dict[str, Any], int]] = [
            ("neuvola", "fi", {}, 1),
            ("neuvola", "fi", {}, 2),
            ("neuvola", "fi", {}, 3),
            ("neuvola", "fi", {"near": (60.53, 25.6)}, 1),
            ("perheneuvola", "fi", {"municipality": "018", "age": 4}, 1),
            ("", "fi", {"municipality": "018"}, 1),
            ("", "fi", {"municipality": "018"}, 2),
            ("skilsmässa", "sv", {}, 1),
            ("perhenuevola", "fi", {}, 1),
        ]
        fresh = [_shown(_page(t, lang, f, page)) for t, lang, f, page in searches]
        with override_settings(FINDER_SEARCH_CACHE_SIZE=16):
            first = [_shown(_page(t, lang, f, page)) for t, lang, f, page in searches]
            with mock.patch.object(engine, "_rank", side_effect=AssertionError("not cached")):
                again = [_shown(_page(t, lang, f, page)) for t, lang, f, page in searches]
                # By now in page order: every page a slice of it.
                sliced = [_shown(_page(t, lang, f, page)) for t, lang, f, page in searches]
        assert fresh == first == again == sliced
        assert all(len(p[1]) for p in fresh[:3]), "the test needs three full pages"
        # Pages and `near` share one ranking: five different searches.
        assert search_cache.size() == 5

    def test_what_the_cache_must_not_keep(self) -> None:
        with override_settings(FINDER_SEARCH_CACHE_SIZE=16):
            _page("neuvola", "fi", {"open_now": True})  # depends on the clock
            assert search_cache.size() == 0
            _page("neuvola", "fi", {})
            assert search_cache.size() == 1
            # Any change of the index makes a new key: the old ranking is never used again.
            search_index_rebuild()
            with mock.patch.object(engine, "_rank", wraps=engine._rank) as ranked:
                _page("neuvola", "fi", {})
            assert ranked.called
        with override_settings(FINDER_SEARCH_CACHE_SIZE=0):
            search_cache.clear()
            _page("neuvola", "fi", {})
            assert search_cache.size() == 0

    def test_the_least_recently_used_go_first(self) -> None:
        with override_settings(FINDER_SEARCH_CACHE_SIZE=2):
            _page("neuvola", "fi", {})
            _page("perheneuvola", "fi", {})
            _page("neuvola", "fi", {})  # used again: kept
            _page("lastenvalvoja", "fi", {})
            assert search_cache.size() == 2
            with mock.patch.object(engine, "_rank", wraps=engine._rank) as ranked:
                _page("neuvola", "fi", {})
                assert not ranked.called
                _page("perheneuvola", "fi", {})
                assert ranked.called

    def test_searches_without_results_are_counted_every_time(self) -> None:
        with override_settings(FINDER_SEARCH_CACHE_SIZE=16, FINDER_UNMET_SEARCH_MIN_CLIENTS=1):
            for _ in range(3):
                page = _page("qwxzyvvq", "fi", {})
                assert page.total == 0 and page.related
        assert ZeroResultQuery.objects.get(query="qwxzyvvq").count == 3
