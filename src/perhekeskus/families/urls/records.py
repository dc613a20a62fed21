"""The professionals' pages of family coordination: records (included by `urls_pro`)."""

from django.urls import URLPattern, path

from perhekeskus.families.views import records, team

urlpatterns: list[URLPattern] = [
    path("", records.family_list, name="list"),
    path("new/", records.family_new, name="open"),
    path(
        "new/from-help-request/<uuid:help_request_id>/",
        records.family_new_from_help_request,
        name="open_from_help_request",
    ),
    path("<uuid:family_id>/", records.family_detail, name="detail"),
    path("<uuid:family_id>/edit/", records.family_edit, name="edit"),
    path("<uuid:family_id>/people/add/<str:kind>/", records.person_add, name="person_add"),
    path(
        "<uuid:family_id>/people/<str:kind>/<int:person_id>/",
        records.person_change,
        name="person_change",
    ),
    path("<uuid:family_id>/team/add/", team.team_add, name="team_add"),
    path("<uuid:family_id>/team/<int:member_id>/", team.team_member, name="team_member"),
    path("<uuid:family_id>/handover/", team.handover, name="handover"),
    path("<uuid:family_id>/close/", records.family_close, name="close"),
]
