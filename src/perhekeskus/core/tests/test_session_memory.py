"""What a page keeps in the session for the next one (`core.forms.session_remember`): readable
back only under its own key and within its age, and never readable in the session table."""

from __future__ import annotations

import time
from unittest import mock

from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from perhekeskus.core.forms import session_recall, session_remember

TYPED = {"name": "Maija Meikäläinen", "phone": "+358 40 123 4567", "answers": {"7": "huoltajuus"}}


def request_with_session() -> object:
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


def test_what_is_remembered_comes_back_under_its_key() -> None:
    request = request_with_session()
    session_remember(request, salt="app.pages", key="typed", value=TYPED)
    assert session_recall(request, salt="app.pages", key="typed", max_age=60) == TYPED


def test_the_session_holds_nothing_readable() -> None:
    request = request_with_session()
    session_remember(request, salt="app.pages", key="typed", value=TYPED)
    stored = request.session["typed"]
    for secret in ("Maija", "358 40", "huoltajuus"):
        assert secret not in stored


def test_another_salt_or_key_reads_nothing_and_drops_it() -> None:
    request = request_with_session()
    session_remember(request, salt="app.pages", key="typed", value=TYPED)
    request.session["other"] = request.session["typed"]
    assert session_recall(request, salt="app.pages", key="other", max_age=60) is None
    assert "other" not in request.session
    assert session_recall(request, salt="another.app", key="typed", max_age=60) is None
    assert "typed" not in request.session


def test_an_old_or_altered_value_reads_nothing() -> None:
    request = request_with_session()
    session_remember(request, salt="app.pages", key="typed", value=TYPED)
    later = time.time() + 120
    with mock.patch("time.time", return_value=later):
        assert session_recall(request, salt="app.pages", key="typed", max_age=60) is None
    request.session["typed"] = "not a token"
    assert session_recall(request, salt="app.pages", key="typed", max_age=60) is None
