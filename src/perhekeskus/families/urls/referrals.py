"""The professionals' pages of family coordination: referrals and data-subject rights
(included by `urls_pro`)."""

from django.urls import path

from perhekeskus.families.views import referrals, subject

urlpatterns = [
    path("referrals/", referrals.referral_inbox, name="referral_inbox"),
    path("referrals/<uuid:referral_id>/", referrals.referral_detail, name="referral_detail"),
    path("referrals/<uuid:referral_id>/accept/", referrals.referral_accept, name="referral_accept"),
    path(
        "referrals/<uuid:referral_id>/decline/",
        referrals.referral_decline,
        name="referral_decline",
    ),
    path("referrals/<uuid:referral_id>/done/", referrals.referral_done, name="referral_done"),
    path("<uuid:family_id>/referrals/new/", referrals.referral_send, name="referral_send"),
    path(
        "<uuid:family_id>/referrals/<uuid:referral_id>/withdraw/",
        referrals.referral_withdraw,
        name="referral_withdraw",
    ),
    path(
        "<uuid:family_id>/export/<str:kind>/<int:person_id>.json",
        subject.subject_export_json,
        name="subject_export_json",
    ),
    path(
        "<uuid:family_id>/export/<str:kind>/<int:person_id>/",
        subject.subject_export_html,
        name="subject_export",
    ),
    path("<uuid:family_id>/corrections/new/", subject.correction_new, name="correction_new"),
    path(
        "<uuid:family_id>/corrections/<int:correction_id>/",
        subject.correction_handle,
        name="correction_handle",
    ),
]
