"""The professionals' pages of family coordination: the support plan, network meetings and notes
(included by `urls_pro`)."""

from django.urls import path

from perhekeskus.families.views import plan as views

urlpatterns = [
    path("<uuid:family_id>/plan/", views.plan_detail, name="plan"),
    path("<uuid:family_id>/plan/edit/", views.plan_edit, name="plan_edit"),
    path("<uuid:family_id>/plan/versions/", views.plan_versions, name="plan_versions"),
    path(
        "<uuid:family_id>/plan/versions/<int:number>/",
        views.plan_version,
        name="plan_version",
    ),
    path("<uuid:family_id>/actions/new/", views.action_new, name="action_new"),
    path("<uuid:family_id>/actions/<int:action_id>/", views.action_edit, name="action_edit"),
    path("<uuid:family_id>/meetings/new/", views.meeting_new, name="meeting_new"),
    path("<uuid:family_id>/meetings/<int:meeting_id>/", views.meeting_detail, name="meeting"),
    path(
        "<uuid:family_id>/meetings/<int:meeting_id>/record/",
        views.meeting_record,
        name="meeting_record",
    ),
    path(
        "<uuid:family_id>/meetings/<int:meeting_id>/cancel/",
        views.meeting_cancel,
        name="meeting_cancel",
    ),
    path(
        "<uuid:family_id>/meetings/<int:meeting_id>/letter/<int:guardian_id>/",
        views.meeting_letter,
        name="meeting_letter",
    ),
    path("<uuid:family_id>/notes/", views.note_list, name="notes"),
    path("<uuid:family_id>/notes/new/", views.note_new, name="note_new"),
]
