"""`perhekeskus serve`: the production server (uvicorn worker processes serving the ASGI app)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from perhekeskus.config.env import env_int, env_str
from perhekeskus.core.accesslog import uvicorn_log_config


def default_workers() -> int:
    return env_int("WEB_CONCURRENCY", max(2, (os.cpu_count() or 1)))


class Command(BaseCommand):
    help = "Serve the site with uvicorn worker processes (HOST, PORT and WEB_CONCURRENCY)."
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=env_str("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=env_int("PORT", 8000))
        parser.add_argument("--workers", type=int, default=None)
        parser.add_argument("--log-level", default=env_str("LOG_LEVEL", "info").lower())

    def handle(self, *args: Any, **options: Any) -> None:
        import uvicorn

        workers = options["workers"] or default_workers()
        if workers < 1:
            raise CommandError("--workers (WEB_CONCURRENCY) must be at least 1")
        if settings.DEBUG:
            self.stderr.write(
                self.style.WARNING("DEBUG is on: never run like this for real users.")
            )
        # WhiteNoise warns at start-up when the static root is missing (before collectstatic).
        Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
        # Worker processes import the app on their own; they must find the same settings.
        os.environ["DJANGO_SETTINGS_MODULE"] = settings.SETTINGS_MODULE
        uvicorn.run(
            "perhekeskus.config.asgi:application",
            host=options["host"],
            port=options["port"],
            workers=workers,
            log_level=options["log_level"],
            # The access log keeps method, path and status, never a client address, a tracking
            # code or a search text (core.accesslog, F-03).
            log_config=uvicorn_log_config(),
            proxy_headers=True,
            # Only a reverse proxy on these addresses may tell us the client's real address.
            forwarded_allow_ips=env_str("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            server_header=False,
            lifespan="off",
        )
