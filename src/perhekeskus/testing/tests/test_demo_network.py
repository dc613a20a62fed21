"""The shared demo network (testing/demo.py): loaded once per process, the same for every test
that asks for it, and never seen by a test that did not."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from django.test import TestCase

from perhekeskus.accounts.models import User
from perhekeskus.appointments.models import AppointmentType, Booking
from perhekeskus.audit.models import AuditEntry
from perhekeskus.catalog.models import Organization, Service
from perhekeskus.demo import network
from perhekeskus.finder.models import SearchDocument
from perhekeskus.testing.demo import CommittedDemo, DemoNetwork


@pytest.mark.django_db
def test_the_demo_is_there_with_its_search_index(demo_network: DemoNetwork) -> None:
    assert demo_network.summary.services == Service.objects.count() > 80
    assert Organization.objects.count() == len(network.ORGANIZATIONS)
    assert SearchDocument.objects.count() == Service.objects.public().count() * 3


@pytest.mark.django_db
def test_the_demo_is_loaded_once_per_process(demo_network: DemoNetwork) -> None:
    # The demo tests run in one stretch in each process (pytest_collection_modifyitems), so
    # nothing rolled the demo back before this one.
    assert demo_network.loads == 1, (
        "the demo tests did not run in one stretch: another --dist mode than xdist's default "
        "'load', or a plugin that reorders tests"
    )


@pytest.mark.django_db
def test_a_test_changes_the_demo_only_for_itself_first(demo_network: DemoNetwork) -> None:
    # A service's appointment types and their bookings protect it: they go first.
    Booking.objects.all().delete()
    AppointmentType.objects.all().delete()
    Service.objects.all().delete()
    User.objects.filter(email__endswith=network.DEMO_DOMAIN).update(full_name="Muutettu")
    assert not Service.objects.exists()


@pytest.mark.django_db
def test_a_test_changes_the_demo_only_for_itself_then(demo_network: DemoNetwork) -> None:
    assert Service.objects.count() == demo_network.summary.services
    assert not User.objects.filter(full_name="Muutettu").exists()


@pytest.mark.usefixtures("demo_network")
class FirstDemoTestCase(TestCase):
    def test_a_class_sees_the_demo(self) -> None:
        assert Service.objects.exists()


@pytest.mark.usefixtures("demo_network")
class SecondDemoTestCase(TestCase):
    def test_the_next_class_still_does(self) -> None:
        # Django closes the connections after each TestCase class; on PostgreSQL that would
        # have ended the demo's transaction.
        assert Service.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_after_the_demo_tests_finds_an_empty_database() -> None:
    # pytest-django runs transactional tests after the others, so after this module's demo
    # tests: the demo's transaction was rolled back before this one began.
    assert not Organization.objects.exists()
    assert not User.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_a_test_without_the_demo_finds_an_empty_catalogue() -> None:
    assert not Organization.objects.exists()
    assert not Service.objects.exists()


def _count_services_in_another_thread() -> int:
    # As the live server reads: in a thread of its own, with its own connection (on an in-memory
    # SQLite database, Django's live server shares this thread's).
    counted: list[int] = []

    def count() -> None:
        try:
            counted.append(Service.objects.count())
        finally:
            connections.close_all()

    thread = threading.Thread(target=count)
    thread.start()
    thread.join()
    assert counted, "the other thread could not read"
    return counted[0]


@pytest.mark.django_db(transaction=True)
def test_the_committed_demo_is_committed_and_changed_only_for_one_test_first(
    committed_demo: CommittedDemo,
) -> None:
    assert Service.objects.count() == committed_demo.summary.services > 80
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        assert _count_services_in_another_thread() == committed_demo.summary.services
    Booking.objects.all().delete()
    AppointmentType.objects.all().delete()
    Service.objects.all().delete()
    User.objects.filter(email__endswith=network.DEMO_DOMAIN).update(full_name="Muutettu")
    assert not Service.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_committed_demo_is_changed_only_for_one_test_then(
    committed_demo: CommittedDemo,
) -> None:
    assert Service.objects.count() == committed_demo.summary.services
    assert not User.objects.filter(full_name="Muutettu").exists()
    assert SearchDocument.objects.count() == Service.objects.public().count() * 3
    # Loaded by the first test that asked in this process, restored from its copy after.
    assert committed_demo.loads == 1
