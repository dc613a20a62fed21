"""The crisis numbers come from one list (core.crisis): the urgent-help boxes, the danger banner
and the demo catalogue's helpline cards show the same number for the same helpline, and every
number is a tap-to-call link."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

from perhekeskus.catalog.models import ContactChannel
from perhekeskus.core import crisis
from perhekeskus.demo.catalog import helplines
from perhekeskus.demo.catalog.helpers import service_id
from perhekeskus.demo.catalog.hours import ALWAYS

# The demo's cards for the crisis lines: line → the demo service that gives it.
DEMO_CARDS = {
    crisis.MIELI_FI: "mieli-kriisipuhelin",
    crisis.MIELI_SV: "mieli-kriisipuhelin",
    crisis.MIELI_EN: "mieli-kriisipuhelin",
    crisis.NOLLALINJA: "thl-vakivallan-auttava-puhelin",
    crisis.MLL_CHILDREN: "mll-lasten-ja-nuorten-puhelin",
}


def _records() -> dict[str, object]:
    return {str(record.id): record for record in helplines.SERVICES}


def test_demo_helpline_cards_and_the_crisis_list_agree() -> None:
    records = _records()
    for line, key in DEMO_CARDS.items():
        record = records[str(service_id(key))]
        phones = [c for c in record.channels if c.kind == "phone"]  # type: ignore[attr-defined]
        matching = [c for c in phones if c.value == line.number]
        assert len(matching) == 1, (line.key, [c.value for c in phones])
        channel = matching[0]
        assert (channel.phone_charge == "free") == line.free, line.key
        assert set(channel.languages) == set(line.languages), line.key
        # A line the list calls round the clock is round the clock on its card, and back.
        assert (channel.schedules == ALWAYS) == line.around_the_clock, line.key
    # No helpline card gives a number of its own for a crisis service.
    crisis_numbers = {line.number for line in crisis.LINES}
    for key in set(DEMO_CARDS.values()):
        record = records[str(service_id(key))]
        for channel in record.channels:  # type: ignore[attr-defined]
            if channel.kind == "phone":
                assert channel.value in crisis_numbers, channel.value


def test_tel_links_use_the_number_shown() -> None:
    for line in crisis.LINES:
        digits = re.sub(r"\D", "", line.number)
        href_digits = re.sub(r"\D", "", line.tel)
        assert line.tel.startswith("tel:")
        # +358 9 … is 09 … in Finland.
        assert href_digits in (digits, "358" + digits.removeprefix("0")), line.key
        assert set(line.names) == {"fi", "sv", "en"}


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_network")
def test_urgent_box_and_helpline_card_show_the_same_tap_to_call_number(client: Client) -> None:
    nollalinja = f'<a class="tel" href="{crisis.NOLLALINJA.tel}">{crisis.NOLLALINJA.number}</a>'
    for lang in ("fi", "sv", "en"):
        home = client.get(f"/{lang}/").content.decode()
        assert nollalinja in home
        assert '<a class="tel" href="tel:112">112</a>' in home
        card = client.get(
            f"/{lang}/services/{service_id('thl-vakivallan-auttava-puhelin')}"
        ).content.decode()
        assert f'href="{crisis.NOLLALINJA.tel}">{crisis.NOLLALINJA.number}</a>' in card
    form = client.get("/fi/ask-for-help/").content.decode()
    assert nollalinja in form
    assert crisis.MIELI_FI.tel in form
    # The demo has no other number for the helplines in the list.
    phones = set(ContactChannel.objects.filter(kind="phone").values_list("value", flat=True))
    assert {line.number for line in DEMO_CARDS} <= phones
    assert "0800 555 013" not in phones


@pytest.mark.django_db
def test_danger_banner_on_the_sent_page_has_tap_to_call_numbers(rf: RequestFactory) -> None:
    request = rf.get("/fi/ask-for-help/sent/")
    request.user = AnonymousUser()
    with translation.override("fi"):
        html = render_to_string(
            "intake/sent.html",
            {"danger": True, "tracking_code": "ABCD", "status_url": "/fi/"},
            request=request,
        )
    banner = html.split('role="alert"', 1)[1].split("</div>", 1)[0]
    for line in (crisis.EMERGENCY, crisis.MIELI_FI, crisis.NOLLALINJA):
        assert f'<a class="tel" href="{line.tel}">{line.number}</a>' in banner


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_network")
def test_result_cards_show_the_phone_number_to_tap(client: Client) -> None:
    html = client.get("/fi/search", {"q": "lähisuhdeväkivallan auttava puhelin"}).content.decode()
    assert f'<a class="tel" href="{crisis.NOLLALINJA.tel}">{crisis.NOLLALINJA.number}</a>' in html
