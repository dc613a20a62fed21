"""The events' deploy check: sign-ups and forum topics without a rate limit are an error in
production, and nothing is said when the limits are on."""

from __future__ import annotations

import os
import subprocess
import sys

from django.test import override_settings

from perhekeskus.events import checks


def ids(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [message.id for message in messages]


@override_settings(EVENTS_SIGNUP_ADDRESS_RATE_LIMIT="off")
def test_a_signup_rate_limit_off_is_an_error() -> None:
    found = checks.check_signup_rate_limits()
    assert ids(found) == ["perhekeskus.E106"]
    assert "EVENT_SIGNUP_ADDRESS_RATE_LIMIT" in found[0].msg


@override_settings(EVENTS_MANAGE_RATE_LIMIT="off")
def test_the_manage_links_rate_limit_off_is_an_error() -> None:
    assert ids(checks.check_signup_rate_limits()) == ["perhekeskus.E106"]


@override_settings(EVENTS_TOPIC_RATE_LIMIT=" OFF ")
def test_the_topic_rate_limit_off_is_an_error() -> None:
    assert ids(checks.check_signup_rate_limits()) == ["perhekeskus.E106"]


def test_the_signup_rate_limits_on_pass() -> None:
    assert checks.check_signup_rate_limits() == []


def test_the_app_registers_the_check_at_start_up() -> None:
    """A fresh process, in which nothing but the app's ready() can have imported the check."""
    probe = (
        "import django; django.setup(); "
        "from django.core.checks import registry; "
        "print(sorted({c.__module__ for c in registry.registry.get_checks(True)}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "perhekeskus.config.settings.test"}
    out = subprocess.run(  # noqa: S603 (this interpreter, a fixed program)
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert "perhekeskus.events.checks" in out
