#!/usr/bin/env python3
"""Install uv from PyPI on a machine that may have no pip (Debian's python3 ships without it).

Tries pip first; otherwise downloads the uv wheel for this platform from PyPI with the standard
library and puts the `uv` binary in ~/.local/bin. Prints the path of the installed uv.
"""

from __future__ import annotations

import io
import json
import os
import platform
import shutil
import stat
import subprocess
import sys
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

BIN_DIR = Path(os.environ.get("UV_INSTALL_DIR", Path.home() / ".local" / "bin"))


def via_pip() -> bool:
    for extra in ([], ["--break-system-packages"]):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "pip", "install", "--quiet", "--user", *extra, "uv"],
            capture_output=True,
            check=False,
        )
        if result.returncode == 0:
            return True
    return False


def wheel_tag() -> str:
    machine = platform.machine().lower()
    arch = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}
    if machine not in arch:
        sys.exit(f"No uv wheel known for machine type {machine!r}; install uv by hand.")
    return f"manylinux_2_17_{arch[machine]}"


def via_wheel() -> Path:
    index = os.environ.get("UV_PYPI_JSON", "https://pypi.org/pypi/uv/json")
    with urllib.request.urlopen(index, timeout=60) as response:  # noqa: S310
        release = json.load(response)
        base = response.geturl()
    tag = wheel_tag()
    url = next(
        (
            f["url"]
            for f in release["urls"]
            if f["filename"].endswith(".whl") and tag in f["filename"]
        ),
        None,
    )
    if url is None:
        sys.exit(f"PyPI has no uv wheel for {tag}")
    # A mirror may answer with addresses relative to the index page.
    url = urllib.parse.urljoin(base, url)
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310
        data = response.read()
    BIN_DIR.mkdir(parents=True, exist_ok=True)
    target = BIN_DIR / "uv"
    with zipfile.ZipFile(io.BytesIO(data)) as wheel:
        member = next(n for n in wheel.namelist() if n.endswith("/scripts/uv"))
        with wheel.open(member) as source, open(target, "wb") as out:
            shutil.copyfileobj(source, out)
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return target


def main() -> None:
    found = shutil.which("uv")
    if found:
        print(found)
        return
    if via_pip():
        found = shutil.which("uv") or str(BIN_DIR / "uv")
        if Path(found).exists():
            print(found)
            return
    print(via_wheel())


if __name__ == "__main__":
    main()
