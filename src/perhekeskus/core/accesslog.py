"""Access logs that cannot tie a family to its request (F-03).

A tracking code opens a family's status page; a search text may hold a name or a personal
identity code; next to an IP address in a log, either traces an anonymous family. This filter
rewrites log records before any handler writes them:

- the client address becomes "-";
- every query string value becomes "*" (the parameter names stay, for operations);
- under `/ask-for-help/` (any language) and `/api/v1/help-requests/`, every path segment after
  the prefix that could be a tracking code (a digit in it, or twenty code letters) becomes "*";
- a booking's manage and video links (`/<lang>/book/manage/<token>/…`,
  `/<lang>/book/video/<token>/`), an event sign-up's manage link
  (`/<lang>/events/manage/<token>/…`), a family page's sign-in link
  (`/<lang>/family/sign-in/<token>/`) and a professional's calendar feed
  (`/calendar-feeds/<token>.ics`): the token is the only key, so its segment becomes "*"
  whatever it looks like. (A strong identification backend's return,
  `/<lang>/family/identify/<backend>/return/`, carries its secrets in the query string or the
  POST body: the query string's values are masked, the body is never logged.)

`perhekeskus serve` installs it on uvicorn's access log; the settings install it on Django's
request log (a 404 there names the path). A reverse proxy in front must do the same in its own
log (see the README).
"""

from __future__ import annotations

import logging
import re
from typing import Any

MASK = "*"
_PRIVATE_PREFIXES = re.compile(r"(/ask-for-help/|/api/v1/help-requests/)")
_CODE_ALPHABET = frozenset("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")
# The segment right after these is a secret token, whatever its letters.
_TOKEN_BEFORE = re.compile(
    r"(/book/manage/|/book/video/|/events/manage/|/family/sign-in/|^/calendar-feeds/)[^/?]+"
)


def _could_be_code(segment: str) -> bool:
    letters = segment.replace("-", "").replace(" ", "").replace("%20", "").upper()
    return len(letters) >= 16 and set(letters) <= _CODE_ALPHABET | {"I", "L", "O", "U"}


def _mask_segment(segment: str) -> str:
    if not segment or (_WORD.match(segment) and not _could_be_code(segment)):
        return segment
    return MASK


def _token_mask(segment: str) -> str:
    # A feed keeps its ".ics", so that the log still says what kind of request it was.
    return MASK + ".ics" if segment.endswith(".ics") else MASK


def mask_path(path: str) -> str:
    """A request path (with its query string) as it may be logged."""
    path, question, query = path.partition("?")
    path = _TOKEN_BEFORE.sub(lambda m: m.group(1) + _token_mask(m.group(0)), path)
    match = _PRIVATE_PREFIXES.search(path)
    if match:
        head, tail = path[: match.end()], path[match.end() :]
        path = head + "/".join(_mask_segment(s) for s in tail.split("/"))
    if question:
        pairs = [p.partition("=") for p in query.split("&") if p]
        path += "?" + "&".join(f"{name}={MASK}" if eq else MASK for name, eq, _v in pairs)
    return path


class PrivateAccessLogFilter(logging.Filter):
    """Masks client addresses and private parts of paths in access and request log records.

    uvicorn's access records carry (client address, method, path, HTTP version, status) as
    args; Django's request records carry the path as the first arg. Both are rewritten in place;
    nothing is dropped, so the log still counts requests and errors."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if record.name == "uvicorn.access" and isinstance(args, tuple) and len(args) >= 3:
            record.args = (
                MASK if args[0] else args[0],
                args[1],
                mask_path(str(args[2])),
                *args[3:],
            )
        elif isinstance(args, tuple):
            record.args = tuple(_mask_arg(a) for a in args)
        elif isinstance(args, dict):
            record.args = {k: _mask_arg(v) for k, v in args.items()}
        if isinstance(record.msg, str) and record.msg.startswith("/"):
            record.msg = mask_path(record.msg)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            # django.request attaches the request; a handler that formats it must not see the
            # address (the request object is shared, so only the record's reference is replaced).
            record.request = None
        return True


def _mask_arg(value: Any) -> Any:
    if isinstance(value, str) and value.startswith("/"):
        return mask_path(value)
    return value


def uvicorn_log_config() -> dict[str, Any]:
    """uvicorn's own logging configuration with the private filter on its access log."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {
        key: (dict(value) if isinstance(value, dict) else value)
        for key, value in LOGGING_CONFIG.items()
    }
    config["filters"] = {
        **config.get("filters", {}),
        "private": {"()": "perhekeskus.core.accesslog.PrivateAccessLogFilter"},
    }
    handlers = {name: dict(handler) for name, handler in config["handlers"].items()}
    handlers["access"]["filters"] = [*handlers["access"].get("filters", []), "private"]
    config["handlers"] = handlers
    return config
