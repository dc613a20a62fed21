from django.urls import path

from perhekeskus.intake.views import teams as views

app_name = "teams"

urlpatterns = [
    path("", views.team_list, name="list"),
    path("new/", views.team_edit, name="new"),
    path("<uuid:team_id>/", views.team_edit, name="edit"),
]
