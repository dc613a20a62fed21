"""Public calendar subscriptions of events, without a language prefix: /event-feeds/…"""

from django.urls import path

from perhekeskus.events.views import feeds

app_name = "events_feed"

urlpatterns = [
    path("municipality/<str:code>.ics", feeds.municipality_feed, name="municipality"),
    path("organization/<uuid:organization_id>.ics", feeds.organization_feed, name="organization"),
]
