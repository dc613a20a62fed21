from django.urls import path

from perhekeskus.intake.views import public as views

app_name = "help"

urlpatterns = [
    path("", views.ask_for_help, name="ask"),
    path("sent/<str:code>/", views.sent, name="sent"),
    path("status/", views.status_lookup, name="status_lookup"),
    path("status/<str:code>/", views.status, name="status"),
]
