"""The family-facing pages of the finder. Views parse the query (forms), call one selector or
the search engine, and render; what the pages show of services, places and hours is computed in
`common`, `hours` and `places`."""

from perhekeskus.finder.views.home import home
from perhekeskus.finder.views.map import map_page
from perhekeskus.finder.views.results import search
from perhekeskus.finder.views.service import organization_detail, service_detail

__all__ = ["home", "map_page", "organization_detail", "search", "service_detail"]
