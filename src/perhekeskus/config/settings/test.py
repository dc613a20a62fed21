"""The test suite. `DATABASE_URL` and `REDIS_URL` choose the backends exactly as in production."""

import os

from perhekeskus.config.env import env_str

from .base import *  # noqa: F403
from .base import CACHES, SQLITE_OPTIONS, STORAGES, database_from_env

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

# pytest-xdist runs the suite in several processes ("gw0", "gw1", ...). pytest-django gives each
# its own test database; on Redis each gets its own key prefix and channel prefix, and a cache
# whose clear() (before every test, conftest.py) deletes only its own keys.
TEST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    _prefix = CACHES["default"].get("KEY_PREFIX") or "perhekeskus"
    CACHES = {
        "default": {
            **CACHES["default"],
            "BACKEND": "perhekeskus.testing.cache.WorkerRedisCache",
            "KEY_PREFIX": f"{_prefix}-test-{TEST_WORKER}",
        }
    }
if REDIS_URL:  # noqa: F405
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": f"asgi-test-{TEST_WORKER}"},  # noqa: F405
        }
    }
PERHEKESKUS_SMS_BACKEND = "perhekeskus.core.sms.LocmemBackend"
