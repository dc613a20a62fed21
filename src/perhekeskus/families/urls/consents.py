"""The professionals' pages of family coordination: consents, reading under a law and its
review, the printable access log (included by `urls_pro`)."""

from django.urls import URLPattern, path

from perhekeskus.families.views import consents, legal

urlpatterns: list[URLPattern] = [
    path("<uuid:family_id>/consents/new/", consents.consent_new, name="consent_new"),
    path(
        "<uuid:family_id>/consents/<int:consent_id>/give/",
        consents.consent_give,
        name="consent_give",
    ),
    path(
        "<uuid:family_id>/consents/<int:consent_id>/revoke/",
        consents.consent_revoke,
        name="consent_revoke",
    ),
    path("<uuid:family_id>/access-log/", consents.access_log_print, name="access_log"),
    path("legal-access/", legal.legal_access, name="legal_access"),
    path("reviews/", legal.review_list, name="reviews"),
    path("reviews/<int:legal_access_id>/", legal.review_detail, name="review"),
]
