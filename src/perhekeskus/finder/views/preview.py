"""The editor's preview of a service's card: the family's page, rendered from the same view
code and template, for a draft or unpublished service too. Only someone who may edit the
service's organisation sees it (`catalog.selectors.service_get_for_preview`); it is marked as a
preview and kept out of search engines."""

from __future__ import annotations

import uuid

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from perhekeskus.catalog import selectors
from perhekeskus.catalog.models import PublicationState
from perhekeskus.core.actors import request_actor
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.finder.views.service import service_card_context


@require_GET
@professional_required
def service_preview(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    """A published service whose changes wait for approval is previewed with those changes:
    the card the families will see once they are approved."""
    try:
        with selectors.service_preview_of(actor=request_actor(request), service_id=service_id) as (
            service,
            draft,
        ):
            context = service_card_context(request, service)
            context.update(
                {
                    "preview": True,
                    "is_published": service.publication_state == PublicationState.PUBLISHED,
                    "draft_state": draft.state if draft is not None else None,
                    "back_url": None,
                }
            )
            # Rendered inside the block: the draft's rows exist only there.
            response = render(request, "finder/service_preview.html", context)
    except NotFound as missing:
        raise Http404 from missing
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response
