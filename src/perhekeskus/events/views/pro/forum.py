"""A family center forum's topics that residents sent beforehand (their reads audited), and the
short summary the organiser publishes afterwards."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.events import selectors_pro
from perhekeskus.events.forms.pro import LANGUAGE_CODES, SummaryForm
from perhekeskus.events.services.forum import summary_publish
from perhekeskus.events.views.pro.common import current_user


@never_cache
@require_GET
@professional_required
def topics(request: HttpRequest, event_id: UUID) -> HttpResponse:
    user = current_user(request)
    event, sent = selectors_pro.topics_for(actor=user, event_id=event_id)
    return render(request, "events/pro/topics.html", {"event": event, "topics": sent})


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def summary(request: HttpRequest, event_id: UUID) -> HttpResponse:
    user = current_user(request)
    form = SummaryForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            event = summary_publish(actor=user, event_id=event_id, summary=form.summary())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The summary was published on the event's page."))
            return redirect("events_pro:detail", event_id=event.pk)
    event = selectors_pro.event_get_for_edit(actor=user, event_id=event_id)
    if not event.is_forum:
        raise NotFound  # only a forum has a summary
    if not form.is_bound:
        form = SummaryForm(
            initial={
                f"summary_{code}": getattr(event, f"summary_{code}") or ""
                for code in LANGUAGE_CODES
            }
        )
    context = {"event": event, "form": form}
    return render(request, "events/pro/summary.html", context, status=400 if form.errors else 200)
