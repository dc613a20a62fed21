"""The demo's events (issue #13): a week of family cafés, baby mornings and club hours at the demo
meeting places, three peer groups, and a family center forum with its sessions.

One event is today at MLL's Living Room in Askola, from the hour of loading, so that the map
shows it beside the place's drop-in hours whenever the demo is started. Some events take no
sign-up; others have a few seats, and the baby music class is full with a family on its waiting
list. The peer groups (separated parents in Turku, fathers in Askola, parents of children with
special needs in Porvoo) are series with a facilitator from the demo users, taking applications;
each has a few, and its facilitator has approved the first. Varsinais-Suomi's family center
forum has three sessions, one of them with sign-up.

Everything is written through the events app's services, as an organiser and the families would:
`organise.event_create` and `event_publish` as the network's coordinator, the families'
sign-ups and applications through `signup.signup_create`, and the approvals through
`applications.application_approve` as each group's facilitator. Times are relative to the
loading day, in Finnish time. Loading again adds only the events that have no coming event of
the same organiser and title, so a second run the same week changes nothing.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from perhekeskus.accounts.models import User
from perhekeskus.core.models import OutboxEmail
from perhekeskus.demo.catalog import (
    askola_community,
    janakkala,
    laitila,
    porvoo,
    raisio,
    simo,
    turku,
    turku_community,
)
from perhekeskus.demo.catalog import itauusimaa as itauusimaa_places
from perhekeskus.demo.catalog.helpers import (
    DEMO_DOMAIN,
    Text,
    location_id,
    org_id,
    service_id,
    texts,
)
from perhekeskus.events.models import Event, EventKind, RegistrationMode
from perhekeskus.events.recurrence import RuleData
from perhekeskus.events.services import applications, organise
from perhekeskus.events.services.signup import ParticipantInput, SignupInput, signup_create

HELSINKI = ZoneInfo("Europe/Helsinki")
# Who writes the events: the network's coordinator may organise for every organisation.
ORGANISER = "koordinaattori"

# --- What the demo has -------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoFamily:
    """A made-up family's sign-up: the contact person and everyone who comes ((name, age);
    age None for an adult). The e-mail is the contact person's name under the demo domain
    ("emma.sjoberg@…")."""

    name: str
    phone: str
    language: str
    participants: tuple[tuple[str, int | None], ...]

    @property
    def email(self) -> str:
        plain = unicodedata.normalize("NFKD", self.name).encode("ascii", "ignore").decode()
        return f"{'.'.join(plain.lower().split())}@{DEMO_DOMAIN}"


def _parent(name: str, phone: str, language: str, *children: tuple[str, int]) -> DemoFamily:
    """A parent who signs up and comes with their children ((name, age))."""
    return DemoFamily(name, phone, language, ((name, None), *children))


@dataclass(frozen=True)
class DemoEvent:
    """One event. `day` is the working day from the loading day (0: today, whatever the
    weekday); `starts`/`ends` are Finnish wall-clock times ("9:30")."""

    key: str
    organization: str  # the organiser's key (`demo.catalog`)
    place: str  # a catalogue place key
    titles: Text  # (fi, sv, en)
    descriptions: Text
    day: int
    starts: str
    ends: str
    service: str | None = None
    registration: str = RegistrationMode.DROP_IN
    capacity: int | None = None
    waitlist_capacity: int | None = None
    max_group_size: int = 6
    ages: tuple[int | None, int | None] = (None, None)
    languages: str = "fi"
    tasks: str = ""
    families: tuple[DemoFamily, ...] = ()


@dataclass(frozen=True)
class DemoSeries:
    """A recurring event: on `weekdays` (Monday 0) from the `first_day`-th working day, for
    `weeks` weeks, every `interval_weeks` weeks. A peer group has a facilitator (a demo user's
    local part) and takes applications (`families`)."""

    key: str
    organization: str
    place: str
    titles: Text
    descriptions: Text
    weekdays: tuple[int, ...]
    starts: str
    ends: str
    first_day: int
    weeks: int
    service: str | None = None
    interval_weeks: int = 1
    registration: str = RegistrationMode.REGISTRATION
    capacity: int | None = None
    waitlist_capacity: int | None = None
    max_group_size: int = 6
    ages: tuple[int | None, int | None] = (None, None)
    languages: str = "fi"
    tasks: str = ""
    peer_group: bool = False
    facilitator: str | None = None
    pseudonyms: bool = False
    families: tuple[DemoFamily, ...] = ()
    approved: int = 0  # how many of the first applications the facilitator has approved


@dataclass(frozen=True)
class DemoSession:
    titles: Text
    descriptions: Text
    starts: str
    ends: str
    registration: str = RegistrationMode.DROP_IN
    capacity: int | None = None


@dataclass(frozen=True)
class DemoForum:
    key: str
    organization: str
    place: str
    titles: Text
    descriptions: Text
    day: int
    starts: str
    ends: str
    sessions: tuple[DemoSession, ...]
    languages: str = "fi,sv"
    tasks: str = ""


_MLL_ASKOLA = "mll-askola"
_FAMILY_CAFE_TODAY = "askola-perhekahvila-tanaan"

TODAY: DemoEvent = DemoEvent(
    _FAMILY_CAFE_TODAY,
    _MLL_ASKOLA,
    askola_community.FAMILY_ROOM,
    ("Perhekahvila Olohuoneessa", "Familjecafé i Vardagsrummet", "Family café at the Living Room"),
    (
        """Tule lapsen kanssa kahville ja leikkimään. Vapaaehtoiset keittävät kahvit, lapsille on
        leluja ja välipalaa. Ei ilmoittautumista, tule silloin kun sopii.""",
        """Kom med barnet på kaffe och lek. Frivilliga kokar kaffe, barnen har leksaker och
        mellanmål. Ingen anmälan, kom när det passar.""",
        """Come for a coffee and play with your child. Volunteers make the coffee, there are toys
        and a snack for the children. No sign-up, come when it suits you.""",
    ),
    day=0,
    starts="",  # from the hour of loading (`_today_span`)
    ends="",
    service="askola-mll-perhekahvila",
    ages=(0, 6),
    tasks="18",
)

_MIRA = _parent("Mira Koskinen", "+358 40 555 0190", "fi", ("Aino Koskinen", 0))
_LAURA = _parent("Laura Virtanen", "+358 40 555 0197", "fi", ("Eetu Virtanen", 1))
_ANNA = _parent("Anna Lehto", "", "fi", ("Olli Lehto", 0))
_SANNA = _parent("Sanna Heikkinen", "+358 40 555 0198", "fi", ("Iida Heikkinen", 1))
_EMMA = _parent("Emma Sjöberg", "", "sv", ("Alva Sjöberg", 3), ("Elis Sjöberg", 5))
_JARI = _parent("Jari Hietala", "+358 40 555 0192", "fi", ("Leevi Hietala", 4))
_HANNA = _parent("Hanna Mäkelä", "+358 40 555 0195", "fi", ("Veeti Mäkelä", 3))

EVENTS: tuple[DemoEvent, ...] = (
    TODAY,
    DemoEvent(
        "askola-vauvamuskari",
        "askolan-seurakunta",
        askola_community.PARISH_HOUSE,
        ("Vauvamuskari", "Babymusik", "Baby music class"),
        (
            """Laulua, loruja ja soittimia vauvoille ja heidän aikuisilleen. Paikkoja on
            vähän, jotta kaikki mahtuvat piiriin: ilmoittaudu mukaan, ja jos ryhmä on täynnä,
            jonoon.""",
            """Sång, ramsor och instrument för bebisar och deras vuxna. Platserna är få, så att
            alla ryms i ringen: anmäl dig, och om gruppen är full, till kön.""",
            """Songs, rhymes and instruments for babies and their adults. There are few seats,
            so that everyone fits in the circle: sign up, and if the group is full, join the
            waiting list.""",
        ),
        day=1,
        starts="10:00",
        ends="11:00",
        service="askola-perhekerho",
        registration=RegistrationMode.REGISTRATION,
        capacity=6,
        waitlist_capacity=6,
        max_group_size=3,
        ages=(0, 1),
        tasks="18",
        families=(_MIRA, _LAURA, _ANNA, _SANNA),
    ),
    DemoEvent(
        "turku-vauva-aamu",
        "varha",
        turku.VARISSUO,
        ("Vauvaperheiden aamu", "Morgon för babyfamiljer", "Baby morning"),
        (
            """Avoin aamu vauvaperheille Varissuon perhekeskuksessa. Terveydenhoitaja on
            paikalla vastaamassa kysymyksiin imetyksestä, unesta ja arjesta.""",
            """Öppen morgon för babyfamiljer på Varissuo familjecenter. En hälsovårdare finns
            på plats och svarar på frågor om amning, sömn och vardag.""",
            """An open morning for families with babies at the Varissuo family centre. A public
            health nurse answers questions on breastfeeding, sleep and everyday life.""",
        ),
        day=1,
        starts="9:30",
        ends="11:30",
        service="turku-varissuo-kohtaamispaikka",
        ages=(0, 1),
        languages="fi,sv",
        tasks="12",
    ),
    DemoEvent(
        "porvoo-familjecafe",
        "folkhalsan-borga",
        porvoo.FAMILY_CAFE,
        ("Perhekahvila ruotsiksi", "Familjecafé på svenska", "Family café in Swedish"),
        (
            """Folkhälsanin perhekahvila kokoontuu ruotsiksi, mutta kaikki ovat tervetulleita.
            Ei ilmoittautumista.""",
            """Folkhälsans familjecafé samlas på svenska, alla är välkomna. Ingen anmälan.""",
            """Folkhälsan's family café meets in Swedish, and everyone is welcome. No sign-up.""",
        ),
        day=2,
        starts="9:30",
        ends="11:30",
        service="porvoo-familjecafe",
        ages=(0, 6),
        languages="sv,fi",
        tasks="8",
    ),
    DemoEvent(
        "raisio-kerhotunti",
        "mll-raisio",
        raisio.FAMILY_ROOM,
        ("Perhetuvan kerhotunti", "Klubbtimme i Familjestugan", "Club hour at the Family Room"),
        (
            """Askartelua ja leikkiä leikki-ikäisille yhdessä aikuisen kanssa. Tarvikkeet
            ovat valmiina; ilmoittaudu, jotta niitä riittää kaikille.""",
            """Pyssel och lek för barn i lekåldern tillsammans med en vuxen. Material finns;
            anmäl dig så att det räcker till alla.""",
            """Crafts and play for toddlers and pre-schoolers with an adult. The materials are
            ready; sign up so that there is enough for everyone.""",
        ),
        day=2,
        starts="16:00",
        ends="17:30",
        service="raisio-perhetupa",
        registration=RegistrationMode.REGISTRATION,
        capacity=8,
        waitlist_capacity=4,
        max_group_size=4,
        ages=(2, 6),
        tasks="8",
        families=(_HANNA,),
    ),
    DemoEvent(
        "janakkala-isa-lapsi-ilta",
        "janakkala",
        janakkala.OLKKARI,
        ("Isä–lapsi-ilta", "Pappa–barn-kväll", "Dads and kids evening"),
        (
            """Liikuntaleikkejä ja iltapala isille, isovanhemmille ja muille läheisille
            aikuisille lasten kanssa.""",
            """Rörelselekar och kvällsmål för pappor, far- och morföräldrar och andra vuxna
            tillsammans med barnen.""",
            """Active games and a snack for dads, grandparents and other close adults with the
            children.""",
        ),
        day=3,
        starts="17:00",
        ends="18:30",
        service="janakkala-perheolkkari",
        registration=RegistrationMode.REGISTRATION,
        capacity=12,
        ages=(2, 8),
        tasks="8",
        families=(_JARI,),
    ),
    DemoEvent(
        "simo-vauvahieronta",
        "simo",
        simo.PERHETUPA,
        ("Vauvahierontakurssi", "Babymassage", "Baby massage class"),
        (
            """Terveydenhoitaja opettaa vauvahieronnan perusotteet. Ota mukaan pyyhe ja
            vaihtovaatteet. Pieni ryhmä, ilmoittaudu.""",
            """Hälsovårdaren lär ut grunderna i babymassage. Ta med en handduk och ombyte.
            Liten grupp, anmäl dig.""",
            """A public health nurse teaches the basics of baby massage. Bring a towel and a
            change of clothes. A small group: sign up.""",
        ),
        day=3,
        starts="10:00",
        ends="11:30",
        service="simo-perhetupa",
        registration=RegistrationMode.REGISTRATION,
        capacity=5,
        waitlist_capacity=3,
        max_group_size=2,
        ages=(0, 1),
        tasks="1",
    ),
    DemoEvent(
        "turku-familjeklubb",
        "abo-svenska-forsamling",
        turku_community.SWEDISH_PARISH,
        ("Perhekerho ruotsiksi", "Familjeklubben", "Family club in Swedish"),
        (
            """Åbo svenska församlingin perhekerho: laulua, leikkiä ja välipala.""",
            """Åbo svenska församlings familjeklubb: sång, lek och mellanmål.""",
            """Åbo svenska församling's family club: songs, play and a snack.""",
        ),
        day=4,
        starts="9:30",
        ends="11:30",
        service="turku-familjeklubb",
        ages=(0, 6),
        languages="sv",
        tasks="8",
    ),
    DemoEvent(
        "laitila-perhekahvila",
        "mll-laitila",
        laitila.FAMILY_CAFE,
        ("MLL:n perhekahvila", "MLL:s familjecafé", "MLL family café"),
        (
            """Kahvia, juttuseuraa ja leikkiä. Tällä kertaa vieraana on perheohjaaja.""",
            """Kaffe, sällskap och lek. Den här gången kommer en familjehandledare på besök.""",
            """Coffee, company and play. This time a family counsellor is visiting.""",
        ),
        day=5,
        starts="9:30",
        ends="12:00",
        service="laitila-mll-perhekahvila",
        ages=(0, 6),
        tasks="18",
    ),
)

SERIES: tuple[DemoSeries, ...] = (
    DemoSeries(
        "laitila-taaperojumppa",
        "laitilan-seurakunta",
        laitila.PARISH_HALL,
        ("Taaperojumppa", "Gympa för småbarn", "Toddler gym"),
        (
            """Liikuntaleikkejä taaperoille ja aikuisille seurakuntatalon salissa tiistaisin ja
            torstaisin. Ilmoittaudu kerrallaan yhteen kertaan.""",
            """Rörelselekar för småbarn och vuxna i församlingshemmets sal på tisdagar och
            torsdagar. Anmäl dig till ett tillfälle i taget.""",
            """Active games for toddlers and adults in the parish hall on Tuesdays and
            Thursdays. Sign up for one session at a time.""",
        ),
        weekdays=(1, 3),
        starts="10:00",
        ends="11:00",
        first_day=1,
        weeks=3,
        service="laitila-perhekerho",
        capacity=10,
        waitlist_capacity=5,
        max_group_size=3,
        ages=(1, 3),
        tasks="8",
    ),
    DemoSeries(
        "turku-eroperheiden-vanhemmat",
        "varha",
        turku.VARISSUO,
        (
            "Eroperheiden vanhempien vertaisryhmä",
            "Kamratgrupp för föräldrar som separerat",
            "Peer group for separated parents",
        ),
        (
            """Suljettu ryhmä vanhemmille, jotka ovat eronneet tai eroamassa. Kahdeksan
            tapaamista keskiviikkoisin; ohjaajana perhekeskuksen sosiaalityöntekijä. Hae
            mukaan, ohjaaja ottaa yhteyttä.""",
            """En sluten grupp för föräldrar som har separerat eller håller på att separera.
            Åtta träffar på onsdagar; handledare är familjecentrets socialarbetare. Ansök, så
            kontaktar handledaren dig.""",
            """A closed group for parents who have separated or are separating. Eight meetings
            on Wednesdays, led by the family centre's social worker. Apply, and the facilitator
            will contact you.""",
        ),
        weekdays=(2,),
        starts="17:30",
        ends="19:00",
        first_day=5,
        weeks=8,
        service="turku-varissuo-kohtaamispaikka",
        capacity=8,
        max_group_size=1,
        tasks="67",
        peer_group=True,
        facilitator="varhainentuki",
        families=(
            DemoFamily("Tuula Rantanen", "+358 40 555 0193", "fi", (("T.", None),)),
            DemoFamily("Johanna Lindholm", "", "sv", (("Johanna", None),)),
        ),
        approved=1,
    ),
    DemoSeries(
        "askola-isaryhma",
        _MLL_ASKOLA,
        askola_community.FAMILY_ROOM,
        ("Isäryhmä", "Pappagrupp", "Fathers' group"),
        (
            """Isien oma ryhmä maanantai-iltaisin: jutellaan isyydestä ja arjesta, välillä
            tehdään jotain yhdessä lasten kanssa. Vetäjänä MLL:n vapaaehtoinen.""",
            """Pappornas egen grupp på måndagskvällar: vi pratar om faderskap och vardag, och
            ibland gör vi något tillsammans med barnen.""",
            """Fathers' own group on Monday evenings: talk about fatherhood and everyday life,
            and sometimes do something together with the children.""",
        ),
        weekdays=(0,),
        starts="17:00",
        ends="18:30",
        first_day=3,
        weeks=6,
        service="askola-mll-perhekahvila",
        capacity=10,
        max_group_size=3,
        tasks="8",
        peer_group=True,
        facilitator="yhdistys",
        families=(DemoFamily("Jari Hietala", "+358 40 555 0192", "fi", (("Jari", None),)),),
        approved=1,
    ),
    DemoSeries(
        "porvoo-erityislasten-vanhemmat",
        "itauusimaa",
        itauusimaa_places.FAMILY_CENTER,
        (
            "Erityislasten vanhempien vertaisryhmä",
            "Kamratgrupp för föräldrar till barn med särskilda behov",
            "Peer group for parents of children with special needs",
        ),
        (
            """Vertaistukea vanhemmille, joiden lapsella on pitkäaikaissairaus, kehitysvamma tai
            muu erityinen tarve. Joka toinen torstai; voit osallistua nimimerkillä.""",
            """Kamratstöd för föräldrar vars barn har en långvarig sjukdom, en
            utvecklingsstörning eller andra särskilda behov. Varannan torsdag; du kan delta
            under signatur.""",
            """Peer support for parents whose child has a long-term illness, an intellectual
            disability or other special needs. Every other Thursday; you may take part under a
            pseudonym.""",
        ),
        weekdays=(3,),
        starts="18:00",
        ends="19:30",
        first_day=4,
        weeks=10,
        interval_weeks=2,
        service="porvoo-perhetyo",
        capacity=8,
        max_group_size=2,
        languages="fi,sv",
        tasks="47",
        peer_group=True,
        facilitator="perhetyontekija",
        pseudonyms=True,
        families=(
            DemoFamily("Satu Nieminen", "", "fi", (("Kuunsäde", None),)),
            DemoFamily("Mikael Grön", "", "sv", (("Micke", None), ("Lina", None))),
        ),
        approved=0,
    ),
)

FORUM = DemoForum(
    "varsinais-suomi-perhekeskusfoorumi",
    "varha",
    turku.SKANSSI,
    (
        "Varsinais-Suomen perhekeskusfoorumi",
        "Familjecenterforum i Egentliga Finland",
        "Family center forum of Varsinais-Suomi",
    ),
    (
        """Neljästi vuodessa kokoontuva foorumi asukkaille, järjestöille, seurakunnille ja
        ammattilaisille. Lähetä etukäteen aihe tai kysymys, jota toivot käsiteltävän; yhteenveto
        julkaistaan foorumin jälkeen.""",
        """Ett forum fyra gånger om året för invånare, organisationer, församlingar och
        yrkesfolk. Skicka på förhand ett ämne eller en fråga du vill att tas upp; en
        sammanfattning publiceras efter forumet.""",
        """A forum four times a year for residents, NGOs, parishes and professionals. Send a topic
        or question beforehand; a summary is published after the forum.""",
    ),
    day=4,
    starts="13:00",
    ends="16:00",
    sessions=(
        DemoSession(
            ("Avaus ja ajankohtaista", "Öppning och aktuellt", "Opening and news"),
            (
                "Hyvinvointialueen ja kuntien perhekeskusten kuulumiset.",
                "Nytt från välfärdsområdets och kommunernas familjecenter.",
                "News from the county's and the municipalities' family centres.",
            ),
            "13:00",
            "13:45",
        ),
        DemoSession(
            (
                "Työpaja: vanhemmuuden tuki arjessa",
                "Workshop: stöd för föräldraskapet i vardagen",
                "Workshop: supporting parenthood in everyday life",
            ),
            (
                "Pienryhmissä: mikä auttaa perhettä, kun arki kuormittaa? Ilmoittaudu.",
                "I smågrupper: vad hjälper familjen när vardagen tynger? Anmäl dig.",
                "In small groups: what helps a family when everyday life is heavy? Sign up.",
            ),
            "14:00",
            "15:00",
            registration=RegistrationMode.REGISTRATION,
            capacity=20,
        ),
        DemoSession(
            (
                "Keskustelu: perheiden toiveet palveluille",
                "Diskussion: familjernas önskemål",
                "Discussion: what families wish from the services",
            ),
            (
                "Etukäteen lähetetyt aiheet ja kysymykset käydään läpi yhdessä.",
                "Ämnen och frågor som skickats på förhand gås igenom tillsammans.",
                "The topics and questions sent beforehand, discussed together.",
            ),
            "15:00",
            "16:00",
        ),
    ),
    tasks="12345678",
)


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class EventsSummary:
    events_created: int = 0
    peer_groups_created: int = 0
    forum_sessions_created: int = 0
    signups_created: int = 0
    events: list[Event] = field(default_factory=list)


def _clock(text: str) -> dt.time:
    hours, _sep, minutes = text.partition(":")
    return dt.time(int(hours), int(minutes or 0))


def working_day(today: dt.date, n: int) -> dt.date:
    """Today for 0, else the n-th day from Monday to Friday after today."""
    day = today
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _at(day: dt.date, clock: str) -> dt.datetime:
    return dt.datetime.combine(day, _clock(clock), tzinfo=HELSINKI)


def today_span(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Today's family café: from the hour of loading (9.00 at the earliest) for three hours,
    ending by midnight, so that the map shows it the day the demo is loaded."""
    local = now.astimezone(HELSINKI)
    starts = max(
        local.replace(minute=0, second=0, microsecond=0),
        dt.datetime.combine(local.date(), dt.time(9), tzinfo=HELSINKI),
    )
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(), HELSINKI)
    return starts, min(starts + dt.timedelta(hours=3), midnight)


def _texts(value: Text, name: str) -> dict[str, str]:
    return {f"{name}_{lang}": text for lang, text in texts(value).items()}


def _common(
    spec: DemoEvent | DemoSeries | DemoForum,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        **_texts(spec.titles, "title"),
        **_texts(spec.descriptions, "description"),
        "location": location_id(spec.place),
        "languages": spec.languages,
        "tasks": ",".join(spec.tasks),
        "is_free": True,
    }
    service = getattr(spec, "service", None)
    if service:
        fields["service"] = service_id(service)
    return fields


def _registration(spec: DemoEvent | DemoSeries) -> dict[str, Any]:
    min_age, max_age = spec.ages
    return {
        "registration": spec.registration,
        "capacity": spec.capacity,
        "waitlist_capacity": spec.waitlist_capacity,
        "max_group_size": spec.max_group_size,
        "min_age": min_age,
        "max_age": max_age,
    }


def _verified(user: User) -> User:
    """The loader acts for the demo's users as their signed-in sessions would: it is run by the
    operator, so a required second factor counts as passed (django-otp's `is_verified`)."""
    user.is_verified = lambda: True  # type: ignore[attr-defined]
    return user


def _sign_up(event: Event, family: DemoFamily, now: dt.datetime) -> None:
    data = SignupInput(
        name=family.name,
        email=family.email,
        phone=family.phone,
        language=family.language,
        participants=[ParticipantInput(name, age) for name, age in family.participants],
        answers={},
    )
    with translation.override(family.language):
        signup_create(event_id=event.pk, data=data, now=now)


def _exists(organization: str, titles: Text, now: dt.datetime) -> bool:
    return Event.objects.filter(
        organization_id=org_id(organization),
        title_fi=texts(titles)["fi"],
        parent__isnull=True,
        ends__gt=now,
    ).exists()


def load_demo_events(*, users: Mapping[str, User], now: dt.datetime | None = None) -> EventsSummary:
    """The demo's events, peer groups and forum, published, with the families' first sign-ups
    (`users` by the local part of their e-mail). Call it inside the loader's transaction,
    after the catalogue and the users."""
    started = timezone.now()
    now = now or started
    today = now.astimezone(HELSINKI).date()
    organiser = _verified(users[ORGANISER])
    summary = EventsSummary()

    def publish(event: Event) -> Event:
        published = organise.event_publish(actor=organiser, event_id=event.pk)
        summary.events.append(published)
        return published

    def add(
        spec: DemoEvent | DemoSeries, kind: str, fields: dict[str, Any], rule: RuleData | None
    ) -> Event:
        """The event published, with its families signed up."""
        event = organise.event_create(
            actor=organiser,
            organization_id=org_id(spec.organization),
            kind=kind,
            fields={**_common(spec), **_registration(spec), **fields},
            rule=rule,
            now=now,
        )
        event = publish(event)
        summary.events_created += 1
        for family in spec.families:
            _sign_up(event, family, now)
            summary.signups_created += 1
        return event

    for spec in EVENTS:
        if _exists(spec.organization, spec.titles, now):
            continue
        day = working_day(today, spec.day)
        if spec is TODAY:
            starts, ends = today_span(now)
        else:
            starts, ends = _at(day, spec.starts), _at(day, spec.ends)
        add(spec, EventKind.SINGLE, {"starts": starts, "ends": ends}, None)

    for series in SERIES:
        if _exists(series.organization, series.titles, now):
            continue
        first = working_day(today, series.first_day)
        fields: dict[str, Any] = {}
        if series.peer_group:
            fields.update(
                is_peer_group=True,
                facilitator=users[series.facilitator] if series.facilitator else None,
                allow_pseudonyms=series.pseudonyms,
            )
        event = add(
            series,
            EventKind.SERIES,
            fields,
            RuleData(
                weekdays=series.weekdays,
                starts_at=_clock(series.starts),
                ends_at=_clock(series.ends),
                first_date=first,
                last_date=first + dt.timedelta(weeks=series.weeks, days=-1),
                interval_weeks=series.interval_weeks,
            ),
        )
        summary.peer_groups_created += int(series.peer_group)
        if series.approved and series.facilitator:
            facilitator = _verified(users[series.facilitator])
            for signup in event.signups.order_by("queue_number", "pk")[: series.approved]:
                applications.application_approve(actor=facilitator, signup_id=signup.pk)

    if not _exists(FORUM.organization, FORUM.titles, now):
        day = working_day(today, FORUM.day)
        forum = organise.event_create(
            actor=organiser,
            organization_id=org_id(FORUM.organization),
            kind=EventKind.UMBRELLA,
            fields={
                **_common(FORUM),
                "is_forum": True,
                "starts": _at(day, FORUM.starts),
                "ends": _at(day, FORUM.ends),
            },
            now=now,
        )
        for session in FORUM.sessions:
            organise.event_create(
                actor=organiser,
                organization_id=org_id(FORUM.organization),
                kind=EventKind.SESSION,
                parent_id=forum.pk,
                fields={
                    **_texts(session.titles, "title"),
                    **_texts(session.descriptions, "description"),
                    "location": location_id(FORUM.place),
                    "languages": FORUM.languages,
                    "registration": session.registration,
                    "capacity": session.capacity,
                    "starts": _at(day, session.starts),
                    "ends": _at(day, session.ends),
                },
                now=now,
            )
            summary.forum_sessions_created += 1
        publish(forum)
        summary.events_created += 1

    if summary.signups_created:
        # The made-up families' confirmations and text messages go nowhere: in the demo, whose
        # e-mail is the console, they would only print calendar files over the logins.
        OutboxEmail.objects.filter(kind__startswith="events.", created_at__gte=started).delete()
        DBTaskResult.objects.filter(
            task_path__endswith=".events_send_sms", enqueued_at__gte=started
        ).delete()
    return summary
