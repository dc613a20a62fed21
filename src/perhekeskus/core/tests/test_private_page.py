"""`private_page`: a family's page whose address is their key is stored by no cache, indexed by
no search engine and sent to no other site; a page with a form keeps its referrer same-origin."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from perhekeskus.core.decorators import private_page


@private_page()
def manage(request: HttpRequest) -> HttpResponse:
    return HttpResponse("the family's page")


@private_page("same-origin")
def change(request: HttpRequest) -> HttpResponse:
    return HttpResponse("a form that posts")


def test_a_private_page_is_kept_by_no_one() -> None:
    response = manage(RequestFactory().get("/fi/manage/token/"))
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_page_with_a_form_sends_its_referrer_only_to_the_site() -> None:
    response = change(RequestFactory().post("/fi/manage/token/change/"))
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
