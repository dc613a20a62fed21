from django.urls import path

from perhekeskus.appointments.views import public as views

app_name = "appointments"

# Mounted at /<lang>/book/. The manage, calendar and video addresses carry the booking's manage
# token (the link in the family's e-mail): the access log masks it (core.accesslog).
urlpatterns = [
    path("service/<uuid:service_id>/", views.service, name="service"),
    path("<uuid:type_id>/", views.slots, name="slots"),
    path("<uuid:type_id>/details/", views.details, name="details"),
    path("done/", views.booked, name="booked"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("manage/<str:token>/calendar.ics", views.manage_ics, name="manage_ics"),
    path("manage/<str:token>/change/", views.manage_change, name="manage_change"),
    path("manage/<str:token>/cancel/", views.manage_cancel, name="manage_cancel"),
    path("video/<str:token>/", views.video_waiting, name="video"),
]
