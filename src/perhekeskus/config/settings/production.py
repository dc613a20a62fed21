"""Production: a county's installation. Refuses to start with anything that is not safe."""

from django.core.exceptions import ImproperlyConfigured

from perhekeskus.config.env import env_bool, env_int, env_str

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False

_INSECURE_MARKERS = ("insecure", "change-me", "changeme", "secret", "dev-key")
if (
    not env_str("SECRET_KEY")
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or any(marker in SECRET_KEY.lower() for marker in _INSECURE_MARKERS)
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value in production "
        "(at least 50 characters, e.g. the output of "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

if not env_str("FIELD_ENCRYPTION_KEYS"):
    raise ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must be set in production: Fernet keys for the help requests' "
        "free text and contact details (python3 -c 'from cryptography.fernet import Fernet; "
        "print(Fernet.generate_key().decode())')."
    )

# Every professional logs in with a second factor.
PERHEKESKUS_REQUIRE_2FA = env_bool("REQUIRE_2FA", True)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
