"""The families API: `GET /api/v1/families` and `GET /api/v1/families/{id}` (`views.py`)."""

from perhekeskus.families.api.views import FamilyDetailView, FamilyListView

__all__ = ["FamilyDetailView", "FamilyListView"]
