"""The family coordination cards on the professional's own page (`core.dashboard`)."""


def register_cards() -> None:
    """Called by the families app's `ready()`."""
