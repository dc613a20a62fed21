"""The settings modules as a county's IT person meets them: through the `perhekeskus` command."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from perhekeskus.config.settings.base import database_from_env


def run_perhekeskus(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    clean.pop("DATABASE_URL", None)
    clean.pop("REDIS_URL", None)
    clean.update(env)
    return subprocess.run(  # noqa: S603  (our own command, fixed arguments)
        [sys.executable, "-m", "perhekeskus", *args],
        env=clean,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = "perhekeskus.config.settings.production"


FERNET_KEY = "q8gJ6y3Gv1o1pQ8mH0b1r4Yk7bqK2x6Wm9Zt3s5u7w0="


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = run_perhekeskus("check", env={"DJANGO_SETTINGS_MODULE": PRODUCTION}, cwd=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_placeholder_secret_key(tmp_path: Path) -> None:
    result = run_perhekeskus(
        "check",
        env={"DJANGO_SETTINGS_MODULE": PRODUCTION, "SECRET_KEY": "change-me" * 8},
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_deploy_check_reports_nothing(tmp_path: Path) -> None:
    env = {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "perhekeskus.example.fi",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "FIELD_ENCRYPTION_KEYS": FERNET_KEY,
        # Several workers share their rate-limit counts only through Redis (perhekeskus.W001).
        "REDIS_URL": "redis://127.0.0.1:6379/6",
        "WEB_CONCURRENCY": "4",
        # The county's own video server with tokens and its SMS gateway (W003, W004, W005).
        "VIDEO_MEETING_BASE_URL": "https://video.perhekeskus.example.fi",
        "VIDEO_JITSI_APP_ID": "perhekeskus",
        "VIDEO_JITSI_APP_SECRET": secrets.token_urlsafe(32),
        "SMS_BACKEND": "county_sms.GatewayBackend",
    }
    result = run_perhekeskus("check", "--deploy", "--fail-level", "WARNING", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    del env["REDIS_URL"]
    per_process = run_perhekeskus(
        "check", "--deploy", "--fail-level", "WARNING", env=env, cwd=tmp_path
    )
    assert per_process.returncode != 0
    assert "perhekeskus.W001" in per_process.stderr + per_process.stdout
    del env["VIDEO_MEETING_BASE_URL"], env["SMS_BACKEND"]
    defaults = run_perhekeskus(
        "check", "--deploy", "--fail-level", "WARNING", env=env, cwd=tmp_path
    )
    assert "perhekeskus.W003" in defaults.stderr + defaults.stdout
    assert "perhekeskus.W005" in defaults.stderr + defaults.stdout


def test_production_requires_two_factor_and_secure_cookies(tmp_path: Path) -> None:
    env = {
        "DJANGO_SETTINGS_MODULE": PRODUCTION,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "FIELD_ENCRYPTION_KEYS": FERNET_KEY,
    }
    code = (
        "from django.conf import settings as s; "
        "print(s.PERHEKESKUS_REQUIRE_2FA, s.SESSION_COOKIE_SECURE, s.DEBUG)"
    )
    result = run_perhekeskus("shell", "-c", code, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["True", "True", "False"]


def test_every_command_honours_database_url(tmp_path: Path) -> None:
    database = tmp_path / "elsewhere.sqlite3"
    result = run_perhekeskus(
        "migrate",
        "--noinput",
        env={"DATABASE_URL": f"sqlite:///{database}"},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert database.exists()
    # ...and nothing was written to the default place.
    assert not (tmp_path / "var" / "perhekeskus.sqlite3").exists()


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    config = database_from_env(tmp_path / "x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    options = config["OPTIONS"]
    assert isinstance(options, dict)
    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"


def test_postgresql_url_is_parsed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://county:pw@db.internal:5432/perhekeskus")
    config = database_from_env(tmp_path / "unused.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"] == "db.internal"
    assert config["NAME"] == "perhekeskus"


def test_hyphenated_command_names_map_to_django_commands(tmp_path: Path) -> None:
    result = run_perhekeskus("compile-translations", env={}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
