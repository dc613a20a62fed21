"""The test suite. `DATABASE_URL` and `REDIS_URL` choose the backends exactly as in production."""

from perhekeskus.config.env import env_str

from .base import *  # noqa: F403
from .base import SQLITE_OPTIONS, STORAGES, database_from_env

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105
# Tests never touch the demo database: without DATABASE_URL, an in-memory SQLite.
if env_str("DATABASE_URL"):
    DATABASES = {"default": database_from_env(DATA_DIR / "unused.sqlite3")}  # noqa: F405
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        # A file, as in production (WAL, busy timeout): Django would otherwise test SQLite in a
        # shared in-memory database, whose table locks fail concurrent writers at once.
        DATABASES["default"]["TEST"] = {"NAME": f"{DATABASES['default']['NAME']}.test"}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_FAILURE_LIMIT = 5
PERHEKESKUS_DEMO = False
# Every search computed afresh (the cache's own tests turn it on).
FINDER_SEARCH_CACHE_SIZE = 0
