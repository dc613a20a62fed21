from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from perhekeskus.catalog.editor import editor_site
from perhekeskus.core import views as core_views
from perhekeskus.finder.views.preview import service_preview
from perhekeskus.intake import api as intake_api

# Pages are under a language prefix (/fi/, /sv/, /en/) so that every page can be shared in its
# language; "/" is redirected by LocaleMiddleware according to Accept-Language.
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path(
        "api/v1/help-requests", intake_api.HelpRequestCreateView.as_view(), name="api-help-create"
    ),
    path(
        "api/v1/help-requests/<str:tracking_code>",
        intake_api.HelpRequestStatusView.as_view(),
        name="api-help-status",
    ),
    path("api/v1/", include("perhekeskus.config.api_urls")),
    # A professional's private calendar feed: fetched by calendar programs, without a language.
    path("calendar-feeds/", include("perhekeskus.appointments.urls_feed")),
    # Public calendar subscriptions of events, per municipality and per organisation.
    path("event-feeds/", include("perhekeskus.events.urls_feed")),
]

urlpatterns += i18n_patterns(
    path("", include("perhekeskus.finder.urls")),
    path("", include("perhekeskus.core.urls")),
    path("accounts/", include("perhekeskus.accounts.urls")),
    path("pro/audit/", include("perhekeskus.audit.urls")),
    # Before the editor site, which would take "review" for an app label.
    path("pro/catalog/review/", include("perhekeskus.catalog.urls")),
    # The family's card of a service being edited (the finder renders it); before the editor.
    path("pro/catalog/preview/<uuid:service_id>/", service_preview, name="catalog_service_preview"),
    path("pro/catalog/", editor_site.urls),
    path("ask-for-help/", include("perhekeskus.intake.urls")),
    path("book/", include("perhekeskus.appointments.urls_public")),
    path("pro/help-requests/", include("perhekeskus.intake.urls_board")),
    path("pro/teams/", include("perhekeskus.intake.urls_teams")),
    path("pro/appointments/", include("perhekeskus.appointments.urls_pro")),
    path("events/", include("perhekeskus.events.urls_public")),
    path("pro/events/", include("perhekeskus.events.urls_pro")),
    path("pro/families/", include("perhekeskus.families.urls_pro")),
    path("family/", include("perhekeskus.families.urls_public")),
    prefix_default_language=True,
)

handler400 = "perhekeskus.core.views.bad_request"
handler403 = "perhekeskus.core.views.permission_denied"
handler404 = "perhekeskus.core.views.page_not_found"
handler500 = "perhekeskus.core.views.server_error"
