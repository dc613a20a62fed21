from django.urls import path

from perhekeskus.catalog.views import review as views

app_name = "catalog_review"

urlpatterns = [
    path("", views.review_queue, name="queue"),
    path("<uuid:service_id>/", views.publishing, name="publishing"),
]
