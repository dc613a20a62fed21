"""The half-finished login's read of its user: a deactivated account goes no further."""

from __future__ import annotations

import pytest

from perhekeskus.accounts.selectors import user_get_active
from perhekeskus.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_active_user_is_found_by_id() -> None:
    user = UserFactory.create()
    assert user_get_active(user_id=user.pk) == user


def test_a_deactivated_or_unknown_user_is_not() -> None:
    gone = UserFactory.create(is_active=False)
    assert user_get_active(user_id=gone.pk) is None
    assert user_get_active(user_id=999999) is None
