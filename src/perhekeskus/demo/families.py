"""The demo's family coordination (issue #14): families in five municipalities, each with its
responsible worker, a team across organisations, consents, a support plan, network meetings,
notes and referrals.

The Virtanen family in Askola shows everything. Its record continues a help request that the
mother sent through "Ask for help": Askola's early-support team (VATU) assigned it to the
responsible worker `vastuutyontekija`, who opened the record from it with the family's
coordination consent (the county and MLL Askola). The team: Askola's school social worker
`kuraattori`, MLL Askola's volunteer coordinator `vapaaehtoiset` (who joined by accepting a
referral) and Askola parish's deacon `diakoni`. The school's consent has expired, so the school
social worker finds nothing of the family anywhere; the parish's consent was revoked, so the
deacon sees nothing either. The mother's address is non-disclosed (turvakielto). The plan has
goals and actions, one network meeting is held with its minutes and another planned, and there
is a referral in each state: sent, accepted by MLL Askola, declined with a reason, done and
withdrawn. Families in Porvoo (opened from a help request too, in Swedish), Janakkala, Turku and
Simo have their own workers, teams and referrals.

Everything is written through the families app's services, as the workers would write it on
their pages. Two things the services rightly refuse are done after them, on the rows they
wrote: the school's consent is recorded with its real first day (four months ago) and in force
until tomorrow, because a school social worker joins a team only while a consent names the
school; its last day is then moved into the past, so that it has expired. And a meeting held
two weeks ago is planned for tomorrow (a meeting is planned for a time to come), moved to its
day and then recorded with its minutes. Loading again adds only the families that the demo's
responsible worker has not opened yet in that municipality, so a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from perhekeskus.accounts.models import User
from perhekeskus.catalog.models import Municipality, Organization
from perhekeskus.core.models import OutboxEmail
from perhekeskus.demo.catalog.helpers import DEMO_DOMAIN, org_id, service_id
from perhekeskus.families.identity import name_digest
from perhekeskus.families.models import (
    ActionStatus,
    Consent,
    ConsentMethod,
    ConsentPurpose,
    CustodyRole,
    DataCategory,
    Family,
    NetworkMeeting,
    PlanStatus,
    Referral,
    TeamRole,
)
from perhekeskus.families.services import consents, plan, records, referrals, team
from perhekeskus.families.services.inputs import ChildInput, ConsentInput, GuardianInput
from perhekeskus.intake import services as intake

HELSINKI = ZoneInfo("Europe/Helsinki")

BASIC = DataCategory.BASIC.value
CONTACT = DataCategory.CONTACT.value
PLAN = DataCategory.PLAN.value
MEETINGS = DataCategory.MEETINGS.value
NOTES = DataCategory.NOTES.value
REFERRALS = DataCategory.REFERRALS.value
EVERYTHING = (CONTACT, PLAN, MEETINGS, NOTES, REFERRALS)

# The consent's state at the end of loading.
IN_FORCE = "in_force"
EXPIRED = "expired"
REVOKED = "revoked"

# A referral's state at the end of loading.
SENT = "sent"
ACCEPTED = "accepted"
DECLINED = "declined"
DONE = "done"
WITHDRAWN = "withdrawn"


# --- What the demo has -------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoGuardian:
    name: str
    email: str = ""  # local part at the demo domain; "" for none
    phone: str = ""
    address: str = ""
    address_protected: bool = False
    preferred_language: str = "fi"
    interpreter_needed: bool = False
    interpreter_language: str = ""
    custody_role: str = CustodyRole.CUSTODIAN


@dataclass(frozen=True)
class DemoChild:
    """A child `age` years old on the loading day, born on `born` (month, day) of that year;
    with `pic_number` (900–999, the range of made-up codes) a personal identity code is made
    from the date of birth."""

    name: str
    age: int
    born: tuple[int, int]
    address: str = ""
    pic_number: int | None = None


@dataclass(frozen=True)
class DemoConsent:
    purpose: str
    recipients: tuple[str, ...]  # organisation keys
    categories: tuple[str, ...]
    given_by: tuple[int, ...]  # indices into the family's guardians
    method: str = ConsentMethod.WRITTEN
    months: int = 12  # how long it is in force from the loading day
    child_views: tuple[tuple[int, str], ...] = ()  # (index into the children, the view)
    note: str = ""
    state: str = IN_FORCE
    # For EXPIRED: in force from `starts_days_ago` until `ended_days_ago` days before loading.
    starts_days_ago: int = 0
    ended_days_ago: int = 0
    revoke_reason: str = ""


@dataclass(frozen=True)
class DemoMember:
    user: str  # local part
    role: str


@dataclass(frozen=True)
class DemoAction:
    text: str
    assignee: str = ""  # local part of a team member
    assignee_text: str = ""  # or who, in words
    due_in_days: int | None = None
    done: bool = False


@dataclass(frozen=True)
class DemoMeeting:
    """A network meeting `days` from the loading day (negative: held, with its minutes and the
    actions agreed), at `hour` Finnish time."""

    days: int
    hour: int
    place: str
    guardians: tuple[int, ...]
    children: tuple[int, ...]
    professionals: tuple[str, ...]
    minutes: str = ""
    agreed: tuple[DemoAction, ...] = ()


@dataclass(frozen=True)
class DemoNote:
    author: str
    text: str


@dataclass(frozen=True)
class DemoReferral:
    sender: str
    to_organization: str
    message: str
    categories: tuple[str, ...]
    state: str = SENT
    to_service: str = ""
    answerer: str = ""  # the receiving organisation's professional (or the sender, to withdraw)
    decline_reason: str = ""
    join_team_role: str = ""


@dataclass(frozen=True)
class DemoHelpRequest:
    """The family's "Ask for help" request, handled by `assigner` of the municipality's early
    support team, who makes `responsible` its responsible worker."""

    message: str
    concerns: str
    contact_name: str
    contact_phone: str
    child_ages: tuple[int, ...]
    assigner: str


@dataclass(frozen=True)
class DemoFamily:
    name: str
    municipality: str
    language: str
    responsible: str
    guardians: tuple[DemoGuardian, ...]
    children: tuple[DemoChild, ...]
    # The first is given when the record is opened; the others are recorded after it.
    consents: tuple[DemoConsent, ...]
    members: tuple[DemoMember, ...] = ()
    goals: str = ""
    follow_up_in_days: int | None = None
    actions: tuple[DemoAction, ...] = ()
    meetings: tuple[DemoMeeting, ...] = ()
    notes: tuple[DemoNote, ...] = ()
    referrals: tuple[DemoReferral, ...] = ()
    help_request: DemoHelpRequest | None = None


ASKOLA_ADDRESS = "Koulutie 4, 07500 Askola"

VIRTANEN = DemoFamily(
    name="Virtanen",
    municipality="018",
    language="fi",
    responsible="vastuutyontekija",
    help_request=DemoHelpRequest(
        message=(
            "Poikani Eetu ei ole käynyt koulussa kolmeen viikkoon, ja pikkusisko Aino heräilee "
            "öisin. Jaksamiseni on lopussa, tarvitsemme apua."
        ),
        concerns="my_child",
        contact_name="Laura Virtanen",
        contact_phone="+358 40 555 0140",
        child_ages=(11, 5),
        assigner="perhetyontekija",
    ),
    guardians=(
        DemoGuardian(
            "Laura Virtanen",
            email="laura.virtanen",
            phone="+358 40 555 0140",
            address="Salainen polku 7 B 12, 07500 Askola",
            address_protected=True,
        ),
        DemoGuardian(
            "Mikko Virtanen",
            email="mikko.virtanen",
            phone="+358 40 555 0141",
            address=ASKOLA_ADDRESS,
        ),
    ),
    children=(
        DemoChild("Eetu Virtanen", 11, (3, 14), ASKOLA_ADDRESS, pic_number=912),
        DemoChild("Aino Virtanen", 5, (9, 2), ASKOLA_ADDRESS),
    ),
    consents=(
        DemoConsent(
            ConsentPurpose.COORDINATION,
            ("itauusimaa", "mll-askola"),
            EVERYTHING,
            given_by=(0, 1),
            child_views=(
                (0, "Eetu haluaa, että koulussa tiedetään, miksi hän on ollut poissa."),
                (1, "Aino on liian pieni kertomaan näkemystään."),
            ),
            note="Suostumus annettu ensikäynnillä kotona.",
        ),
        DemoConsent(
            ConsentPurpose.SCHOOL,
            ("askola",),
            (CONTACT, PLAN, MEETINGS),
            given_by=(0,),
            child_views=((0, "Eetu toivoo, että kuraattori on mukana palaverissa."),),
            note="Koulun kanssa jakaminen kevätlukukauden ajaksi.",
            state=EXPIRED,
            starts_days_ago=120,
            ended_days_ago=10,
        ),
        DemoConsent(
            ConsentPurpose.REFERRAL,
            ("askolan-seurakunta",),
            (CONTACT, REFERRALS),
            given_by=(1,),
            method=ConsentMethod.ORAL,
            state=REVOKED,
            revoke_reason="Perhe ei halua jatkaa seurakunnan diakoniatyön kanssa.",
        ),
    ),
    members=(
        DemoMember("kuraattori", TeamRole.SCHOOL_SOCIAL_WORKER),
        DemoMember("diakoni", TeamRole.PARISH_WORKER),
    ),
    goals=(
        "Eetu käy koulua joka päivä ja uskaltaa kertoa, jos jokin on vaikeaa. "
        "Aino nukkuu yönsä, ja me vanhemmat jaksamme arjessa."
    ),
    follow_up_in_days=42,
    actions=(
        DemoAction(
            "Unikoulu Ainolle neuvolan ohjauksessa",
            assignee_text="Äiti ja neuvolan terveydenhoitaja",
            due_in_days=21,
        ),
        DemoAction("Perheen arjen viikko-ohjelma yhdessä", "vastuutyontekija", due_in_days=7),
    ),
    meetings=(
        DemoMeeting(
            days=-14,
            hour=14,
            place="Askolan yhtenäiskoulu, neuvotteluhuone",
            guardians=(0, 1),
            children=(0,),
            professionals=("vastuutyontekija", "kuraattori"),
            minutes=(
                "Käytiin läpi Eetun poissaolot. Eetu kertoi, että välitunnit ovat vaikeita. "
                "Sovittiin aamujen tukemisesta ja välituntikaverista."
            ),
            agreed=(
                DemoAction(
                    "Välituntikaveri Eetulle ja kuraattorin tapaaminen kerran viikossa",
                    "kuraattori",
                    due_in_days=14,
                ),
                DemoAction("Isä saattaa Eetun kouluun aamuisin", assignee_text="Isä"),
            ),
        ),
        DemoMeeting(
            days=16,
            hour=13,
            place="Askolan hyvinvointiasema, Kirkkotie 3",
            guardians=(0, 1),
            children=(0,),
            professionals=("vastuutyontekija", "vapaaehtoiset"),
        ),
    ),
    notes=(
        DemoNote(
            "vastuutyontekija",
            "Kotikäynti tehty. Perhe toivoo tapaamisia iltapäivisin, ja äidille tärkeää, "
            "ettei osoitetta mainita missään.",
        ),
        DemoNote("vapaaehtoiset", "Perhekummi löytyi, ensimmäinen tapaaminen sovittu."),
    ),
    referrals=(
        DemoReferral(
            "vastuutyontekija",
            "mll-askola",
            "Perhe toivoo perhekummia ja lastenhoitoapua iltapäiviin.",
            (CONTACT,),
            state=ACCEPTED,
            to_service="askola-mll-lastenhoitoapu",
            answerer="vapaaehtoiset",
            join_team_role=TeamRole.VOLUNTEER_COORDINATOR,
        ),
        DemoReferral(
            "vastuutyontekija",
            "mll-askola",
            "Äiti toivoo vauvaryhmää, jossa voisi tavata muita vanhempia.",
            (),
            state=DECLINED,
            to_service="askola-mll-vauvaryhma",
            answerer="vapaaehtoiset",
            decline_reason=(
                "Vauvaryhmä on alle 1-vuotiaiden lasten perheille. Ehdotamme perhekahvilaa, "
                "joka sopii myös Ainon ikäisille."
            ),
        ),
        DemoReferral(
            "vastuutyontekija",
            "itauusimaa",
            "Ainon uniongelmat: terveydenhoitajan ohjaus ja unikoulu.",
            (CONTACT, PLAN),
            state=DONE,
            to_service="askola-lastenneuvola",
            answerer="terveydenhoitaja",
        ),
        DemoReferral(
            "vastuutyontekija",
            "itauusimaa",
            "Eetun koulupoissaolot: perheneuvolan arvio, kun kuraattorin tuki ei yksin riitä.",
            (PLAN, MEETINGS),
            state=SENT,
            to_service="itauusimaa-perheneuvola",
        ),
        DemoReferral(
            "vastuutyontekija",
            "mll-askola",
            "Perhekahvila Ainon kanssa aamupäivisin.",
            (),
            state=WITHDRAWN,
            to_service="askola-mll-perhekahvila",
            answerer="vastuutyontekija",
        ),
    ),
)

OTHER_FAMILIES: tuple[DemoFamily, ...] = (
    DemoFamily(
        name="Lindqvist",
        municipality="638",
        language="sv",
        responsible="perhetyontekija",
        help_request=DemoHelpRequest(
            message=(
                "Vi flyttade till Borgå i somras och känner ingen här. Vår son har svårt att "
                "börja i dagis och vi orkar inte längre."
            ),
            concerns="my_child",
            contact_name="Sofia Lindqvist",
            contact_phone="+358 40 555 0150",
            child_ages=(3,),
            assigner="perhetyontekija",
        ),
        guardians=(
            DemoGuardian(
                "Sofia Lindqvist",
                email="sofia.lindqvist",
                phone="+358 40 555 0150",
                address="Runebergsgatan 12 A 3, 06100 Borgå",
                preferred_language="sv",
            ),
        ),
        children=(DemoChild("Oskar Lindqvist", 3, (6, 21), "Runebergsgatan 12 A 3, 06100 Borgå"),),
        consents=(
            DemoConsent(
                ConsentPurpose.COORDINATION,
                ("itauusimaa", "folkhalsan-borga"),
                EVERYTHING,
                given_by=(0,),
                method=ConsentMethod.ELECTRONIC,
            ),
        ),
        members=(DemoMember("terveydenhoitaja", TeamRole.PUBLIC_HEALTH_NURSE),),
        goals="Oskar trivs på dagis och familjen har vänner i Borgå.",
        follow_up_in_days=30,
        actions=(
            DemoAction(
                "Besöka Folkhälsans familjecafé tillsammans",
                assignee_text="Sofia",
                due_in_days=10,
            ),
        ),
        referrals=(
            DemoReferral(
                "perhetyontekija",
                "folkhalsan-borga",
                "Familjen söker kontakt med andra barnfamiljer på svenska.",
                (CONTACT,),
                to_service="porvoo-familjecafe",
            ),
        ),
    ),
    DemoFamily(
        name="Korhonen",
        municipality="165",
        language="fi",
        responsible="perheohjaaja",
        guardians=(
            DemoGuardian(
                "Jussi Korhonen",
                email="jussi.korhonen",
                phone="+358 40 555 0160",
                address="Turengintie 15, 14200 Turenki",
            ),
            DemoGuardian(
                "Katja Korhonen",
                phone="+358 40 555 0161",
                address="Hämeenlinnantie 2 C 9, 14200 Turenki",
                custody_role=CustodyRole.CUSTODIAN,
            ),
        ),
        children=(
            DemoChild("Lilja Korhonen", 4, (1, 30)),
            DemoChild("Onni Korhonen", 2, (11, 8)),
        ),
        consents=(
            DemoConsent(
                ConsentPurpose.COORDINATION,
                ("kantahame", "janakkala", "mll-janakkala"),
                EVERYTHING,
                given_by=(0, 1),
            ),
        ),
        members=(DemoMember("varhaiskasvatus", TeamRole.EARLY_EDUCATION_TEACHER),),
        goals="Vanhemmat sopivat lasten asioista yhdessä eron jälkeenkin.",
        follow_up_in_days=60,
        actions=(
            DemoAction("Lapsen tuen suunnitelma päiväkodissa", "varhaiskasvatus", due_in_days=20),
        ),
        meetings=(
            DemoMeeting(
                days=9,
                hour=10,
                place="Janakkalan perhekeskus",
                guardians=(0, 1),
                children=(),
                professionals=("perheohjaaja", "varhaiskasvatus"),
            ),
        ),
        referrals=(
            DemoReferral(
                "perheohjaaja",
                "mll-janakkala",
                "Perhe toivoo perhekahvilaa, jossa isä voisi käydä lasten kanssa.",
                (),
                to_service="janakkala-mll-perhekahvila",
            ),
        ),
    ),
    DemoFamily(
        name="Hassan",
        municipality="853",
        language="en",
        responsible="varhainentuki",
        guardians=(
            DemoGuardian(
                "Amina Hassan",
                email="amina.hassan",
                phone="+358 40 555 0170",
                address="Varissuontie 8 B 20, 20610 Turku",
                preferred_language="so",
                interpreter_needed=True,
                interpreter_language="so",
            ),
        ),
        children=(
            DemoChild("Yusuf Hassan", 8, (4, 5)),
            DemoChild("Hodan Hassan", 1, (10, 19)),
        ),
        consents=(
            DemoConsent(
                ConsentPurpose.COORDINATION,
                ("varha", "turun-ensi-ja-turvakoti"),
                EVERYTHING,
                given_by=(0,),
                method=ConsentMethod.ORAL,
                note="Annettu somalinkielisen tulkin välityksellä.",
            ),
        ),
        members=(DemoMember("perheneuvola", TeamRole.PSYCHOLOGIST),),
        goals="Yusuf sleeps without nightmares and Amina has someone to talk to.",
        follow_up_in_days=28,
        actions=(
            DemoAction(
                "First visit to the family counselling clinic", "perheneuvola", due_in_days=12
            ),
        ),
        notes=(DemoNote("perheneuvola", "Tulkki varattu ensikäynnille."),),
        referrals=(
            DemoReferral(
                "varhainentuki",
                "turun-ensi-ja-turvakoti",
                "Äiti toivoo vertaistukiryhmää ja keskusteluapua.",
                (CONTACT,),
            ),
        ),
    ),
    DemoFamily(
        name="Mäkinen",
        municipality="751",
        language="fi",
        responsible="sosiaalityontekija",
        guardians=(
            DemoGuardian(
                "Tuomas Mäkinen",
                email="tuomas.makinen",
                phone="+358 40 555 0180",
                address="Simontie 40, 95200 Simo",
            ),
        ),
        children=(DemoChild("Iida Mäkinen", 14, (2, 11)),),
        consents=(
            DemoConsent(
                ConsentPurpose.COORDINATION,
                ("lappi", "simo"),
                EVERYTHING,
                given_by=(0,),
                child_views=((0, "Iida haluaa olla mukana palavereissa."),),
            ),
        ),
        members=(DemoMember("palveluohjaaja", TeamRole.OTHER),),
        goals="Iida saa harrastuksen ja isä apua etäisyyksien kanssa.",
        follow_up_in_days=45,
        actions=(DemoAction("Kuljetustuen hakemus", "palveluohjaaja", due_in_days=14, done=True),),
        meetings=(
            DemoMeeting(
                days=5,
                hour=9,
                place="Etäyhteys (video)",
                guardians=(0,),
                children=(0,),
                professionals=("sosiaalityontekija", "palveluohjaaja"),
            ),
        ),
        referrals=(
            DemoReferral(
                "sosiaalityontekija",
                "simo",
                "Iida toivoo pääsyä nuorisotilan toimintaan.",
                (CONTACT,),
                to_service="simo-nuorisotyo",
            ),
        ),
    ),
)

FAMILIES: tuple[DemoFamily, ...] = (VIRTANEN, *OTHER_FAMILIES)


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class FamiliesSummary:
    families_created: int = 0
    families: list[Family] = field(default_factory=list)


def _verified(user: User) -> User:
    """The loader acts for the demo's users as their signed-in sessions would (see
    `demo.events._verified`)."""
    user.is_verified = lambda: True  # type: ignore[attr-defined]
    return user


def _pic(born: dt.date, number: int) -> str:
    digits = f"{born:%d%m%y}{number:03d}"
    sign = "A" if born.year >= 2000 else "-"
    return f"{born:%d%m%y}{sign}{number:03d}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[int(digits) % 31]}"


def _born(child: DemoChild, today: dt.date) -> dt.date:
    """The date of birth that makes the child `age` years old on `today`."""
    month, day = child.born
    year = today.year - child.age
    if (month, day) > (today.month, today.day):  # this year's birthday still to come
        year -= 1
    return dt.date(year, month, day)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=HELSINKI)


class _Loader:
    def __init__(
        self,
        users: Mapping[str, User],
        organizations: Mapping[str, Organization],
        now: dt.datetime,
    ) -> None:
        self.users = users
        self.organizations = organizations
        self.now = now
        self.today = now.astimezone(HELSINKI).date()

    def user(self, local: str) -> User:
        return _verified(self.users[local])

    def org(self, key: str) -> Organization:
        return self.organizations[key]

    # The inputs of family_open, in the shapes of families.services.inputs.

    def guardian_input(self, guardian: DemoGuardian) -> GuardianInput:
        return GuardianInput(
            name=guardian.name,
            address=guardian.address,
            address_protected=guardian.address_protected,
            email=f"{guardian.email}@{DEMO_DOMAIN}" if guardian.email else "",
            phone=guardian.phone,
            preferred_language=guardian.preferred_language,
            interpreter_needed=guardian.interpreter_needed,
            interpreter_language=guardian.interpreter_language,
            custody_role=guardian.custody_role,
        )

    def child_input(self, child: DemoChild) -> ChildInput:
        born = _born(child, self.today)
        return ChildInput(
            name=child.name,
            birth_date=born,
            address=child.address,
            personal_identity_code=_pic(born, child.pic_number) if child.pic_number else "",
        )

    def consent_input(self, consent: DemoConsent) -> ConsentInput:
        """The consent as recorded: from today for `months`; one that has expired by the end of
        loading from its first day until tomorrow (it is shortened by `expire`)."""
        valid_from = self.today - dt.timedelta(days=consent.starts_days_ago)
        if consent.state == EXPIRED:
            until = self.today + dt.timedelta(days=1)
        else:
            until = self.today + dt.timedelta(days=round(consent.months * 365 / 12))
        return ConsentInput(
            purpose=consent.purpose,
            recipients=[self.org(key) for key in consent.recipients],
            categories=sorted({BASIC, *consent.categories}),
            valid_from=valid_from,
            valid_until=until,
            given_by=list(consent.given_by),
            method=consent.method,
            child_views=dict(consent.child_views),
            note=consent.note,
        )

    # One family.

    def open(self, spec: DemoFamily) -> Family:
        responsible = self.user(spec.responsible)
        guardians = [self.guardian_input(g) for g in spec.guardians]
        children = [self.child_input(c) for c in spec.children]
        consent = self.consent_input(spec.consents[0])
        with translation.override(spec.language):
            if spec.help_request is not None:
                help_request = self.help_request(spec)
                return records.family_open_from_help_request(
                    actor=responsible,
                    help_request_id=help_request.pk,
                    name=spec.name,
                    guardians=guardians,
                    children=children,
                    consent=consent,
                )
            return records.family_open(
                actor=responsible,
                name=spec.name,
                municipality=Municipality.objects.get(pk=spec.municipality),
                language=spec.language,
                guardians=guardians,
                children=children,
                consent=consent,
            )

    def help_request(self, spec: DemoFamily) -> Any:
        """The family's request through "Ask for help", assigned by the early-support team to
        the family's responsible worker."""
        plan = spec.help_request
        assert plan is not None
        data = intake.HelpRequestInput(
            message=plan.message,
            concerns=plan.concerns,
            municipality_code=spec.municipality,
            language=spec.language,
            anonymous=False,
            child_ages=list(plan.child_ages),
            contact_name=plan.contact_name,
            contact_phone=plan.contact_phone,
        )
        help_request = intake.help_request_submit(data=data, idempotency_key=None).help_request
        return intake.help_request_assign(
            actor=self.user(plan.assigner),
            help_request=help_request,
            responsible=self.users[spec.responsible],
        )

    def load(self, spec: DemoFamily) -> Family:
        family = self.open(spec)
        responsible = self.user(spec.responsible)
        with translation.override(spec.language):
            recorded: list[tuple[DemoConsent, Consent]] = []
            for consent_spec in spec.consents[1:]:
                data = self.consent_input(consent_spec)
                consent = consents.consent_record(
                    actor=responsible, family_id=family.pk, data=data, given_on=data.valid_from
                )
                recorded.append((consent_spec, consent))
            for member in spec.members:
                team.team_member_add(
                    actor=responsible,
                    family_id=family.pk,
                    user_id=self.users[member.user].pk,
                    role=member.role,
                )
            for consent_spec, consent in recorded:
                if consent_spec.state == EXPIRED:
                    self.expire(consent, consent_spec)
                elif consent_spec.state == REVOKED:
                    consents.consent_revoke(
                        actor=responsible,
                        family_id=family.pk,
                        consent_id=consent.pk,
                        reason=consent_spec.revoke_reason,
                    )
            if spec.goals:
                plan.plan_update(
                    actor=responsible,
                    family_id=family.pk,
                    goals=spec.goals,
                    follow_up_on=self.days(spec.follow_up_in_days),
                    status=PlanStatus.ACTIVE,
                )
            for referral in spec.referrals:
                self.refer(family, referral)
            for action in spec.actions:
                self.action(family, responsible, action)
            for meeting in spec.meetings:
                self.meeting(family, spec, meeting)
            for note in spec.notes:
                plan.note_add(actor=self.user(note.author), family_id=family.pk, text=note.text)
        return family

    def days(self, days: int | None) -> dt.date | None:
        return None if days is None else self.today + dt.timedelta(days=days)

    def expire(self, consent: Consent, spec: DemoConsent) -> None:
        """End a consent recorded in force `ended_days_ago` days ago: its team member joined
        while it was in force (nobody joins on a consent that has already ended), and the
        school term it was given for is over. Only its last day changes."""
        Consent.objects.filter(pk=consent.pk).update(
            valid_until=self.today - dt.timedelta(days=spec.ended_days_ago)
        )

    def action(self, family: Family, responsible: User, action: DemoAction) -> None:
        added = plan.action_add(
            actor=responsible,
            family_id=family.pk,
            text=action.text,
            assignee_id=self.users[action.assignee].pk if action.assignee else None,
            assignee_text=action.assignee_text,
            due_on=self.days(action.due_in_days),
        )
        if action.done:
            plan.action_update(
                actor=responsible,
                family_id=family.pk,
                action_id=added.pk,
                status=ActionStatus.DONE,
            )

    def meeting(self, family: Family, spec: DemoFamily, meeting: DemoMeeting) -> None:
        responsible = self.user(spec.responsible)
        guardians = list(family.guardians.order_by("created_at", "pk"))
        children = list(family.children.order_by("birth_year", "pk"))
        guardian_ids = [guardians[i].pk for i in meeting.guardians]
        child_ids = [children[i].pk for i in meeting.children]
        professional_ids = [self.users[local].pk for local in meeting.professionals]
        starts = _at(self.today + dt.timedelta(days=meeting.days), meeting.hour)
        planned_at = starts if meeting.days >= 0 else self.now + dt.timedelta(days=1)
        planned: NetworkMeeting = plan.meeting_plan(
            actor=responsible,
            family_id=family.pk,
            starts_at=planned_at,
            place=meeting.place,
            guardian_ids=guardian_ids,
            child_ids=child_ids,
            professional_ids=professional_ids,
        )
        if meeting.days >= 0:
            return
        # Held in the past: planned for its day, then its minutes recorded.
        NetworkMeeting.objects.filter(pk=planned.pk).update(starts_at=starts)
        plan.meeting_record(
            actor=responsible,
            family_id=family.pk,
            meeting_id=planned.pk,
            minutes=meeting.minutes,
            agreed=[
                plan.AgreedItem(
                    text=item.text,
                    assignee_id=self.users[item.assignee].pk if item.assignee else None,
                    assignee_text=item.assignee_text,
                    due_on=self.days(item.due_in_days),
                )
                for item in meeting.agreed
            ],
            guardian_ids=guardian_ids,
            child_ids=child_ids,
            professional_ids=professional_ids,
        )

    def refer(self, family: Family, spec: DemoReferral) -> Referral:
        sent = referrals.referral_send(
            actor=self.user(spec.sender),
            family_id=family.pk,
            to_organization_id=org_id(spec.to_organization),
            to_service_id=service_id(spec.to_service) if spec.to_service else None,
            categories=sorted({BASIC, REFERRALS, *spec.categories}),
            message=spec.message,
        )
        answerer = self.user(spec.answerer) if spec.answerer else None
        if spec.state in (ACCEPTED, DONE):
            assert answerer is not None
            sent = referrals.referral_accept(
                actor=answerer,
                referral_id=sent.pk,
                join_team_role=spec.join_team_role or None,
            )
            if spec.state == DONE:
                sent = referrals.referral_done(actor=answerer, referral_id=sent.pk)
        elif spec.state == DECLINED:
            assert answerer is not None
            sent = referrals.referral_decline(
                actor=answerer, referral_id=sent.pk, reason=spec.decline_reason
            )
        elif spec.state == WITHDRAWN:
            sent = referrals.referral_withdraw(
                actor=self.user(spec.answerer or spec.sender),
                family_id=family.pk,
                referral_id=sent.pk,
            )
        return sent


def _exists(spec: DemoFamily, users: Mapping[str, User]) -> bool:
    return Family.objects.filter(
        name_digest=name_digest(spec.name),
        municipality_id=spec.municipality,
        opened_by=users[spec.responsible],
    ).exists()


def load_demo_families(
    *,
    users: Mapping[str, User],
    organizations: Mapping[str, Organization],
    now: dt.datetime | None = None,
) -> FamiliesSummary:
    """The demo's families (`users` by the local part of their e-mail, `organizations` by
    their key). Call it inside the loader's transaction, after the catalogue, the users and the
    early-support teams."""
    started = timezone.now()
    loader = _Loader(users, organizations, now or started)
    summary = FamiliesSummary()
    for spec in FAMILIES:
        if _exists(spec, users):
            continue
        summary.families.append(loader.load(spec))
        summary.families_created += 1
    if summary.families_created:
        # The made-up families' notices (referrals, meetings) and the early-support team's
        # notices of the two requests go nowhere: in the demo they would only print in the
        # console over the logins.
        OutboxEmail.objects.filter(
            kind__regex=r"^(families|intake)\.", created_at__gte=started
        ).delete()
        DBTaskResult.objects.filter(
            task_path__contains=".families.", enqueued_at__gte=started
        ).delete()
    return summary
