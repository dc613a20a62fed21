from django.urls import path

from perhekeskus.audit import api as audit_api
from perhekeskus.core import api as core_api

app_name = "api"

urlpatterns = [
    path("", core_api.ApiRootView.as_view(), name="root"),
    path("audit-entries", audit_api.AuditEntryListView.as_view(), name="audit-entry-list"),
    path(
        "audit-entries/<int:pk>",
        audit_api.AuditEntryDetailView.as_view(),
        name="audit-entry-detail",
    ),
]
