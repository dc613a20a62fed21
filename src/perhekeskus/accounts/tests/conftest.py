from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _after_response_tasks_inline(settings: Any) -> None:
    """Tasks after an answer run inline, inside the test's transaction (a thread would have a
    connection of its own); `test_passwords` tests the thread itself."""
    settings.PERHEKESKUS_AFTER_RESPONSE_THREADS = False
