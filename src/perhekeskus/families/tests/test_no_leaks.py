"""Nothing leaks out of family coordination.

1. A non-disclosed address (turvakielto): a family whose second guardian and child have
   `address_protected` set. Its string appears on no page of the families' and the family's
   URL namespaces (every pattern there, each with every id it takes), in no API answer, export,
   letter, e-mail of the outbox (decrypted) or log line (DEBUG, over every flow that writes
   e-mails), for anyone but the family's responsible worker: a team member whose consent covers
   every category, a professional reading under a law, an unrelated professional, a
   coordinator, a signed-in guardian of the family, an anonymous visitor. For the responsible
   worker it does appear (on the family page, the API and the letter to that guardian), so
   that the test can fail.
2. The category x place matrix: a team member whose organisation's consent is missing, expired
   or revoked finds nothing of the family (the page and every section page 404, the API 404, the
   list and the search without it, in the page and the API); with a consent that covers one
   category, that category is shown and its read logged at that place, and no other category
   beyond the basic data is read or logged.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone, translation

from perhekeskus.core.models import OutboxEmail
from perhekeskus.core.roles import Role
from perhekeskus.families import urls_pro, urls_public
from perhekeskus.families.models import (
    AccessLogEntry,
    AccessPlace,
    Child,
    CorrectionRequest,
    DataCategory,
    Family,
    Guardian,
    LegalAccess,
    LegalBasis,
    NetworkMeeting,
    Note,
    PlanAction,
    PlanVersion,
    Referral,
    ReferralStatus,
    SignInLink,
    SupportPlan,
    TeamMember,
    TeamRole,
)
from perhekeskus.families.services import plan as plan_services
from perhekeskus.families.services import records as record_services
from perhekeskus.families.services import referrals as referral_services
from perhekeskus.families.services import signin, subject
from perhekeskus.families.tests.helpers import logged_in
from perhekeskus.testing.factories import OrganizationFactory, UserFactory
from perhekeskus.testing.families import (
    OPEN_ADDRESS,
    PROTECTED_ADDRESS,
    add_member,
    give_consent,
    make_family,
)
from perhekeskus.testing.jobs import run_jobs

pytestmark = pytest.mark.django_db

API = "/api/v1"
SECRET = PROTECTED_ADDRESS
NAME = "Virtanen"
CHILD = "Lapsi 1 Virtanen"


# --- the family and its readers ------------------------------------------------------------------


@dataclass
class World:
    family: Family
    worker: Any  # the responsible worker
    kuraattori: Any  # on the team, a consent covering every category
    law_reader: Any  # reading under a law, every category
    outsider: Any  # a professional with nothing to do with the family
    coordinator: Any
    successor: Any  # the responsible worker after the hand-over
    open_guardian: Guardian
    protected_guardian: Guardian
    child: Child
    school: Any
    meeting: NetworkMeeting
    referral: Referral
    token: str


@pytest.fixture
def world(professional, coordinator, school) -> World:
    worker = professional
    kuraattori = UserFactory.create(
        full_name="Kaisa Kuraattori", organization=school, roles=[Role.PROFESSIONAL]
    )
    law_reader = UserFactory.create(
        organization=OrganizationFactory.create(name="Lastensuojelu"), roles=[Role.PROFESSIONAL]
    )
    outsider = UserFactory.create(roles=[Role.PROFESSIONAL])
    successor = UserFactory.create(organization=worker.organization, roles=[Role.PROFESSIONAL])
    family = make_family(
        responsible=worker,
        name=NAME,
        guardians=[
            {"email": "avoin@example.org"},
            {"address": SECRET, "address_protected": True, "email": "suojattu@example.org"},
        ],
        children=[{"address": SECRET, "address_protected": True}],
    )
    open_guardian, protected_guardian = family.guardians.order_by("pk")
    child = family.children.get()
    add_member(family, kuraattori, TeamRole.SCHOOL_SOCIAL_WORKER)
    give_consent(family, [worker.organization, school], categories=DataCategory.values)
    LegalAccess.objects.create(
        family=family,
        actor=law_reader,
        organization=law_reader.organization,
        basis=LegalBasis.CHILD_WELFARE_NOTIFICATION,
        reason="Lastensuojeluilmoitus",
        categories=DataCategory.values,
        expires_at=timezone.now() + dt.timedelta(hours=8),
    )
    plan = SupportPlan.objects.create(family=family, goals="Arki sujuu", version=1)
    PlanAction.objects.create(plan=plan, text="Kerhopaikka", assignee=kuraattori)
    PlanVersion.objects.create(plan=plan, number=1, snapshot='{"goals": "Arki sujuu"}')
    Note.objects.create(family=family, author=worker, text="Soitettu kouluun")
    CorrectionRequest.objects.create(family=family, guardian=open_guardian, text="Nimi väärin")
    meeting = NetworkMeeting.objects.create(
        family=family, starts_at=timezone.now() + dt.timedelta(days=7), place="Perhekeskus"
    )
    meeting.guardians.set([open_guardian, protected_guardian])
    meeting.children.set([child])
    meeting.professionals.set([worker, kuraattori])
    referral = referral_services.referral_send(
        actor=worker,
        family_id=family.pk,
        to_organization_id=school.pk,
        categories=[DataCategory.CONTACT, DataCategory.PLAN],
        message="Perhe tarvitsee tukea koulussa",
    )
    token = "leak-test-token"
    SignInLink.objects.create(
        guardian=open_guardian,
        token_digest=signin.token_digest(token),
        expires_at=timezone.now() + dt.timedelta(minutes=20),
    )
    return World(
        family=family,
        worker=worker,
        kuraattori=kuraattori,
        law_reader=law_reader,
        outsider=outsider,
        coordinator=coordinator,
        successor=successor,
        open_guardian=open_guardian,
        protected_guardian=protected_guardian,
        child=child,
        school=school,
        meeting=meeting,
        referral=referral,
        token=token,
    )


def guardian_client(guardian: Guardian) -> Client:
    client = Client()
    session = client.session
    session[signin.SESSION_GUARDIAN] = guardian.pk
    session[signin.SESSION_SEEN] = int(timezone.now().timestamp())
    session[signin.SESSION_METHOD] = "test"
    session.save()
    return client


# --- every URL of the two namespaces -------------------------------------------------------------


def _patterns(patterns: list[Any], prefix: str) -> Iterator[tuple[str, URLPattern]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix}:{entry.name}", entry


def _kwarg_choices(name: str, world: World) -> list[dict[str, Any]]:
    """Every combination of ids a pattern takes, from the world's rows."""
    family = world.family
    guardians = [world.open_guardian, world.protected_guardian]
    people = [("guardian", g.pk) for g in guardians] + [("child", world.child.pk)]
    by_name: dict[str, list[Any]] = {
        "family_id": [family.pk],
        "help_request_id": [uuid.uuid4()],
        "member_id": list(TeamMember.objects.filter(family=family).values_list("pk", flat=True)),
        "consent_id": list(family.consents.values_list("pk", flat=True)),
        "legal_access_id": list(
            LegalAccess.objects.filter(family=family).values_list("pk", flat=True)
        ),
        "number": [1],
        "action_id": list(
            PlanAction.objects.filter(plan__family=family).values_list("pk", flat=True)
        ),
        "meeting_id": [world.meeting.pk],
        "guardian_id": [g.pk for g in guardians],
        "referral_id": [world.referral.pk],
        "correction_id": list(
            CorrectionRequest.objects.filter(family=family).values_list("pk", flat=True)
        ),
        "token": [world.token],
        "backend": ["email"],
    }
    pattern = world_patterns()[name]
    keys = list(pattern.pattern.converters)
    choices: list[dict[str, Any]] = [{}]
    if "kind" in keys and "person_id" in keys:
        choices = [{"kind": kind, "person_id": pk} for kind, pk in people]
        keys = [key for key in keys if key not in ("kind", "person_id")]
    elif "kind" in keys:
        choices = [{"kind": "guardian"}, {"kind": "child"}]
        keys.remove("kind")
    for key in keys:
        values = by_name.get(key)
        assert values, f"the leak test does not know what to give {name}'s {key}: teach it"
        choices = [{**choice, key: value} for choice in choices for value in values]
    return choices


def world_patterns() -> dict[str, URLPattern]:
    return dict(
        [
            *_patterns(urls_pro.urlpatterns, "families"),
            *_patterns(urls_public.urlpatterns, "family"),
        ]
    )


def every_url(world: World) -> list[str]:
    urls = []
    with translation.override("fi"):
        for name in world_patterns():
            for kwargs in _kwarg_choices(name, world):
                urls.append(reverse(name, kwargs=kwargs))
    return urls


def readers(world: World) -> dict[str, Client]:
    return {
        "team member": logged_in(world.kuraattori),
        "law reader": logged_in(world.law_reader),
        "outsider": logged_in(world.outsider),
        "coordinator": logged_in(world.coordinator),
        "guardian": guardian_client(world.open_guardian),
        "anonymous": Client(),
    }


def leaks(client: Client, urls: list[str]) -> list[str]:
    found = []
    for url in urls:
        response = client.get(url)
        if SECRET in response.content.decode(errors="replace"):
            found.append(f"{url} ({response.status_code})")
    return found


def outbox_texts() -> list[str]:
    texts = [
        f"{row.recipients}\n{row.subject}\n{row.body}\n{row.attachments}"
        for row in OutboxEmail.objects.all()
    ]
    for message in mail.outbox:
        texts.append(f"{message.to}\n{message.subject}\n{message.body}")
        texts += [str(content) for content, _type in getattr(message, "alternatives", [])]
    return texts


# --- 1. the non-disclosed address ----------------------------------------------------------------


def test_the_urls_of_both_namespaces_are_all_visited(world: World) -> None:
    """A new page is in the leak test as soon as it has a URL (or the test says what it
    lacks): the families' pages, the family's own page."""
    names = set(world_patterns())
    assert {"families:list", "families:detail", "family:home"} <= names
    assert len(every_url(world)) >= len(names)


def exercise(world: World) -> dict[str, list[str]]:
    """Every flow that writes e-mails or log lines, then every page and API answer read by each
    reader but the responsible worker; returns where each found the address. Also checks that
    the responsible worker does see it (else the test could pass by never showing any address)
    and that after a hand-over the old worker no longer does."""
    urls = every_url(world)
    api = [
        f"{API}/families",
        f"{API}/families?status=all",
        f"{API}/families?search={NAME}",
        f"{API}/families/{world.family.pk}",
    ]
    # A sign-in link to each guardian, a meeting invitation, a referral accepted, the open
    # guardian's data-subject export.
    for guardian in (world.open_guardian, world.protected_guardian):
        signin.signin_link_request(email=guardian.email)
    run_jobs()  # the links are sent by a job, after the answer
    plan_services.meeting_plan(
        actor=world.worker,
        family_id=world.family.pk,
        starts_at=timezone.now() + dt.timedelta(days=3),
        place="Perhekeskus, neuvotteluhuone",
        guardian_ids=[world.open_guardian.pk, world.protected_guardian.pk],
    )
    referral_services.referral_accept(actor=world.kuraattori, referral_id=world.referral.pk)
    found: dict[str, list[str]] = {}
    for fmt in ("json", "html"):
        exported = subject.subject_export(
            actor=world.worker,
            family_id=world.family.pk,
            subject_kind="guardian",
            subject_id=world.open_guardian.pk,
            fmt=fmt,
        )
        if SECRET in str(exported):
            found.setdefault("export", []).append(fmt)
    clients = readers(world)
    for who, client in clients.items():
        found[who] = leaks(client, urls) + leaks(client, api)
    # The readers did read: the team member and the law reader see the contact section (with
    # the open address, not the protected one), the guardian their family's page.
    with translation.override("fi"):
        detail = reverse("families:detail", kwargs={"family_id": world.family.pk})
        home = reverse("family:home")
    for who in ("team member", "law reader"):
        page = clients[who].get(detail)
        assert page.status_code == 200, who
        assert OPEN_ADDRESS in page.content.decode(), who
        assert "Salainen" not in page.content.decode(), who
    assert clients["guardian"].get(home).status_code == 200

    worker = logged_in(world.worker)
    assert SECRET in worker.get(detail).content.decode()
    assert SECRET in worker.get(f"{API}/families/{world.family.pk}").content.decode()
    letters = [url for url in urls if "/letter/" in url]
    assert letters, "no meeting letter page"
    assert any(SECRET in worker.get(url).content.decode() for url in letters)

    # Handed over (the family is told by e-mail), the old worker no longer sees it.
    record_services.responsible_change(
        actor=world.worker,
        family_id=world.family.pk,
        new_responsible_id=world.successor.pk,
        reason="Vanhempainvapaa",
    )
    found["former responsible worker"] = leaks(worker, urls) + leaks(worker, api)
    assert SECRET in logged_in(world.successor).get(detail).content.decode()
    return {who: where for who, where in found.items() if where}


def test_the_protected_address_appears_for_the_responsible_worker_only(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    """Pages, API answers, exports, letters and e-mails (the outbox decrypted, and what was
    sent after the commits)."""
    with django_capture_on_commit_callbacks(execute=True):
        assert exercise(world) == {}
    texts = outbox_texts()
    assert len(texts) >= 4, "the flows wrote no e-mails: nothing was checked"
    assert [text for text in texts if SECRET in text] == []


def test_a_protected_address_typed_into_a_text_reaches_the_responsible_worker_only(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    typed = f"Äiti ja lapset muuttivat osoitteeseen {SECRET}."
    plan = SupportPlan.objects.get(family=world.family)
    plan.goals = typed
    plan.save()
    PlanAction.objects.create(plan=plan, text=typed, assignee_text=typed)
    Note.objects.create(family=world.family, author=world.worker, text=typed)
    NetworkMeeting.objects.filter(pk=world.meeting.pk).update(minutes=typed)
    with django_capture_on_commit_callbacks(execute=True):
        assert exercise(world) == {}
    assert [text for text in outbox_texts() if SECRET in text] == []


def test_no_log_line_carries_the_protected_address(
    world: World, caplog: pytest.LogCaptureFixture, django_capture_on_commit_callbacks: Any
) -> None:
    """Every log line at DEBUG (LOG_LEVEL=DEBUG; the loggers keep their own levels as configured:
    Django's own stay at INFO, whose template engine would otherwise print a page's whole
    context, addresses included, for each missing variable) over the same flows and reads."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="perhekeskus")
    with django_capture_on_commit_callbacks(execute=True):
        exercise(world)
    assert caplog.records, "nothing was logged: nothing was checked"
    assert [r.name for r in caplog.records if SECRET in r.getMessage()] == []
    assert SECRET not in caplog.text


# --- 2. the category x place matrix --------------------------------------------------------------


@pytest.fixture
def family(professional, kuraattori):
    family = make_family(
        responsible=professional,
        name=NAME,
        guardians=[{"email": "avoin@example.org", "phone": "040 765 4321"}],
    )
    add_member(family, kuraattori)
    plan = SupportPlan.objects.create(family=family, goals="Tavoite-ABC", version=1)
    PlanAction.objects.create(plan=plan, text="Toimi-ABC")
    NetworkMeeting.objects.create(
        family=family, starts_at=timezone.now(), place="Paikka-ABC", minutes="Muistio-ABC"
    )
    Note.objects.create(family=family, author=professional, text="Muistiinpano-ABC")
    ngo = OrganizationFactory.create(name="MLL Askola")
    Referral.objects.create(
        family=family,
        from_organization=professional.organization,
        to_organization=ngo,
        categories=[DataCategory.BASIC],
        consent=give_consent(family, [ngo], categories=[DataCategory.REFERRALS]),
        message="Viesti",
        status=ReferralStatus.DECLINED,
        sent_by=professional,
        decided_at=timezone.now(),
        decline_reason="Hylkäys-ABC",
    )
    return family


# What each category shows, on the page and in the API, and nowhere without it.
SHOWN = {
    DataCategory.CONTACT: "040 765 4321",
    DataCategory.PLAN: "Tavoite-ABC",
    DataCategory.MEETINGS: "Paikka-ABC",
    DataCategory.NOTES: "Muistiinpano-ABC",
    DataCategory.REFERRALS: "Hylkäys-ABC",
}


def family_urls(family: Family) -> list[str]:
    """Every families page of this family that needs nothing but its id."""
    urls = []
    with translation.override("fi"):
        for name, pattern in world_patterns().items():
            if name.startswith("families:") and set(pattern.pattern.converters) == {"family_id"}:
                urls.append(reverse(name, kwargs={"family_id": family.pk}))
    return urls


def list_urls() -> list[str]:
    with translation.override("fi"):
        page = reverse("families:list")
    return [
        page,
        f"{page}?status=all",
        f"{page}?q={NAME}",
        f"{API}/families",
        f"{API}/families?status=all",
        f"{API}/families?search={NAME}",
    ]


@pytest.mark.parametrize("state", ["missing", "expired", "revoked", "another_organisation"])
def test_without_a_covering_consent_the_team_member_finds_nothing(
    family, kuraattori, school, state
) -> None:
    today = timezone.localdate()
    if state == "expired":
        give_consent(
            family,
            [school],
            categories=DataCategory.values,
            valid_from=today - dt.timedelta(days=60),
            valid_until=today - dt.timedelta(days=1),
        )
    elif state == "revoked":
        give_consent(family, [school], categories=DataCategory.values, revoked=True)
    elif state == "another_organisation":
        give_consent(family, [OrganizationFactory.create()], categories=DataCategory.values)
    client = logged_in(kuraattori)
    pages = family_urls(family)
    assert len(pages) > 3
    answered = {url: client.get(url).status_code for url in pages}
    assert {url: code for url, code in answered.items() if code != 404} == {}
    assert client.get(f"{API}/families/{family.pk}").status_code == 404
    for url in list_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert str(family.pk) not in body, url
        assert CHILD not in body, url
    assert not AccessLogEntry.objects.filter(family=family).exists()


def test_revoking_takes_effect_at_once(family, kuraattori, school) -> None:
    consent = give_consent(family, [school], categories=DataCategory.values)
    client = logged_in(kuraattori)
    with translation.override("fi"):
        detail = reverse("families:detail", kwargs={"family_id": family.pk})
    assert client.get(detail).status_code == 200
    consent.revoked_at = timezone.now()
    consent.save()
    assert client.get(detail).status_code == 404
    assert client.get(f"{API}/families/{family.pk}").status_code == 404


@pytest.mark.parametrize("category", sorted(SHOWN))
def test_a_covered_category_is_shown_and_its_read_logged_at_each_place(
    family, kuraattori, school, category
) -> None:
    give_consent(family, [school], categories=[category])
    client = logged_in(kuraattori)
    with translation.override("fi"):
        detail = reverse("families:detail", kwargs={"family_id": family.pk})

    def logged(place: str) -> set[str]:
        return set(
            AccessLogEntry.objects.filter(family=family, actor=kuraattori, place=place)
            .values_list("category", flat=True)
            .distinct()
        )

    page = client.get(detail)
    assert page.status_code == 200
    assert SHOWN[category] in page.content.decode()
    for other, text in SHOWN.items():
        if other != category:
            assert text not in page.content.decode(), other
    assert logged(AccessPlace.PAGE) == {DataCategory.BASIC, category}

    api = client.get(f"{API}/families/{family.pk}")
    assert api.status_code == 200
    assert SHOWN[category] in api.content.decode()
    for other, text in SHOWN.items():
        if other != category:
            assert text not in api.content.decode(), other
    assert logged(AccessPlace.API) == {DataCategory.BASIC, category}

    for url in list_urls():
        response = client.get(url)
        assert str(family.pk) in response.content.decode(), url
    assert logged(AccessPlace.LIST) == {DataCategory.BASIC}
    assert logged(AccessPlace.API) == {DataCategory.BASIC, category}


def test_exports_and_printouts_are_the_responsible_workers_and_logged(
    family, kuraattori, school, professional
) -> None:
    give_consent(family, [school], categories=DataCategory.values)
    guardian = family.guardians.get()
    with translation.override("fi"):
        export = reverse(
            "families:subject_export_json",
            kwargs={"family_id": family.pk, "kind": "guardian", "person_id": guardian.pk},
        )
        printout = reverse("families:access_log", kwargs={"family_id": family.pk})
    team_member = logged_in(kuraattori)
    assert team_member.get(export).status_code in (403, 404)
    assert team_member.get(printout).status_code in (403, 404)
    assert not AccessLogEntry.objects.filter(
        actor=kuraattori, place__in=[AccessPlace.EXPORT, AccessPlace.PRINT]
    ).exists()
    worker = logged_in(professional)
    assert worker.get(export).status_code == 200
    assert worker.get(printout).status_code == 200
    places = set(
        AccessLogEntry.objects.filter(family=family, actor=professional).values_list(
            "place", flat=True
        )
    )
    assert {AccessPlace.EXPORT, AccessPlace.PRINT} <= places
