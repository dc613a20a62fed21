"""The organiser's event pages, mounted at /<lang>/pro/events/."""

from django.urls import path

from perhekeskus.events.views.pro import events, forum, participants

app_name = "events_pro"

urlpatterns = [
    path("", events.event_list, name="list"),
    path("new/", events.event_create, name="create"),
    path("<uuid:event_id>/", events.event_detail, name="detail"),
    path("<uuid:event_id>/edit/", events.event_edit, name="edit"),
    path("<uuid:event_id>/publish/", events.event_publish, name="publish"),
    path("<uuid:event_id>/cancel/", events.event_cancel, name="cancel"),
    path("<uuid:event_id>/participants/", participants.participants, name="participants"),
    path("<uuid:event_id>/participants.csv", participants.participants_export, name="export"),
    path("<uuid:event_id>/attendance/", participants.attendance, name="attendance"),
    path("<uuid:event_id>/message/", participants.message, name="message"),
    path("<uuid:event_id>/topics/", forum.topics, name="topics"),
    path("<uuid:event_id>/summary/", forum.summary, name="summary"),
    path(
        "applications/<uuid:signup_id>/<str:decision>/",
        participants.application_decide,
        name="decide",
    ),
]
