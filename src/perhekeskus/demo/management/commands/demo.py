"""`perhekeskus demo` — what `make demo` ends with: migrate, load the demo network, print the
logins and serve."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from perhekeskus.config.env import env_int, env_str
from perhekeskus.core.roles import Role
from perhekeskus.demo import appointments as demo_appointments
from perhekeskus.demo import network


class Command(BaseCommand):
    help = "Migrate, load the demo network, print the demo logins and serve the site."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Prepare but do not serve.")

    def handle(self, *args: Any, **options: Any) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        call_command("compile_translations", verbosity=0)
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        call_command("load_demo")
        host = env_str("HOST", "127.0.0.1")
        port = env_int("PORT", 8000)
        self.print_logins(host, port)
        if not options["no_serve"]:
            with self.worker_beside_the_server():
                call_command("serve", host=host, port=port, workers=env_int("WEB_CONCURRENCY", 1))

    @contextmanager
    def worker_beside_the_server(self) -> Iterator[None]:
        """`perhekeskus worker` in a process of its own with the same settings (reminders,
        e-mails and retention are jobs), stopped when the server stops."""
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        worker = subprocess.Popen(
            [sys.executable, "-m", "perhekeskus.cli", "worker", "--worker-id", "demo-1"],
            env=environment,
        )
        self.stdout.write(f"Background jobs: perhekeskus worker is running (process {worker.pid}).")
        try:
            yield
        finally:
            if worker.poll() is None:
                worker.terminate()  # SIGTERM: it finishes the job it is running
                try:
                    worker.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()
            self.stdout.write("Background jobs: the worker has stopped.")

    def print_logins(self, host: str, port: int) -> None:
        write = self.stdout.write
        write("")
        write(self.style.SUCCESS(f"Perhekeskus demo: http://{host}:{port}/"))
        write(f"Professionals log in at http://{host}:{port}/fi/accounts/login/")
        write(f"Every demo login has the password: {network.DEMO_PASSWORD}")
        width = max(len(user.email) for user in network.USERS)
        for user in network.USERS:
            roles = ", ".join(str(Role(role).label) for role in user.roles)
            if user.is_superuser:
                roles = "technical administrator (/admin/)"
            write(f"  {user.email.ljust(width)}  {user.full_name}: {roles}")
            receives = demo_appointments.type_names_of(user.local_part)
            if receives:
                write(f"  {'':{width}}    receives appointments: {'; '.join(receives)}")
        write("")
