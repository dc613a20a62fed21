"""The private calendar feed, without a language prefix: /calendar-feeds/<token>.ics."""

from django.urls import path

from perhekeskus.appointments.views.pro import feeds

urlpatterns = [
    path("<str:token>.ics", feeds.feed_file, name="appointments-feed"),
]
