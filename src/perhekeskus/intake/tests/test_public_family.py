"""The family's side over HTTP, as the usability review walked it: no dead end back to the
status page, the code kept out of addresses, quick exit, nothing typed silently dropped, errors a
phone shows, one request for Back and Send again, and adding to or withdrawing a request."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings

from perhekeskus.audit.models import AuditEntry
from perhekeskus.intake.models import (
    CloseReason,
    EarlySupportTeam,
    EventKind,
    HelpRequest,
    HelpRequestEvent,
    RequestStatus,
)
from perhekeskus.intake.tests.factories import member_of
from perhekeskus.intake.views import public as public_views
from perhekeskus.testing.clients import logged_in_client
from perhekeskus.testing.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

FORM = "/fi/ask-for-help/"
STATUS = "/fi/ask-for-help/status/"
SENT = "/fi/ask-for-help/sent/"


@pytest.fixture(autouse=True)
def team(organization: Any) -> EarlySupportTeam:
    askola = MunicipalityFactory.create(code="018", name="Askola")
    team = EarlySupportTeam.objects.create(name="VATU Askola", organization=organization)
    team.municipalities.add(askola)
    return team


def form_data(client: Client, lang: str = "fi", **overrides: str | None) -> dict[str, str]:
    page = client.get(f"/{lang}/ask-for-help/")
    data: dict[str, str | None] = {
        "form_token": page.context["form"]["form_token"].value(),
        "message": "Lapsi ei nuku öisin ja olemme väsyneitä.",
        "concerns": "my_child",
        "child_ages": "2",
        "municipality": "018",
        "language": lang,
        "contact_name": "Maija",
        "contact_phone": "040 123 4567",
        "consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def send(client: Client, lang: str = "fi", **overrides: str | None) -> HelpRequest:
    response = client.post(f"/{lang}/ask-for-help/", form_data(client, lang, **overrides))
    assert response.status_code == 302, response.content.decode()[:2000]
    return HelpRequest.objects.order_by("-created_at").first()  # type: ignore[return-value]


def addresses(html: str) -> list[str]:
    return re.findall(r'(?:href|action|src)="([^"]*)"', html)


def title(html: str) -> str:
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match
    return match.group(1).strip()


# --- No dead end: the way back to the status page -------------------------------------------------


@pytest.mark.parametrize("path", ["/fi/", "/fi/ask-for-help/", "/fi/privacy/"])
def test_the_status_page_is_linked_from_the_home_page_the_form_and_every_footer(path: str) -> None:
    html = Client().get(path).content.decode()
    assert html.count('href="/fi/ask-for-help/status/"') >= (2 if path != "/fi/privacy/" else 1)
    assert "Onko pyyntöösi vastattu?" in html


@pytest.mark.parametrize(
    ("lang", "text"),
    [("sv", "Har din begäran besvarats?"), ("en", "Has my request been answered?")],
)
def test_the_status_link_speaks_each_language(lang: str, text: str) -> None:
    html = Client().get(f"/{lang}/").content.decode()
    assert f'href="/{lang}/ask-for-help/status/"' in html
    assert text in html


def test_the_code_has_a_copy_button_and_never_wraps() -> None:
    client = Client()
    help_request = send(client)
    for html in (client.get(SENT).content.decode(), client.get(STATUS).content.decode()):
        code = re.search(r'<span class="code" id="tracking-code">([^<]*)</span>', html)
        assert code and code.group(1) == help_request.tracking_code
        assert 'data-copy="tracking-code"' in html
        assert "/static/intake/help.js" in html
    css = Path(public_views.__file__).parents[2] / "core/static/perhekeskus/css/site.css"
    rule = re.search(r"\.tracking-code \.code \{([^}]*)\}", css.read_text())
    assert rule and "white-space: nowrap" in rule.group(1)


# --- The code stays out of addresses -----------------------------------------------------------


def test_no_address_the_app_makes_carries_the_code() -> None:
    client = Client()
    response = client.post(FORM, form_data(client))
    help_request = HelpRequest.objects.get()
    code = help_request.tracking_code
    seen = [response["Location"]]
    for path in (SENT, STATUS):
        html = client.get(path).content.decode()
        assert code in html
        seen += addresses(html)
    added = client.post(f"{STATUS}add/", {"code": code, "text": "Lisäksi: isä on lähtenyt."})
    seen.append(added["Location"])
    seen += addresses(client.get(added["Location"]).content.decode())
    withdrawn = client.post(f"{STATUS}withdraw/", {"code": code, "confirm": "on"})
    seen.append(withdrawn["Location"])
    lookup = client.post(STATUS, {"code": code})
    seen.append(lookup["Location"])
    assert seen and not [address for address in seen if code in address or code[:5] in address]


def test_a_browser_without_the_code_gets_the_form_to_type_it() -> None:
    help_request = send(Client())
    for path in (STATUS, SENT):
        response = Client().get(path, follow=True)
        html = response.content.decode()
        assert response.status_code == 200
        assert help_request.tracking_code not in html
        assert 'name="code"' in html and 'method="post"' in html


def test_the_lookup_form_posts_the_code_and_keeps_it_out_of_form_history() -> None:
    html = Client().get(STATUS).content.decode()
    form = re.search(r'<form method="(\w+)" action="/fi/ask-for-help/status/"', html)
    assert form and form.group(1) == "post"
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", html)
    assert field and 'autocomplete="off"' in field.group(0)


def test_the_status_page_forgets_the_code_after_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    client = Client()
    help_request = send(client)
    assert help_request.tracking_code in client.get(STATUS).content.decode()
    monkeypatch.setattr(public_views, "STATUS_MAX_AGE", -1)
    html = client.get(STATUS).content.decode()
    assert help_request.tracking_code not in html
    assert 'name="code"' in html


def test_forget_the_code_on_this_device() -> None:
    client = Client()
    help_request = send(client)
    response = client.post(f"{STATUS}forget/")
    assert response.status_code == 303
    for path in (STATUS, SENT):
        assert help_request.tracking_code not in client.get(path, follow=True).content.decode()


@pytest.mark.parametrize("old", ["status", "sent"])
def test_old_links_with_the_code_still_work_and_move_it_out_of_the_address(old: str) -> None:
    help_request = send(Client())
    client = Client()
    response = client.get(f"/fi/ask-for-help/{old}/{help_request.tracking_code.lower()}/")
    assert response.status_code in (302, 303)
    assert help_request.tracking_code not in response["Location"]
    assert help_request.tracking_code in client.get(response["Location"]).content.decode()


def test_old_lookup_query_string_still_works() -> None:
    help_request = send(Client())
    client = Client()
    response = client.get(STATUS, {"code": help_request.tracking_code})
    assert response.status_code == 303 and response["Location"] == STATUS


def test_history_advice_on_the_sent_and_status_pages() -> None:
    client = Client()
    send(client)
    for path in (SENT, STATUS):
        html = client.get(path).content.decode()
        assert 'id="privacy-advice-title"' in html
        assert "yksityistä ikkunaa" in html


# --- Quick exit -----------------------------------------------------------------------------------


def quick_exit_link(html: str) -> str:
    match = re.search(r"<a [^>]*data-quick-exit[^>]*>", html)
    assert match, "no quick exit"
    return match.group(0)


@pytest.mark.parametrize("path", [FORM, STATUS, SENT, "status-page"])
def test_quick_exit_on_the_help_pages(path: str) -> None:
    client = Client()
    send(client)
    if path == "status-page":
        path = STATUS
    html = client.get(path, follow=True).content.decode()
    link = quick_exit_link(html)
    assert 'href="https://yle.fi/saa"' in link
    assert 'rel="noreferrer"' in link
    assert "Poistu sivulta nopeasti" in html
    assert "/static/perhekeskus/js/quick-exit.js" in html


@override_settings(PERHEKESKUS_QUICK_EXIT_URL="https://www.example.fi/uutiset")
def test_quick_exit_goes_where_the_county_configured() -> None:
    html = Client().get("/sv/ask-for-help/").content.decode()
    assert 'href="https://www.example.fi/uutiset"' in quick_exit_link(html)
    assert "Lämna sidan snabbt" in html


def test_quick_exit_script_replaces_the_page_and_listens_for_escape() -> None:
    script = (
        Path(public_views.__file__).parents[2] / "core/static/perhekeskus/js/quick-exit.js"
    ).read_text()
    assert "location.replace(" in script
    assert '"Escape"' in script


# --- Anonymous and contact details ---------------------------------------------------------------


def test_anonymous_with_contact_details_asks_which_and_keeps_everything() -> None:
    client = Client()
    response = client.post(
        FORM, form_data(client, anonymous="on", contact_name="Pekka", contact_phone="040 765 4321")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert not HelpRequest.objects.exists()
    assert 'value="040 765 4321"' in html and 'value="Pekka"' in html
    assert "kumman haluat" in html.lower() or "kumpaa" in html.lower() or "Kumman" in html
    assert re.search(r'<input type="checkbox" name="anonymous"[^>]*checked', html)


def test_anonymous_without_contact_details_is_sent() -> None:
    client = Client()
    help_request = send(client, anonymous="on", contact_name="", contact_phone="")
    assert help_request.anonymous


def test_the_form_tells_the_script_which_fields_anonymous_sets_aside() -> None:
    html = Client().get(FORM).content.decode()
    box = re.search(r'<input type="checkbox" name="anonymous"[^>]*>', html)
    assert (
        box
        and "id_contact_phone" in box.group(0)
        and 'data-anonymous-note="anonymous-note"' in box.group(0)
    )
    assert 'id="anonymous-note"' in html


# --- Errors a phone shows ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "prefix"), [("fi", "Virhe: "), ("sv", "Fel: "), ("en", "Error: ")]
)
def test_an_error_page_says_so_in_its_title_and_puts_the_summary_first(
    lang: str, prefix: str
) -> None:
    client = Client()
    response = client.post(f"/{lang}/ask-for-help/", form_data(client, lang, message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert title(html).startswith(prefix)
    summary = html.index("data-error-summary")
    assert summary < html.index('id="urgent-help-title"')
    assert summary < html.index('class="lead"')
    assert "/static/perhekeskus/js/site.js" in html
    assert not title(client.get(f"/{lang}/ask-for-help/").content.decode()).startswith(prefix)


@override_settings(PERHEKESKUS_HELP_REQUEST_RATE_LIMIT="1/h")
def test_the_rate_limit_page_is_an_error_page_too() -> None:
    from django.core.cache import cache

    cache.clear()
    client = Client()
    send(client)
    response = client.post(FORM, form_data(client, message="Toinen, eri asia."))
    assert response.status_code == 429
    html = response.content.decode()
    assert title(html).startswith("Virhe: ")
    assert html.index("data-error-summary") < html.index('id="urgent-help-title"')


def test_status_lookup_errors_have_an_error_title() -> None:
    response = Client().post(STATUS, {"code": "AAAAA-BBBBB-CCCCC-DDDDD"})
    assert response.status_code == 404
    assert title(response.content.decode()).startswith("Virhe: ")


# --- Contact fields, required markers, the length limit ------------------------------------------


def test_contact_fields_say_what_they_are() -> None:
    html = Client().get(FORM).content.decode()

    def field(name: str) -> str:
        match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
        assert match, name
        return match.group(0)

    assert 'autocomplete="name"' in field("contact_name")
    phone = field("contact_phone")
    assert 'type="tel"' in phone and 'inputmode="tel"' in phone and 'autocomplete="tel"' in phone
    email = field("contact_email")
    assert 'type="email"' in email and 'autocomplete="email"' in email


def test_required_choice_is_marked_like_the_other_required_fields() -> None:
    html = Client().get(FORM).content.decode()
    legend = re.search(r"<legend>Ketä asia koskee\?(.*?)</legend>", html, re.S)
    assert legend and "(pakollinen)" in legend.group(1)


def test_a_long_message_is_not_cut_but_explained() -> None:
    page = Client().get(FORM).content.decode()
    textarea = re.search(r'<textarea[^>]*name="message"[^>]*>', page)
    assert textarea and " maxlength=" not in textarea.group(0)
    assert 'data-maxlength="5000"' in textarea.group(0)
    assert 'data-counter-for="id_message"' in page
    client = Client()
    text = "Meillä on vaikeaa. " * 350  # 6,650 characters
    response = client.post(FORM, form_data(client, message=text))
    assert response.status_code == 400
    html = response.content.decode()
    assert text.strip() in html
    assert "5000" in html or "5 000" in html
    assert not HelpRequest.objects.exists()


# --- Back and Send again ----------------------------------------------------------------------


def test_back_and_send_again_makes_one_request_and_says_so() -> None:
    client = Client()
    first = send(client)
    # Back: the form is loaded again (a new token), the same words are sent again.
    again = client.post(FORM, form_data(client))
    assert again.status_code == 302 and again["Location"] == SENT
    assert HelpRequest.objects.count() == 1
    html = client.get(SENT).content.decode()
    assert first.tracking_code in html
    assert "Lähetit tämän pyynnön jo" in html


def test_the_same_words_from_another_browser_are_another_request() -> None:
    first = send(Client())
    other = Client()
    second = send(other)
    assert HelpRequest.objects.count() == 2
    assert first.tracking_code not in other.get(SENT).content.decode()
    assert second.tracking_code in other.get(SENT).content.decode()


def test_other_words_from_the_same_browser_are_a_new_request() -> None:
    client = Client()
    send(client)
    send(client, message="Ja toinen asia: koulu.")
    assert HelpRequest.objects.count() == 2
    assert "Lähetit tämän pyynnön jo" not in client.get(SENT).content.decode()


# --- Adding information and withdrawing from the status page -----------------------------------


def test_family_adds_information_from_the_status_page_and_the_team_sees_it(
    team: EarlySupportTeam,
) -> None:
    client = Client()
    help_request = send(client)
    html = client.get(STATUS).content.decode()
    assert 'action="/fi/ask-for-help/status/add/"' in html
    response = client.post(
        f"{STATUS}add/", {"code": help_request.tracking_code, "text": "Lapsi on nyt kipeä."}
    )
    assert response.status_code == 303 and response["Location"] == STATUS
    page = client.get(STATUS).content.decode()
    assert "Lapsi on nyt kipeä." not in page  # not shown to whoever holds the code
    assert HelpRequestEvent.objects.filter(request=help_request, kind=EventKind.FAMILY).exists()
    assert AuditEntry.objects.filter(action="intake.request.family_add").count() == 1
    member = member_of(team)
    detail = logged_in_client(member).get(f"/en/pro/help-requests/{help_request.pk}/")
    assert "Message from the family" in detail.content.decode()
    assert "Lapsi on nyt kipeä." in detail.content.decode()


def test_danger_in_an_addition_shows_the_urgent_guidance_once() -> None:
    client = Client()
    help_request = send(client)
    client.post(f"{STATUS}add/", {"code": help_request.tracking_code, "text": "Mieheni lyö minua."})
    html = client.get(STATUS).content.decode()
    assert 'role="alert"' in html and 'href="tel:112"' in html
    assert 'href="tel:112"' not in client.get(STATUS).content.decode().split("urgent-help-title")[0]


def test_an_empty_addition_comes_back_with_an_error() -> None:
    client = Client()
    help_request = send(client)
    response = client.post(f"{STATUS}add/", {"code": help_request.tracking_code, "text": "  "})
    assert response.status_code == 400
    assert title(response.content.decode()).startswith("Virhe: ")
    assert not HelpRequestEvent.objects.filter(kind=EventKind.FAMILY).exists()


def test_additions_with_an_unknown_code_are_not_found() -> None:
    response = Client().post(f"{STATUS}add/", {"code": "AAAAA-BBBBB-CCCCC-DDDDD", "text": "x"})
    assert response.status_code == 404
    assert not HelpRequestEvent.objects.filter(kind=EventKind.FAMILY).exists()


def test_family_withdraws_from_the_status_page() -> None:
    client = Client()
    help_request = send(client)
    unconfirmed = client.post(f"{STATUS}withdraw/", {"code": help_request.tracking_code})
    assert unconfirmed.status_code == 400
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.NEW
    response = client.post(
        f"{STATUS}withdraw/", {"code": help_request.tracking_code, "confirm": "on"}
    )
    assert response.status_code == 303
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.CLOSED
    assert help_request.close_reason == CloseReason.WITHDRAWN
    html = client.get(STATUS).content.decode()
    assert "Peruit tämän pyynnön" in html
    assert 'action="/fi/ask-for-help/status/withdraw/"' not in html
    assert 'action="/fi/ask-for-help/status/add/"' not in html


def test_a_closed_request_cannot_be_withdrawn_from_the_page(team: EarlySupportTeam) -> None:
    from perhekeskus.intake import services

    client = Client()
    help_request = send(client)
    services.help_request_close(
        actor=member_of(team), help_request=help_request, reason=CloseReason.GUIDED
    )
    response = client.post(
        f"{STATUS}withdraw/", {"code": help_request.tracking_code, "confirm": "on"}
    )
    assert response.status_code == 400
    help_request.refresh_from_db()
    assert help_request.close_reason == CloseReason.GUIDED
    assert not AuditEntry.objects.filter(action="intake.request.withdraw").exists()


# --- Texts that fit the request (m6) --------------------------------------------------------------


def test_status_text_fits_an_anonymous_request() -> None:
    client = Client()
    send(client, anonymous="on", contact_name="", contact_phone="")
    html = client.get(STATUS).content.decode()
    assert "Jos annoit yhteystietosi" not in html
    assert "Kysyit nimettömänä" in html


def test_status_text_fits_a_request_with_a_phone_number() -> None:
    client = Client()
    send(client)
    html = client.get(STATUS).content.decode()
    assert "puhelimitse" in html
    assert "Kysyit nimettömänä" not in html


def test_the_sent_page_says_we_look_for_help_together() -> None:
    client = Client()
    send(client)
    assert "Etsimme yhdessä" in client.get(SENT).content.decode()
