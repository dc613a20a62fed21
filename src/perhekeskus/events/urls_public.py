from django.urls import path

from perhekeskus.events.views import manage, public

app_name = "events"

# Mounted at /<lang>/events/. The manage addresses carry the sign-up's manage token (the link in
# the family's e-mail): the access log masks it (core.accesslog).
urlpatterns = [
    path("", public.event_list, name="list"),
    path("done/", public.done, name="done"),
    path("<uuid:event_id>/", public.event_detail, name="detail"),
    path("<uuid:event_id>/sign-up/", public.signup, name="signup"),
    path("<uuid:event_id>/topics/", public.topic, name="topic"),
    path("manage/<str:token>/", manage.manage, name="manage"),
    path("manage/<str:token>/cancel/", manage.manage_cancel, name="manage_cancel"),
    path("manage/<str:token>/change/", manage.manage_change, name="manage_change"),
    path("manage/<str:token>/confirm/", manage.manage_confirm, name="manage_confirm"),
    path("manage/<str:token>/calendar.ics", manage.manage_ics, name="manage_ics"),
]
