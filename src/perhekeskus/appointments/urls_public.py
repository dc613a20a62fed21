from django.urls import path

from perhekeskus.appointments.views import manage, public

app_name = "appointments"

# Mounted at /<lang>/book/. The manage, calendar and video addresses carry the booking's manage
# token (the link in the family's e-mail): the access log masks it (core.accesslog).
urlpatterns = [
    path("service/<uuid:service_id>/", public.service, name="service"),
    path("<uuid:type_id>/", public.slots, name="slots"),
    path("<uuid:type_id>/details/", public.details, name="details"),
    path("done/", public.booked, name="booked"),
    path("manage/<str:token>/", manage.manage, name="manage"),
    path("manage/<str:token>/calendar.ics", manage.manage_ics, name="manage_ics"),
    path("manage/<str:token>/change/", manage.manage_change, name="manage_change"),
    path("manage/<str:token>/cancel/", manage.manage_cancel, name="manage_cancel"),
    path("video/<str:token>/", manage.video_waiting, name="video"),
]
