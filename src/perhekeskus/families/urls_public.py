"""The family's own page, under `/<lang>/family/`: a guardian signs in with a link (no account)."""

from django.urls import path

from perhekeskus.families.views import public

app_name = "family"

urlpatterns = [
    path("", public.start, name="start"),
]
