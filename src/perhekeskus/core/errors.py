"""Errors the service layer raises; views and the API map them to HTTP."""

from django.core.exceptions import PermissionDenied


class NotFound(Exception):
    """Raised by `access_*` gatekeepers for both a missing object and one the actor may not see,
    so that an outsider cannot tell the two apart."""


class AccessDenied(NotFound):
    """A NotFound for an object that exists but the actor may not see. It is answered exactly
    like NotFound (404, nothing revealed); only the server's log tells the two apart: the denial
    is logged with the user's id and the object's (`core.logging.DeniedAccessLogMiddleware`,
    ASVS 7.2.2)."""

    def __init__(self, *, target_type: str = "", target_id: object = None) -> None:
        super().__init__()
        self.target_type = target_type
        self.target_id = target_id


class PolicyDenied(PermissionDenied):
    """The actor may see the object but not do this to it."""
