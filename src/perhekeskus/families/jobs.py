"""The families app's jobs (`core.jobs`)."""


def register() -> None:
    """Called by the families app's `ready()`: the periodic jobs."""
