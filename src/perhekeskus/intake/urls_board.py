"""The early-support team's pages, mounted at /<lang>/pro/help-requests/."""

from django.urls import path

from perhekeskus.intake.views import board, meetings

app_name = "intake"

urlpatterns = [
    path("", board.board, name="board"),
    path("<uuid:request_id>/", board.request_detail, name="request_detail"),
    path("<uuid:request_id>/triage/", board.request_triage, name="request_triage"),
    path("<uuid:request_id>/assign/", board.request_assign, name="request_assign"),
    path("<uuid:request_id>/contact/", board.request_contact, name="request_contact"),
    path("<uuid:request_id>/note/", board.request_note, name="request_note"),
    path("<uuid:request_id>/reply/", board.request_reply, name="request_reply"),
    path("<uuid:request_id>/close/", board.request_close, name="request_close"),
    path("<uuid:request_id>/export/", board.request_export, name="request_export"),
    path("meetings/", meetings.meeting_list, name="meeting_list"),
    path("meetings/<int:meeting_id>/", meetings.meeting_detail, name="meeting_detail"),
    path("meetings/<int:meeting_id>/minutes/", meetings.meeting_minutes, name="meeting_minutes"),
    path(
        "meetings/<int:meeting_id>/decide/<uuid:request_id>/",
        meetings.meeting_decide,
        name="meeting_decide",
    ),
]
