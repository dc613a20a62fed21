"""Development and demo: `make demo` runs with these. Not for production."""

from perhekeskus.config.env import env_bool, env_str

from .base import *  # noqa: F403
from .base import MIDDLEWARE, STORAGES

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Serve static files straight from the apps, no collectstatic needed for the demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PERHEKESKUS_DEMO = True
# The demo runs with DEBUG on: an unknown address still gets the friendly 404 page, not Django's
# technical one with every URL pattern (usability review m18).
MIDDLEWARE = [*MIDDLEWARE, "perhekeskus.core.middleware.FriendlyNotFoundMiddleware"]
