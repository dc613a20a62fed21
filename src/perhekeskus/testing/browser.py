"""The browser-test layer: Debian's headless Chromium driven by Playwright, with axe-core.

No browser is ever downloaded: Playwright launches /usr/bin/chromium (CHROMIUM_PATH to change).
axe-core comes from npm (package.json); its script is injected into each page under test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import perhekeskus

REPO_ROOT = Path(perhekeskus.__file__).resolve().parents[2]
AXE_PATH = Path(os.environ.get("AXE_CORE_PATH", REPO_ROOT / "node_modules/axe-core/axe.min.js"))
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

# Chromium's own background traffic goes nowhere on a closed network; keep it quiet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}


def browser_unavailable_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if not AXE_PATH.exists():
        return f"axe-core not found at {AXE_PATH} (npm ci)"
    return None


def require_browser() -> None:
    """Skip where the browser stack is missing, but never in CI: there a skip would hide a
    missing install step, so it fails instead."""
    reason = browser_unavailable_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"Browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


# Module scope, not session: Playwright's sync API keeps an event loop running in the main thread
# while it is open, and tests that pytest-django runs later (async_to_sync in channels) must not
# find one. One browser launch per test module costs about a second.
@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    require_browser()
    # Playwright's sync API keeps an event loop in this thread; the tests still touch the
    # database synchronously (factories), which Django would otherwise refuse.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    # bypass_csp: our Content-Security-Policy rightly forbids the injected axe script.
    context = chromium.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def page_without_javascript(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical axe-core violations on the page as it is now."""
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return [v for v in result["violations"] if v.get("impact") in FAILING_IMPACTS]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['impact']}: {violation['id']} – {violation['help']} @ {targets}")
    return "\n".join(lines)
