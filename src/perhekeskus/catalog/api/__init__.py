"""The open HSDS 3.0 read API of the catalogue: services, organisations, services at locations,
taxonomies and their terms. No login: it shows public data only (published, active services and
what hangs on them); a draft is "not found" like a missing id.

The language of the texts is `lang` (fi, sv, en), else Accept-Language, else Finnish; error
messages come in the same language. Paging is HSDS's: `page` and `per_page` in, the `Page`
fields and `contents` out. A page past the last one is an empty page, not an error.

`GET /services` is served by the finder's subclass of `ServiceListView` (`finder/api.py`), which
adds the search and its filters; it declares what it adds to the responses with
`register_shape`, so that this package imports nothing of the finder.
"""

from perhekeskus.catalog.api.organizations import OrganizationDetailView, OrganizationListView
from perhekeskus.catalog.api.paging import page_body
from perhekeskus.catalog.api.params import (
    ACCEPT_LANGUAGE,
    DEFAULT_PER_PAGE,
    ID,
    LANGUAGES,
    MAX_PAGE,
    MAX_PER_PAGE,
    LanguageParams,
    PageParams,
    ServiceFilterParams,
    TaxonomyTermParams,
)
from perhekeskus.catalog.api.service_at_locations import (
    ServiceAtLocationDetailView,
    ServiceAtLocationListView,
)
from perhekeskus.catalog.api.services import ServiceDetailView, ServiceListView
from perhekeskus.catalog.api.shapes import (
    ERRORS_400,
    LIST_RESPONSES,
    NOT_FOUND,
    page_of,
    register_shape,
    shape,
)
from perhekeskus.catalog.api.taxonomies import (
    TaxonomyDetailView,
    TaxonomyListView,
    TaxonomyTermDetailView,
    TaxonomyTermListView,
)

__all__ = [
    "ACCEPT_LANGUAGE",
    "DEFAULT_PER_PAGE",
    "ERRORS_400",
    "ID",
    "LANGUAGES",
    "LIST_RESPONSES",
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "NOT_FOUND",
    "LanguageParams",
    "OrganizationDetailView",
    "OrganizationListView",
    "PageParams",
    "ServiceAtLocationDetailView",
    "ServiceAtLocationListView",
    "ServiceDetailView",
    "ServiceFilterParams",
    "ServiceListView",
    "TaxonomyDetailView",
    "TaxonomyListView",
    "TaxonomyTermDetailView",
    "TaxonomyTermListView",
    "TaxonomyTermParams",
    "page_body",
    "page_of",
    "register_shape",
    "shape",
]
