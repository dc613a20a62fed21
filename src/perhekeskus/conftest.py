"""Fixtures for the whole suite: role personas, the audit guard opened for Django's flush, an
empty cache per test, and (`testing/demo.py`) the demo network loaded once per process."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management.commands import flush
from django.test import Client

from perhekeskus.accounts.models import User
from perhekeskus.audit.guard import audit_table_writable_for_flush
from perhekeskus.core.roles import Role
from perhekeskus.testing.factories import OrganizationFactory, UserFactory

pytest_plugins = ["perhekeskus.testing.browser", "perhekeskus.testing.demo"]

_original_flush_handle = flush.Command.handle


def _flush_with_audit_open(self: Any, *args: Any, **options: Any) -> Any:
    # Transactional tests (live server, browser) end with a flush of every table. The append-only
    # guard would refuse to empty the audit table (DELETE on SQLite, TRUNCATE on PostgreSQL);
    # the harness, and only it, opens it for that.
    with audit_table_writable_for_flush():
        return _original_flush_handle(self, *args, **options)


flush.Command.handle = _flush_with_audit_open  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache (rate-limit counters live there; on Redis too, where
    each xdist worker clears only its own keys: `testing/cache.py`)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _no_language_left_active() -> Iterator[None]:
    """Each test starts as the test environment does, in the site's default language (Finnish). A
    request through the test client leaves its page's language active in the worker's thread
    (LocaleMiddleware does not reset it): without this, what a test sees would depend on the
    tests that ran before it."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def organization(db: None) -> Any:
    return OrganizationFactory.create(name="Itä-Uudenmaan hyvinvointialue")


@pytest.fixture
def other_organization(db: None) -> Any:
    return OrganizationFactory.create(name="Askolan kunta")


@pytest.fixture
def coordinator(organization: Any) -> User:
    return UserFactory.create(
        email="coordinator@example.org", organization=organization, roles=[Role.COORDINATOR]
    )


@pytest.fixture
def editor(organization: Any) -> User:
    return UserFactory.create(
        email="editor@example.org",
        organization=organization,
        roles=[Role.ORGANIZATION_EDITOR, Role.PROFESSIONAL],
    )


@pytest.fixture
def professional(organization: Any) -> User:
    return UserFactory.create(
        email="nurse@example.org", organization=organization, roles=[Role.PROFESSIONAL]
    )


@pytest.fixture
def team_member(organization: Any) -> User:
    return UserFactory.create(
        email="team@example.org",
        organization=organization,
        roles=[Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM],
    )


@pytest.fixture
def admin_user(db: None) -> User:
    return UserFactory.create(
        email="admin@example.org", organization=None, is_staff=True, is_superuser=True
    )


@pytest.fixture
def resident() -> Client:
    """A family member: no account, an anonymous browser."""
    return Client()
