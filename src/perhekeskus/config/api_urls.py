from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularRedocView

from perhekeskus.appointments import api as appointments_api
from perhekeskus.audit import api as audit_api
from perhekeskus.catalog import api as catalog_api
from perhekeskus.core import api as core_api
from perhekeskus.events import api as events_api
from perhekeskus.families import api as families_api
from perhekeskus.finder import api as finder_api

app_name = "api"

# HSDS 3.0 paths, as the standard names them. Ids are taken as text and parsed by the view, so
# that a malformed id is the API's JSON 404 rather than the site's HTML one.
urlpatterns = [
    path("", core_api.ApiRootView.as_view(), name="root"),
    # The schema as JSON, as its name says; ReDoc is served from our static files (the sidecar,
    # pinned with the lock file), under a Content-Security-Policy of its own (core.middleware).
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi-schema"),
    path(
        "docs/",
        SpectacularRedocView.as_view(
            url_name="api:openapi-schema", template_name="core/api_docs.html"
        ),
        name="docs",
    ),
    # The catalogue's list of services with the finder's search and filters.
    path("services", finder_api.ServiceSearchListView.as_view(), name="service-list"),
    path("services/<str:id>", catalog_api.ServiceDetailView.as_view(), name="service-detail"),
    path("organizations", catalog_api.OrganizationListView.as_view(), name="organization-list"),
    path(
        "organizations/<str:id>",
        catalog_api.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path(
        "service_at_locations",
        catalog_api.ServiceAtLocationListView.as_view(),
        name="service-at-location-list",
    ),
    path(
        "service_at_locations/<str:id>",
        catalog_api.ServiceAtLocationDetailView.as_view(),
        name="service-at-location-detail",
    ),
    path("taxonomies", catalog_api.TaxonomyListView.as_view(), name="taxonomy-list"),
    path("taxonomies/<str:id>", catalog_api.TaxonomyDetailView.as_view(), name="taxonomy-detail"),
    path("taxonomy_terms", catalog_api.TaxonomyTermListView.as_view(), name="taxonomy-term-list"),
    path(
        "taxonomy_terms/<str:id>",
        catalog_api.TaxonomyTermDetailView.as_view(),
        name="taxonomy-term-detail",
    ),
    # Appointments: the bookable types, their free slots, and booking one.
    path(
        "appointment-types",
        appointments_api.AppointmentTypeListView.as_view(),
        name="appointment-type-list",
    ),
    path("slots", appointments_api.SlotListView.as_view(), name="slot-list"),
    path("bookings", appointments_api.BookingCreateView.as_view(), name="booking-create"),
    # Events: the public listing, and a family's sign-up (Idempotency-Key).
    path("events", events_api.EventListView.as_view(), name="event-list"),
    path(
        "events/<str:id>/signups", events_api.SignupCreateView.as_view(), name="event-signup-create"
    ),
    # Family coordination: a professional's families, through the consent gate.
    path("families", families_api.FamilyListView.as_view(), name="family-list"),
    path("families/<str:id>", families_api.FamilyDetailView.as_view(), name="family-detail"),
    path("audit-entries", audit_api.AuditEntryListView.as_view(), name="audit-entry-list"),
    path(
        "audit-entries/<int:pk>",
        audit_api.AuditEntryDetailView.as_view(),
        name="audit-entry-detail",
    ),
]


def _with_slash(pattern: URLPattern) -> URLPattern:
    """The same HSDS path with the trailing slash other tools add, answered by the same view
    and documented once (without the slash)."""
    view = pattern.callback.view_class  # type: ignore[attr-defined]
    undocumented: Any = extend_schema(exclude=True)(type(view.__name__, (view,), {}))
    return path(f"{pattern.pattern}/", undocumented.as_view())


HSDS_COLLECTIONS = (
    "services",
    "organizations",
    "service_at_locations",
    "taxonomies",
    "taxonomy_terms",
    # Not HSDS, but answered the same way with or without the slash.
    "appointment-types",
    "slots",
    "bookings",
)
urlpatterns += [
    _with_slash(pattern)
    for pattern in list(urlpatterns)
    if isinstance(pattern, URLPattern) and str(pattern.pattern).split("/")[0] in HSDS_COLLECTIONS
]
