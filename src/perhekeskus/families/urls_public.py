"""The family's own page, under `/<lang>/family/`: a guardian signs in with a link (no account)."""

from django.urls import URLPattern

app_name = "family"

urlpatterns: list[URLPattern] = []
