"""The professional's appointment pages, mounted at /<lang>/pro/appointments/."""

from django.urls import path

from perhekeskus.appointments.views.pro import availability, calendar, feeds, types

app_name = "appointments_pro"

urlpatterns = [
    path("", calendar.calendar, name="calendar"),
    path("bookings/<uuid:booking_id>/", calendar.booking_detail, name="booking"),
    path("bookings/<uuid:booking_id>/done/", calendar.booking_done, name="booking_done"),
    path("bookings/<uuid:booking_id>/no-show/", calendar.booking_no_show, name="booking_no_show"),
    path("bookings/<uuid:booking_id>/cancel/", calendar.booking_cancel, name="booking_cancel"),
    path("bookings/<uuid:booking_id>/export/", calendar.booking_export, name="booking_export"),
    path("availability/", availability.availability, name="availability"),
    path("availability/hours/", availability.hours_save, name="hours_save"),
    path("availability/settings/", availability.settings_save, name="settings_save"),
    path("availability/exceptions/", availability.exception_add, name="exception_add"),
    path(
        "availability/exceptions/<int:exception_id>/delete/",
        availability.exception_delete,
        name="exception_delete",
    ),
    path("types/", types.type_list, name="types"),
    path("types/new/", types.type_create, name="type_create"),
    path("types/<uuid:type_id>/", types.type_edit, name="type_edit"),
    path("feed/", feeds.feed, name="feed"),
    path("feed/create/", feeds.feed_create, name="feed_create"),
    path("feed/revoke/", feeds.feed_revoke, name="feed_revoke"),
]
