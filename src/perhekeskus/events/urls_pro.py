from django.urls import URLPattern

app_name = "events_pro"

urlpatterns: list[URLPattern] = []
