"""The `perhekeskus` command: Django's management commands with the project's settings.

`perhekeskus migrate`, `perhekeskus serve`, `perhekeskus demo`, `perhekeskus load-demo`:
a hyphenated name is the command of the same name with underscores.
"""

from __future__ import annotations

import os
import sys

DEFAULT_SETTINGS = "perhekeskus.config.settings.dev"


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    args = list(sys.argv if argv is None else argv)
    args[0] = "perhekeskus"
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")

    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
