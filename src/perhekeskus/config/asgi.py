"""ASGI entry point: plain HTTP now, WebSocket routes join the router as real-time features land."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perhekeskus.config.settings.dev")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter  # noqa: E402  (needs Django set up first)

from perhekeskus.core.bodylimit import BodySizeLimit  # noqa: E402

# The body-size cap sits outside Django, which would otherwise read a whole (chunked) body
# before any middleware runs.
application = ProtocolTypeRouter({"http": BodySizeLimit(django_asgi_app)})
