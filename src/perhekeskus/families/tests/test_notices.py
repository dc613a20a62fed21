"""The family's e-mails (`families.notices`): one per guardian with an e-mail, in their language,
through the outbox, and never a name of the family, an address, a personal identity code, a
phone number or anything typed about the family."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import transaction
from django.utils import timezone

from perhekeskus.core.models import OutboxEmail
from perhekeskus.families import notices
from perhekeskus.families.models import (
    Consent,
    MeetingStatus,
    NetworkMeeting,
    Referral,
    ReferralStatus,
)
from perhekeskus.testing.factories import OrganizationFactory
from perhekeskus.testing.families import (
    OPEN_ADDRESS,
    PROTECTED_ADDRESS,
    VALID_PIC,
    give_consent,
    make_family,
)

pytestmark = pytest.mark.django_db

SECRET_WORDS = ("Virtanen", "Huoltaja", "Lapsi", "Salainen", "Kirkkotie", "131052", "040 123")


@pytest.fixture
def family(professional):
    return make_family(
        responsible=professional,
        guardians=(
            {"personal_identity_code": VALID_PIC, "preferred_language": "fi"},
            {
                "address": PROTECTED_ADDRESS,
                "address_protected": True,
                "preferred_language": "sv",
                "email": "toinen@example.org",
            },
            {"email": "", "preferred_language": "en"},
        ),
    )


def _messages() -> list[OutboxEmail]:
    return list(OutboxEmail.objects.filter(kind__startswith="families.").order_by("pk"))


def _assert_clean(message: OutboxEmail) -> None:
    text = f"{message.subject}\n{message.body}"
    for word in SECRET_WORDS:
        assert word not in text, word
    assert PROTECTED_ADDRESS not in text
    assert OPEN_ADDRESS not in text


def test_handover_notice_to_each_guardian_with_email_in_their_language(
    family, coordinator, settings
):
    settings.PERHEKESKUS_SITE_DOMAIN = "perhekeskus.example"
    settings.PERHEKESKUS_SITE_HTTPS = True
    with transaction.atomic():
        assert notices.handover_notice(family=family, new_responsible=coordinator) == 2
    messages = _messages()
    assert [json.loads(m.recipients) for m in messages] == [
        ["huoltaja1@example.org"],
        ["toinen@example.org"],
    ]
    finnish, swedish = messages
    assert coordinator.full_name in finnish.body
    assert coordinator.email in finnish.body
    assert "https://perhekeskus.example/fi/family/" in finnish.body
    assert "https://perhekeskus.example/sv/family/" in swedish.body
    assert "uusi vastuutyöntekijä" in finnish.subject
    assert "ny ansvarig arbetstagare" in swedish.subject
    for message in messages:
        _assert_clean(message)


def test_referral_notice_names_the_organisation_and_what_happened(family, professional):
    ngo = OrganizationFactory.create(name="MLL Askola")
    consent: Consent = give_consent(family, [ngo], categories=["referrals"])
    referral = Referral.objects.create(
        family=family,
        from_organization=professional.organization,
        to_organization=ngo,
        categories=["basic"],
        consent=consent,
        message="Virtanen needs help at Kirkkotie 3",
        sent_by=professional,
        status=ReferralStatus.DECLINED,
        decline_reason="Huoltaja 1 Virtanen said no",
    )
    with transaction.atomic():
        assert notices.referral_notice(referral=referral) == 2
    finnish = _messages()[0]
    assert "MLL Askola" in finnish.body
    for message in _messages():
        _assert_clean(message)
        assert "needs help" not in message.body
        assert "said no" not in message.body


def test_meeting_notice_goes_to_invited_guardians_with_time_and_place(family, professional):
    meeting = NetworkMeeting.objects.create(
        family=family,
        starts_at=timezone.make_aware(datetime.datetime(2026, 12, 14, 9, 0)),
        place="Perhekeskus, Koulutie 1",
        created_by=professional,
    )
    invited = family.guardians.order_by("pk").first()
    meeting.guardians.set([invited])
    with transaction.atomic():
        assert notices.meeting_notice(meeting=meeting) == 1
    (message,) = _messages()
    assert "14.12.2026" in message.body
    assert "Koulutie 1" in message.body
    assert "Virtanen" not in message.body


def test_meeting_at_a_family_address_is_not_sent(family, professional):
    meeting = NetworkMeeting.objects.create(
        family=family,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Salainen polku 7 B 12",
        created_by=professional,
        status=MeetingStatus.PLANNED,
    )
    meeting.guardians.set(family.guardians.all())
    with transaction.atomic():
        assert notices.meeting_notice(meeting=meeting) == 2
    for message in _messages():
        _assert_clean(message)


def test_signin_link_notice(family):
    guardian = family.guardians.order_by("pk").first()
    with transaction.atomic():
        assert notices.signin_link_notice(guardian=guardian, url="https://x.example/fi/family/t/")
    (message,) = _messages()
    assert "https://x.example/fi/family/t/" in message.body
    assert "20" in message.body
    _assert_clean(message)
