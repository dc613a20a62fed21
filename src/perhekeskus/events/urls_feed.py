from django.urls import URLPattern

app_name = "events_feed"

urlpatterns: list[URLPattern] = []
