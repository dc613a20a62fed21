"""The professionals' pages of family coordination, under `/<lang>/pro/families/`. Each part
of the record has its own URL module in `urls/`."""

from django.urls import include, path

app_name = "families"

urlpatterns = [
    path("", include("perhekeskus.families.urls.records")),
    path("", include("perhekeskus.families.urls.consents")),
    path("", include("perhekeskus.families.urls.plan")),
    path("", include("perhekeskus.families.urls.referrals")),
]
