"""The cache and the channel layer work on whatever backend the environment chose: in-memory
when REDIS_URL is unset, Redis when it is set (CI runs both)."""

import os
import uuid

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.cache import cache
from django.db import connection


def test_cache_round_trip() -> None:
    key = f"test-{uuid.uuid4()}"
    cache.set(key, {"a": 1}, timeout=30)
    assert cache.get(key) == {"a": 1}
    cache.delete(key)


def test_channel_layer_round_trip() -> None:
    layer = get_channel_layer()
    assert layer is not None
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.send)(channel, {"type": "test.message", "text": "hei"})
    message = async_to_sync(layer.receive)(channel)
    assert message["text"] == "hei"


def test_backends_follow_the_environment() -> None:
    if os.environ.get("REDIS_URL"):
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
        assert settings.CHANNEL_LAYERS["default"]["BACKEND"].startswith("channels_redis")
    else:
        assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


@pytest.mark.django_db
def test_database_follows_the_environment() -> None:
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres", "postgresql")) else "sqlite"
    assert connection.vendor == expected
