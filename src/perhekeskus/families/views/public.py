"""The family's own page (`/<lang>/family/`): sign in with an e-mailed link, then see the
family's responsible worker, plan, referrals, meetings, consents and access log."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from perhekeskus.core.decorators import private_page


@private_page("same-origin")
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "families/public/start.html", {})
