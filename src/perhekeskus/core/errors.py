"""Errors the service layer raises; views and the API map them to HTTP."""

from django.core.exceptions import PermissionDenied


class NotFound(Exception):
    """Raised by `access_*` gatekeepers for both a missing object and one the actor may not see,
    so that an outsider cannot tell the two apart."""


class PolicyDenied(PermissionDenied):
    """The actor may see the object but not do this to it."""
