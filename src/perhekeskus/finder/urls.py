from django.urls import path

from perhekeskus.finder import views

app_name = "finder"

# No trailing slashes: these are the addresses families share (/fi/search?q=…, /fi/map).
urlpatterns = [
    path("", views.home, name="home"),
    path("search", views.search, name="search"),
    path("services/<uuid:service_id>", views.service_detail, name="service"),
    path("organizations/<uuid:organization_id>", views.organization_detail, name="organization"),
    path("map", views.map_page, name="map"),
]
