"""Publishing with care: a service's publishing page (checklist, send for approval, publish,
approve or return) and the review queue of approvers and coordinators."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.catalog import services
from perhekeskus.catalog.policies import can_view_review_queue
from perhekeskus.catalog.review import publishing_get, review_queue_for
from perhekeskus.core.actors import request_actor
from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import PolicyDenied

PAGE_SIZE = 25
COMMENT_MAX_LENGTH = 2000


@never_cache
@require_GET
@professional_required
def review_queue(request: HttpRequest) -> HttpResponse:
    if not can_view_review_queue(request.user):
        raise PermissionDenied
    page = Paginator(review_queue_for(actor=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "catalog/review/queue.html", {"page": page, "query": ""})


@never_cache
@require_http_methods(["GET", "POST"])
@professional_required
def publishing(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    actor = request_actor(request)
    view = publishing_get(actor=actor, service_id=service_id)  # NotFound: 404
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        comment = request.POST.get("comment", "")[:COMMENT_MAX_LENGTH]
        try:
            if action == "submit":
                services.service_submit_for_review(
                    actor=actor, service_id=service_id, request=request
                )
                done = _("The service was sent for approval.")
            elif action == "publish":
                services.service_publish(actor=actor, service=view.service, request=request)
                done = _("The service was published.")
            elif action == "approve":
                services.service_approve(actor=actor, service_id=service_id, request=request)
                done = _("The service was approved and is now public.")
            elif action == "return":
                services.service_return(
                    actor=actor, service_id=service_id, comment=comment, request=request
                )
                done = _("The service was returned to its editors with your comment.")
            else:
                raise PolicyDenied(_("Choose what to do."))
        except services.ServiceIncomplete:
            messages.error(request, _("The service cannot be published yet: see the list."))
            status = 400
        except PolicyDenied as refusal:
            messages.error(request, str(refusal))
            status = 400
        else:
            messages.success(request, done)
            if action in ("approve", "return") and not view.may_edit:
                return redirect("catalog_review:queue")
            return redirect("catalog_review:publishing", service_id=service_id)
        view = publishing_get(actor=request.user, service_id=service_id)
    return render(request, "catalog/review/publishing.html", {"view": view}, status=status)
