"""Settings shared by every environment. Everything site-specific comes from the environment."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from perhekeskus.config.env import (
    data_dir,
    derive_fernet_key,
    env_bool,
    env_int,
    env_list,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = data_dir()

SECRET_KEY = env_str("SECRET_KEY", "insecure-development-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin
    "modeltranslation",
    "perhekeskus.core.admin_site.PerhekeskusAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "perhekeskus.core",
    "perhekeskus.audit",
    "perhekeskus.catalog",
    "perhekeskus.accounts",
    "perhekeskus.intake",
    "perhekeskus.finder",
    "perhekeskus.appointments",
    "perhekeskus.events",
    "perhekeskus.families",
    "perhekeskus.demo",
]

MIDDLEWARE = [
    # A body over MAX_REQUEST_BODY_BYTES is refused before anything reads it (core.bodylimit;
    # under ASGI the cap also wraps the application itself, for chunked bodies).
    "perhekeskus.core.bodylimit.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A keyed hash of the client's address for per-address counters; never the address itself.
    "perhekeskus.core.client.ClientKeyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After the user is known: a session idle for SESSION_IDLE_MINUTES is logged out (F-25).
    "perhekeskus.accounts.middleware.IdleTimeoutMiddleware",
    # A selector's NotFound (missing or forbidden alike) is the site's 404 page.
    "perhekeskus.core.middleware.NotFoundMiddleware",
    # A refused object or action is logged as such, with the user's id (F-22).
    "perhekeskus.core.logging.DeniedAccessLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "perhekeskus.core.middleware.SecurityHeadersMiddleware",
    # Cache-Control: no-store on pages and API answers with personal or audit data.
    "perhekeskus.core.middleware.NoStoreMiddleware",
    # axes last: it turns a lockout raised by the backend into a response
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "perhekeskus.config.urls"
WSGI_APPLICATION = "perhekeskus.config.wsgi.application"
ASGI_APPLICATION = "perhekeskus.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "perhekeskus.core.context_processors.site",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# SQLite is the embedded default (one machine, one small municipality); PostgreSQL is what a
# county runs. WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
# BEGIN so that two writers queue on busy_timeout instead of failing "database is locked" midway.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA busy_timeout=20000;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_env(default_sqlite: Path) -> dict[str, object]:
    url = env_str("DATABASE_URL") or f"sqlite:///{default_sqlite}"
    config: dict[str, object] = dict(
        dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        options = dict(SQLITE_OPTIONS)
        options.update(config.get("OPTIONS") or {})  # type: ignore[call-overload]
        config["OPTIONS"] = options
    elif env_bool("DB_POOL", True):
        # Each request thread under ASGI opens a connection of its own (ADR 0007): without a
        # pool, a burst of requests opens more than PostgreSQL's max_connections and the rest
        # fail. psycopg's pool in each process caps them; a request waits for a free connection
        # for up to DB_POOL_TIMEOUT seconds (ADR 0037). Keep WEB_CONCURRENCY × DB_POOL_MAX_SIZE
        # (plus the workers') below the server's max_connections.
        if config.get("CONN_MAX_AGE"):
            raise ImproperlyConfigured("DB_CONN_MAX_AGE must be 0 with the pool (DB_POOL=off)")
        options = dict(config.get("OPTIONS") or {})  # type: ignore[call-overload]
        options["pool"] = {
            "min_size": env_int("DB_POOL_MIN_SIZE", 1),
            "max_size": env_int("DB_POOL_MAX_SIZE", 10),
            "timeout": env_int("DB_POOL_TIMEOUT", 30),
        }
        config["OPTIONS"] = options
    else:
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": database_from_env(DATA_DIR / "perhekeskus.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Background jobs ----------------------------------------------------------------------------
# One runner for the platform (ADR 0034): django-tasks with its database backend, run by
# `perhekeskus worker`. A job is a row in the same database, so a job enqueued inside a service's
# transaction exists exactly when the change it follows does.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# How often an idle worker looks for ready jobs (seconds), and how long a job may stay RUNNING
# before another worker takes it for lost with its worker (killed, out of memory) and runs it
# again: longer than any job runs (a job that runs longer splits its work into batches).
PERHEKESKUS_JOBS_POLL_INTERVAL = env_int("JOBS_POLL_INTERVAL", 1)
PERHEKESKUS_JOBS_STALE_AFTER_SECONDS = env_int("JOBS_STALE_AFTER_SECONDS", 600)
# Finished jobs' rows are deleted after this many days (failed ones later, so that the
# administrator sees them in the admin).
PERHEKESKUS_JOBS_RETENTION_DAYS = env_int("JOBS_RETENTION_DAYS", 14)
PERHEKESKUS_JOBS_FAILED_RETENTION_DAYS = env_int("JOBS_FAILED_RETENTION_DAYS", 90)

# --- Cache and channel layer --------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "perhekeskus"),
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # axes first: it refuses a locked-out login before the password is even checked
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Finnish and Finland-Swedish common passwords, also with digits at the ends (salasana1234),
    # and runs like qwertyuiopas or 111111111111a (F-14).
    {"NAME": "perhekeskus.accounts.passwords.CommonFinnishPasswordValidator"},
    {"NAME": "perhekeskus.accounts.passwords.SequenceValidator"},
]
# Where core's guards (professional_required, the admin sites) send a user who has not logged in
# or not passed the second factor: URL names wired here, so that core names no app's pages.
LOGIN_URL = "accounts:login"
PERHEKESKUS_OTP_VERIFY_URL = "accounts:otp_verify"
PERHEKESKUS_OTP_SETUP_URL = "accounts:otp_setup"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "finder:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Two-factor authentication is required of every professional where this is true (production).
PERHEKESKUS_REQUIRE_2FA = env_bool("REQUIRE_2FA", False)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Perhekeskus")

# django-axes: lock the account (not the IP: a whole health station may share one) after repeated
# failures, for a cool-off period.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 suggests locking by IP address as well. We do not: the staff of a whole health station
# share one NAT address, and five typos by colleagues must not lock everyone out. The account is
# what an attacker targets; password guessing across accounts is slowed by the password policy.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_FORM_FIELD = "email"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "perhekeskus.accounts.views.lockout_response"
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

SESSION_COOKIE_AGE = 60 * 60 * 8
# A professional's session also ends after this many minutes without a request (0: never).
PERHEKESKUS_SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# --- Languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi", "sv", "en")
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
# 4.12.2026 and klo/kl. 8.00 in all three languages (config/formats/).
FORMAT_MODULE_PATH = ["perhekeskus.config.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_TZ = True

# --- Static files -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- E-mail -------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Perhekeskus <noreply@perhekeskus.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- API ----------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "perhekeskus.core.api.ApiSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "EXCEPTION_HANDLER": "perhekeskus.core.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Perhekeskus API",
    "DESCRIPTION": "Family center network: service catalogue (Open Referral HSDS 3.0) and more.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # ReDoc from drf-spectacular-sidecar's static files: no CDN, no Google Fonts (F-11).
    "REDOC_DIST": "SIDECAR",
}

# --- Security headers that hold everywhere ------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Logging ------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # No tracking code, search text or client address in any log line (F-03, core.accesslog).
    "filters": {
        "private": {"()": "perhekeskus.core.accesslog.PrivateAccessLogFilter"},
        # A 403 or 404 is one line, not a traceback (F-22).
        "client_errors": {"()": "perhekeskus.core.logging.NoTracebackForClientErrors"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["private"]}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django.request": {"level": "WARNING", "filters": ["client_errors"]},
    },
}

# The largest request body the application reads (bytes); larger ones are answered 413 before
# they are read (core.bodylimit). The reverse proxy should refuse them first.
PERHEKESKUS_MAX_REQUEST_BODY_BYTES = env_int("MAX_REQUEST_BODY_BYTES", 1024 * 1024)

# Help requests: free text and contact details are encrypted at rest with these Fernet keys
# (comma-separated, newest first). Without them, a key derived from SECRET_KEY (not in production).
PERHEKESKUS_FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS", [derive_fernet_key(SECRET_KEY)]
)

# Rate limits ("N/s", "N/m", "N/h" or "N/d", or "off"); only accepted help requests count, and a
# retry of a request already made is answered before any limit (ADR 0019). RATE_LIMITS=off turns
# every one of them off (load tests only).
PERHEKESKUS_RATE_LIMITS = env_bool("RATE_LIMITS", True)
# Help requests from one browser at one address (the address and the browser's User-Agent).
PERHEKESKUS_HELP_REQUEST_RATE_LIMIT = env_str("HELP_REQUEST_RATE_LIMIT", "5/h")
# Help requests from one address, whatever the browser: high enough for a school, a shelter or a
# mobile operator's shared address (CGNAT), low enough to stop a flood.
PERHEKESKUS_HELP_REQUEST_ADDRESS_RATE_LIMIT = env_str("HELP_REQUEST_ADDRESS_RATE_LIMIT", "30/h")

# Password-reset links one e-mail address can receive (more requests get the same answer and
# no e-mail), and reset requests one client address can make (more are answered 429).
PERHEKESKUS_PASSWORD_RESET_RATE_LIMIT = env_str("PASSWORD_RESET_RATE_LIMIT", "3/h")
PERHEKESKUS_PASSWORD_RESET_CLIENT_RATE_LIMIT = env_str("PASSWORD_RESET_CLIENT_RATE_LIMIT", "20/h")

# The e-mail outbox (core.outbox): a message that cannot be sent is retried with back-off by the
# worker's periodic job `core.outbox.send` (every minute; `perhekeskus send-outbox` by hand), and
# given up after this many attempts; sent and given-up messages are deleted after this many days.
PERHEKESKUS_OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 8)
PERHEKESKUS_OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 7)

# Documents an import keeps until what they link to arrives (catalog.PendingImport, ADR 0030):
# deleted once no import has renewed them for this many days (the daily periodic job, or
# `perhekeskus purge-pending-imports`).
CATALOG_PENDING_IMPORT_RETENTION_DAYS = env_int("PENDING_IMPORT_RETENTION_DAYS", 30)

# Searches without results (finder.unmet): rows are deleted after this many days (the worker's
# daily periodic job; `perhekeskus purge-unmet-searches` by hand); one address adds at most this
# many a day, and at most this many new rows are made a day; a word that is neither in the
# catalogue's vocabulary nor a common Finnish word is kept only once this many different
# addresses searched it that day.
FINDER_UNMET_SEARCH_RETENTION_DAYS = env_int("UNMET_SEARCH_RETENTION_DAYS", 365)
FINDER_UNMET_SEARCH_PER_CLIENT_PER_DAY = env_int("UNMET_SEARCH_PER_CLIENT_PER_DAY", 20)
FINDER_UNMET_SEARCH_NEW_PER_DAY = env_int("UNMET_SEARCH_NEW_PER_DAY", 500)
FINDER_UNMET_SEARCH_MIN_CLIENTS = env_int("UNMET_SEARCH_MIN_CLIENTS", 3)
# Closed help requests are anonymised after this many days (the worker's daily periodic job;
# `perhekeskus anonymize-help-requests` by hand).
PERHEKESKUS_HELP_REQUEST_RETENTION_DAYS = env_int("HELP_REQUEST_RETENTION_DAYS", 365)
# Where "Leave this page quickly" (and Esc twice) takes a family on the help and violence pages:
# a neutral page that gives nothing away on a shared screen. An absolute http(s) URL.
PERHEKESKUS_QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://yle.fi/saa")
if urlsplit(PERHEKESKUS_QUICK_EXIT_URL).scheme not in ("http", "https"):
    raise ImproperlyConfigured("QUICK_EXIT_URL must be an absolute http(s) URL")

# Searches whose results each process keeps for the searches that come again (finder.search.cache);
# 0 turns the cache off.
FINDER_SEARCH_CACHE_SIZE = env_int("SEARCH_CACHE_SIZE", 256)

# Shown in the page header and e-mails; a county sets its own.
PERHEKESKUS_SITE_NAME = env_str("SITE_NAME", "Perhekeskus")
# Where accessibility feedback goes (the accessibility statement's feedback channel, required by
# the Act on the Provision of Digital Services 306/2019); a county sets its own address.
PERHEKESKUS_ACCESSIBILITY_FEEDBACK_EMAIL = env_str(
    "ACCESSIBILITY_FEEDBACK_EMAIL", "saavutettavuus@perhekeskus.invalid"
)
# Where links in e-mails sent outside a request (invitations from the command line) point to.
PERHEKESKUS_SITE_DOMAIN = env_str("SITE_DOMAIN", "127.0.0.1:8000")
PERHEKESKUS_SITE_HTTPS = env_bool("SITE_HTTPS", False)

# The public map's tiles (Leaflet's URL template) from the tile server the county chooses: its own,
# or one it has an agreement with. Browsers fetch them straight from that server (which then sees
# the visitor's address), so its origin is allowed in the CSP's img-src (core.middleware) and the
# privacy page names it. Unset, no map is drawn and nothing is fetched from a third party: the
# list of places and their directions links remain (ADR 0017 as amended).
PERHEKESKUS_TILE_URL = env_str("MAP_TILE_URL", "")
PERHEKESKUS_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")


def _tile_origin(url: str) -> str:
    """The scheme and host of a tile URL template; Leaflet's {s} subdomain becomes a CSP
    wildcard (https://{s}.tile.example.org/... -> https://*.tile.example.org)."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""  # tiles from our own origin: 'self' covers them
    host = re.sub(r"^\{s\}\.", "*.", parts.netloc)
    return f"{parts.scheme}://{host}"


PERHEKESKUS_TILE_ORIGIN = _tile_origin(PERHEKESKUS_TILE_URL)

# --- Appointments (appointments app, ADR 0035) --------------------------------------------------
# Bookings from one browser at one address, and from one address whatever the browser.
APPOINTMENTS_BOOKING_RATE_LIMIT = env_str("BOOKING_RATE_LIMIT", "10/h")
APPOINTMENTS_BOOKING_ADDRESS_RATE_LIMIT = env_str("BOOKING_ADDRESS_RATE_LIMIT", "60/h")
# Past appointments lose the family's name, contacts and answers after this many days.
APPOINTMENTS_RETENTION_DAYS = env_int("APPOINTMENT_RETENTION_DAYS", 180)
# The reminder goes out this many hours before the appointment.
APPOINTMENTS_REMINDER_HOURS = env_int("APPOINTMENT_REMINDER_HOURS", 24)
# Video appointments: a Jitsi-compatible server; with an app id and secret (a self-hosted Jitsi
# with JWT authentication) each link carries a token that lets only the two parties in and makes
# the professional the moderator.
APPOINTMENTS_VIDEO_BASE_URL = env_str("VIDEO_MEETING_BASE_URL", "https://meet.jit.si")
APPOINTMENTS_VIDEO_JWT_APP_ID = env_str("VIDEO_JITSI_APP_ID", "")
APPOINTMENTS_VIDEO_JWT_SECRET = env_str("VIDEO_JITSI_APP_SECRET", "")
# The family's waiting page lets them in this many minutes before the start.
APPOINTMENTS_VIDEO_OPENS_MINUTES_BEFORE = env_int("VIDEO_OPENS_MINUTES_BEFORE", 10)

# --- Events and registration (events app, ADR 0038) --------------------------------------------
# Sign-ups from one browser at one address, and from one address whatever the browser.
EVENTS_SIGNUP_RATE_LIMIT = env_str("EVENT_SIGNUP_RATE_LIMIT", "10/h")
EVENTS_SIGNUP_ADDRESS_RATE_LIMIT = env_str("EVENT_SIGNUP_ADDRESS_RATE_LIMIT", "100/h")
# Changes, cancellations and confirmations through one sign-up's manage link.
EVENTS_MANAGE_RATE_LIMIT = env_str("EVENT_MANAGE_RATE_LIMIT", "20/h")
# Topics sent to a family center forum from one address.
EVENTS_TOPIC_RATE_LIMIT = env_str("EVENT_TOPIC_RATE_LIMIT", "10/h")
# Participants' names, contacts and answers are erased this many days after the event.
EVENTS_RETENTION_DAYS = env_int("EVENT_RETENTION_DAYS", 30)
# The reminder goes out this many hours before the event.
EVENTS_REMINDER_HOURS = env_int("EVENT_REMINDER_HOURS", 24)

# --- Family coordination (families app, ADR 0040) ----------------------------------------------
# A closed family record keeps its data this many days, then the anonymisation job erases what
# identifies the family and what anyone wrote, keeping what statistics need.
FAMILIES_RETENTION_DAYS = env_int("FAMILY_RETENTION_DAYS", 730)
# A reading under a law (without consent) stays open this many hours.
FAMILIES_LEGAL_ACCESS_HOURS = env_int("FAMILY_LEGAL_ACCESS_HOURS", 8)
# The family page's sign-in link is valid this many minutes, once; the signed-in session ends
# after this many minutes without a request.
FAMILIES_SIGNIN_LINK_MINUTES = env_int("FAMILY_SIGNIN_LINK_MINUTES", 20)
FAMILIES_SESSION_MINUTES = env_int("FAMILY_SESSION_MINUTES", 30)
# However active, a guardian signs in again after this many hours (ASVS 3.3.2).
FAMILIES_SESSION_MAX_HOURS = env_int("FAMILY_SESSION_MAX_HOURS", 12)
# Sign-in links asked for from one browser at one address, and from one address.
FAMILIES_SIGNIN_RATE_LIMIT = env_str("FAMILY_SIGNIN_RATE_LIMIT", "5/h")
FAMILIES_SIGNIN_ADDRESS_RATE_LIMIT = env_str("FAMILY_SIGNIN_ADDRESS_RATE_LIMIT", "50/h")
# Identity codes one professional may look up on the form for reading under a law.
FAMILIES_LEGAL_LOOKUP_RATE_LIMIT = env_str("FAMILY_LEGAL_LOOKUP_RATE_LIMIT", "20/h")
# How a guardian proves who they are on the family page: dotted paths to identification
# backends (`families.identification`); the e-mail link is built in, a county can add strong
# electronic identification (Suomi.fi) as another backend.
FAMILIES_IDENTIFICATION_BACKENDS = env_list(
    "FAMILY_IDENTIFICATION_BACKENDS", ["perhekeskus.families.identification.EmailLinkBackend"]
)

# --- Text messages (core.sms) -------------------------------------------------------------------
# A dotted path to a backend class; the console backend writes the message to standard output.
PERHEKESKUS_SMS_BACKEND = env_str("SMS_BACKEND", "perhekeskus.core.sms.ConsoleBackend")
PERHEKESKUS_SMS_SENDER = env_str("SMS_SENDER", "Perhekeskus")
