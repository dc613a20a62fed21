"""The family's own page, under `/<lang>/family/`: a guardian signs in with a link (no account)."""

from django.urls import path

from perhekeskus.families.views import public

app_name = "family"

urlpatterns = [
    path("", public.start, name="start"),
    path("sent/", public.sent, name="sent"),
    path("sign-in/<str:token>/", public.signin_confirm, name="signin"),
    path("identify/<slug:backend>/", public.identify_start, name="identify"),
    path("identify/<slug:backend>/return/", public.identify_return, name="identify_return"),
    path("home/", public.home, name="home"),
    path("consents/<int:consent_id>/revoke/", public.consent_revoke, name="consent_revoke"),
    path("access-log/", public.access_log, name="access_log"),
    path("corrections/new/", public.correction_new, name="correction_new"),
    path("sign-out/", public.sign_out, name="sign_out"),
]
