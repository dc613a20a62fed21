"""The unmet-search log keeps words, never a person, cannot be flooded, and is deleted after
its retention period (security review F-09)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from perhekeskus.finder import unmet
from perhekeskus.finder.models import ZeroResultQuery
from perhekeskus.finder.search.analysis import voikko_available
from perhekeskus.finder.services import search_index_rebuild, zero_result_purge, zero_result_record
from perhekeskus.testing.factories import ServiceFactory

pytestmark = pytest.mark.django_db

needs_voikko = pytest.mark.skipif(not voikko_available(), reason="Voikko is not installed")


@pytest.fixture(autouse=True)
def catalogue() -> Iterator[None]:
    """A catalogue whose vocabulary has a few words (and the settings' defaults: 3 addresses)."""
    from perhekeskus.finder.search import vocabulary

    with translation.override("fi"):
        service = ServiceFactory.create(
            name="Lasten hammashoito",
            name_sv="Tandvård för barn",
            name_en="Children's dental care",
        )
        search_index_rebuild(service_ids=[service.pk])
    vocabulary.clear()
    yield
    vocabulary.clear()


def kept(text: str, language: str = "fi", client: str = "a") -> str:
    return unmet.unmet_search_text(text, language, client=client)


@needs_voikko
def test_the_reviewers_example_keeps_no_name_number_or_identity_code() -> None:
    assert kept("Matti Meikäläinen 0401234567 hetu 010190-123A") == ""
    assert kept("hammashoito Matti Meikäläinen 040 123 4567") == "hammashoito"
    assert kept("hammashoito virtanen") == "hammashoito"  # a surname in lower case


@pytest.mark.parametrize(
    "personal",
    [
        "010190-123A",
        "131052+308T",
        "020305A123B",
        "maija.meikalainen@example.org",
        "+358 40 123 4567",
        "040-1234567",
        "(09) 123 4567",
        "https://example.org/maija",
        "asunto12",
    ],
)
def test_identity_codes_addresses_phone_numbers_and_digits_are_dropped(personal: str) -> None:
    assert kept(f"hammashoito {personal}") == "hammashoito"


def test_the_identity_code_pattern_has_its_check_character() -> None:
    assert unmet.HETU.search("syntynyt 010190-123A")
    assert unmet.HETU.search("010190A123B")  # the 2000s' century sign
    assert not unmet.HETU.search("010190-123G")  # G is never a check character


@needs_voikko
def test_common_words_are_kept_and_names_are_not() -> None:
    assert kept("autismi tuki") == "autismi tuki"
    assert kept("Hammashoito") == "hammashoito"
    assert kept("jussi liisa") == ""


def test_unknown_words_need_three_addresses_the_same_day() -> None:
    assert kept("nepsyvalmennus", client="a") == ""
    assert kept("nepsyvalmennus", client="a") == ""  # the same address again counts once
    assert kept("nepsyvalmennus", client="b") == ""
    assert kept("nepsyvalmennus", client="c") == "nepsyvalmennus"
    assert kept("nepsyvalmennus", client="a") == "nepsyvalmennus"
    assert kept("tandvård nepsyvalmennus", "sv", client="a") == "tandvård"


def test_a_capitalised_word_after_the_first_is_a_name_unless_the_catalogue_uses_it() -> None:
    for client in "abc":
        kept("Qwzxyv Blörpson", client=client)
    assert kept("Qwzxyv Blörpson", client="d") == "qwzxyv"
    assert kept("lasten Hammashoito") == "lasten hammashoito"


def test_stop_words_alone_are_not_recorded() -> None:
    assert kept("ja tai") == ""


def test_through_a_search_page_one_address_adds_at_most_its_daily_cap(settings: Any) -> None:
    settings.FINDER_UNMET_SEARCH_PER_CLIENT_PER_DAY = 3
    settings.FINDER_UNMET_SEARCH_MIN_CLIENTS = 1
    flooder = Client(REMOTE_ADDR="203.0.113.7")
    for number in range(6):
        flooder.get("/fi/search", {"q": f"floodzz{'x' * number}"})
    assert ZeroResultQuery.objects.count() == 3
    other = Client(REMOTE_ADDR="203.0.113.8")
    other.get("/fi/search", {"q": "floodzzother"})
    assert ZeroResultQuery.objects.count() == 4


def test_new_rows_a_day_are_capped_but_known_ones_still_count(settings: Any) -> None:
    settings.FINDER_UNMET_SEARCH_NEW_PER_DAY = 2
    settings.FINDER_UNMET_SEARCH_MIN_CLIENTS = 1
    settings.FINDER_UNMET_SEARCH_PER_CLIENT_PER_DAY = 100
    for text in ("aaaqq", "bbbqq", "cccqq", "dddqq"):
        zero_result_record(query=text, language="fi")
    zero_result_record(query="aaaqq", language="fi")
    rows = dict(ZeroResultQuery.objects.values_list("query", "count"))
    assert rows == {"aaaqq": 2, "bbbqq": 1}


def test_nothing_about_the_address_is_stored(settings: Any) -> None:
    settings.FINDER_UNMET_SEARCH_MIN_CLIENTS = 1
    Client(REMOTE_ADDR="198.51.100.99").get("/fi/search", {"q": "zzqqyy"})
    row = ZeroResultQuery.objects.get()
    assert "198.51.100.99" not in str(row.__dict__)


def test_old_rows_are_deleted_after_the_retention_period(settings: Any) -> None:
    settings.FINDER_UNMET_SEARCH_RETENTION_DAYS = 30
    today = timezone.localdate()
    for age in (0, 30, 31, 400):
        ZeroResultQuery.objects.create(
            query=f"q{age}", language="fi", date=today - dt.timedelta(days=age), count=1
        )
    out = io.StringIO()
    call_command("purge_unmet_searches", stdout=out)
    assert "Deleted 2" in out.getvalue()
    assert sorted(ZeroResultQuery.objects.values_list("query", flat=True)) == ["q0", "q30"]
    assert zero_result_purge(older_than_days=0) == 1


UNMET_ADMIN = "/fi/pro/catalog/finder/zeroresultquery/"


def _row(text: str = "matti virtanen") -> ZeroResultQuery:
    return ZeroResultQuery.objects.create(
        query=text, language="fi", date=timezone.localdate(), count=1
    )


def test_a_coordinator_can_delete_a_count_that_names_someone(coordinator: Any) -> None:
    from django.contrib.admin.models import LogEntry

    from perhekeskus.audit.models import AuditEntry
    from perhekeskus.testing.clients import logged_in_client

    row = _row()
    client = logged_in_client(coordinator)
    assert client.get(UNMET_ADMIN).status_code == 200
    answer = client.post(f"{UNMET_ADMIN}{row.pk}/delete/", {"post": "yes"})
    assert answer.status_code == 302
    assert not ZeroResultQuery.objects.exists()
    entry = AuditEntry.objects.get(action="finder.unmet.delete")
    assert entry.details == {"deleted": 1}
    assert "virtanen" not in str(entry.__dict__)
    assert not LogEntry.objects.filter(object_repr__icontains="virtanen").exists()


def test_others_cannot_delete_counts(editor: Any) -> None:
    from perhekeskus.audit.models import AuditEntry
    from perhekeskus.core.errors import PolicyDenied
    from perhekeskus.finder.services import zero_result_delete
    from perhekeskus.testing.clients import logged_in_client

    row = _row()
    client = logged_in_client(editor)
    assert client.post(f"{UNMET_ADMIN}{row.pk}/delete/", {"post": "yes"}).status_code in (
        302,
        403,
    )
    with pytest.raises(PolicyDenied):
        zero_result_delete(actor=editor, ids=[row.pk])
    assert ZeroResultQuery.objects.filter(pk=row.pk).exists()
    assert not AuditEntry.objects.filter(action="finder.unmet.delete").exists()
