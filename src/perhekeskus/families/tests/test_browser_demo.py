"""The demo's family coordination in a real browser, with axe-core on pages full of real data:
the Virtanen family's responsible worker reads its whole record (consents in force, expired and
revoked, the team, the plan, a held and a planned meeting, a referral in each state, the
non-disclosed address) in Finnish, Swedish and English; Askola's school social worker, whose
school's consent has expired, finds nothing of the family in the list, the search or at its
address; MLL Askola's volunteer coordinator reads the referrals sent to MLL in the inbox, never
the non-disclosed address."""

from __future__ import annotations

from typing import Any

import pytest

from perhekeskus.demo import network
from perhekeskus.demo.catalog.helpers import org_id
from perhekeskus.families.identity import name_digest
from perhekeskus.families.models import Family, Referral, ReferralStatus
from perhekeskus.testing.browser import axe_violations, describe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("committed_demo"),
]

PROTECTED = "Salainen polku 7 B 12"
NAMES = ("Laura Virtanen", "Mikko Virtanen", "Eetu Virtanen", "Aino Virtanen")


def virtanen() -> Family:
    return Family.objects.get(name_digest=name_digest("Virtanen"), municipality_id="018")


def log_in(page: Any, base: str, local: str, lang: str = "en") -> None:
    page.goto(f"{base}/{lang}/accounts/login/")
    page.fill("#id_email", f"{local}@{network.DEMO_DOMAIN}")
    page.fill("#id_password", network.DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"**/{lang}/accounts/me/")


class Axe:
    def __init__(self, page: Any) -> None:
        self.page = page
        self.failures: list[str] = []

    def check(self, where: str) -> None:
        # axe skips what is hidden in a closed <details>: open them all.
        self.page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        violations = axe_violations(self.page)
        if violations:
            self.failures.append(f"{where}\n{describe(violations)}")

    def assert_clean(self) -> None:
        assert not self.failures, "\n\n".join(self.failures)


def test_the_responsible_worker_reads_the_whole_record_in_three_languages(
    live_server: Any, page: Any
) -> None:
    family = virtanen()
    base = live_server.url
    axe = Axe(page)
    log_in(page, base, "vastuutyontekija")
    page.goto(f"{base}/en/pro/families/")
    assert page.locator(f"a[href$='/pro/families/{family.pk}/']").count() >= 1
    axe.check("list")
    page.goto(f"{base}/en/pro/families/?q=Virtanen")
    assert page.locator(f"a[href$='/pro/families/{family.pk}/']").count() >= 1
    axe.check("search")
    for lang in ("fi", "sv", "en"):
        response = page.goto(f"{base}/{lang}/pro/families/{family.pk}/")
        assert response is not None and response.status == 200
        assert page.locator("html").get_attribute("lang") == lang
        content = page.content()
        assert PROTECTED in content
        assert all(name in content for name in NAMES)
        axe.check(f"{lang} family page")
    for path in ("plan/",):
        page.goto(f"{base}/en/pro/families/{family.pk}/{path}")
        axe.check(path)
    axe.assert_clean()


def test_the_school_social_worker_whose_consent_expired_finds_nothing(
    live_server: Any, page: Any
) -> None:
    family = virtanen()
    base = live_server.url
    axe = Axe(page)
    log_in(page, base, "kuraattori", "fi")
    for url in ("/fi/pro/families/", "/fi/pro/families/?q=Virtanen&status=all"):
        page.goto(f"{base}{url}")
        content = page.content()
        assert str(family.pk) not in content
        assert not any(name in content for name in NAMES)
        axe.check(url)
    response = page.goto(f"{base}/fi/pro/families/{family.pk}/")
    assert response is not None and response.status == 404
    assert not any(name in page.content() for name in NAMES)
    response = page.goto(f"{base}/api/v1/families/{family.pk}")
    assert response is not None and response.status == 404
    axe.assert_clean()


def test_mlls_volunteer_coordinator_reads_the_referrals_to_mll_without_the_hidden_address(
    live_server: Any, page: Any
) -> None:
    family = virtanen()
    base = live_server.url
    axe = Axe(page)
    log_in(page, base, "vapaaehtoiset", "sv")
    page.goto(f"{base}/sv/pro/families/referrals/?status=all")
    axe.check("inbox")
    referrals = Referral.objects.filter(family=family, to_organization_id=org_id("mll-askola"))
    assert {r.status for r in referrals} >= {ReferralStatus.ACCEPTED, ReferralStatus.DECLINED}
    accepted = referrals.get(status=ReferralStatus.ACCEPTED)
    page.locator(f"a[href$='/referrals/{accepted.pk}/']").first.click()
    page.wait_for_url(f"**/referrals/{accepted.pk}/")
    assert "Eetu Virtanen" in page.content()
    assert PROTECTED not in page.content()
    axe.check("accepted referral")
    page.goto(f"{base}/sv/pro/families/{family.pk}/")
    assert "Eetu Virtanen" in page.content()
    assert PROTECTED not in page.content()
    axe.check("family page as a team member")
    axe.assert_clean()
