from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from perhekeskus.core.tasks import FAMILY_CENTER_TASKS
from perhekeskus.finder.forms import SearchForm
from perhekeskus.finder.selectors import need_concept_list_home
from perhekeskus.finder.views.common import municipality_choices


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    situations = need_concept_list_home()
    form = SearchForm(None, municipalities=municipality_choices())
    return render(
        request,
        "finder/home.html",
        {"form": form, "situations": list(situations), "tasks": FAMILY_CENTER_TASKS},
    )
