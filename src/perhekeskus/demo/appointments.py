"""The demo's appointments (issue #12): what families can book, who receives them and when.

Simo's remote appointments (the child custody officer, service counselling and the child
welfare social workers, by phone and video, one of them bookable only with a link the social
worker sends), Inari's video reception, and visits at catalogue places: Askola's child health
clinic and the family counselling clinic in Turku. Each professional has weekly hours in Finnish
time and a few absences, and a few families have booked in the coming days, through the same
booking service as the public pages, so that the calendars are not empty.

The types and calendars are written by the appointments app's `*_provision` services: ids are
fixed, and a second run leaves what exists as it is. Bookings are added only for a type that has
no upcoming booking, so loading again the same day changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from perhekeskus.accounts.models import User
from perhekeskus.appointments import availability, services
from perhekeskus.appointments.models import (
    AppointmentType,
    Booking,
    BookingStatus,
    Channel,
    QuestionKind,
    WhoMayBook,
)
from perhekeskus.appointments.services.provision import (
    QuestionSpec,
    appointment_type_provision,
    calendar_provision,
)
from perhekeskus.core.models import OutboxEmail
from perhekeskus.demo.catalog import askola_clinic, varha
from perhekeskus.demo.catalog.helpers import (
    DEMO_DOMAIN,
    LANGUAGES,
    Text,
    demo_id,
    location_id,
    service_id,
    texts,
)

HELSINKI = availability.HELSINKI
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# --- What the demo has -------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoQuestion:
    text: Text  # (fi, sv, en)
    choices: tuple[Text, ...] = ()  # each choice (fi, sv, en); none: free text
    required: bool = False


@dataclass(frozen=True)
class DemoAppointmentType:
    key: str
    service: str  # the catalogue service's key (`demo.catalog`)
    names: Text
    descriptions: Text
    duration_minutes: int
    channels: tuple[str, ...]
    professionals: tuple[str, ...]  # local parts of demo users (`network.USERS`)
    locations: tuple[str, ...] = ()  # catalogue place keys, for visits
    questions: tuple[DemoQuestion, ...] = ()
    link_only: bool = False
    min_notice_minutes: int = 120
    max_days_ahead: int = 56
    buffer_after_minutes: int = 0
    limit_per_person: int | None = None
    cancellation_deadline_hours: int = 24

    @property
    def id(self) -> uuid.UUID:
        return demo_id("appointment-type", self.key)


@dataclass(frozen=True)
class DemoAbsence:
    """An absence `week` weeks after the loading week's Monday, on `weekday` (mon…), in Finnish
    wall-clock time; `days` long when it spans several days."""

    week: int
    weekday: str
    starts: str
    ends: str
    note: str
    days: int = 1


@dataclass(frozen=True)
class DemoCalendar:
    professional: str
    hours: tuple[str, ...]  # "mon-thu 9-15", "fri 9-12", "mon,wed 12:30-15:30"
    absences: tuple[DemoAbsence, ...] = ()


@dataclass(frozen=True)
class DemoBooking:
    """A made-up family's booking with `professional`, on the `day`-th working day from tomorrow
    that has free slots, in that day's `nth` free slot. `answers` follow the type's questions."""

    appointment_type: str
    professional: str
    day: int
    nth: int
    channel: str
    language: str
    name: str
    email: str  # local part
    phone: str
    answers: tuple[str, ...] = ()


_WHAT_TO_TALK_ABOUT = DemoQuestion(
    (
        "Mistä haluaisit puhua?",
        "Vad skulle du vilja prata om?",
        "What would you like to talk about?",
    )
)

APPOINTMENT_TYPES: tuple[DemoAppointmentType, ...] = (
    DemoAppointmentType(
        "simo-lastenvalvojan-etatapaaminen",
        "simo-lastenvalvoja-etaaika",
        (
            "Lastenvalvojan etätapaaminen",
            "Distansmöte med barnatillsyningsmannen",
            "Remote appointment with the child custody officer",
        ),
        (
            """Sopikaa lapsen huollosta, asumisesta, tapaamisista ja elatusavusta puhelimessa tai
            videolla. Molemmat vanhemmat voivat osallistua eri paikoista. Sopimus vahvistetaan
            sähköisesti tai Simon hyvinvointiasemalla.""",
            """Kom överens om barnets vårdnad, boende, umgänge och underhåll per telefon eller
            video. Båda föräldrarna kan delta från olika platser. Avtalet fastställs
            elektroniskt eller på Simo välfärdsstation.""",
            """Agree on your child's custody, living arrangements, contact and maintenance by
            phone or video. Both parents can join from different places. The agreement is
            confirmed electronically or at the Simo wellbeing station.""",
        ),
        duration_minutes=60,
        channels=(Channel.PHONE, Channel.VIDEO),
        professionals=("lastenvalvoja",),
        questions=(
            DemoQuestion(
                ("Mitä asia koskee?", "Vad gäller ärendet?", "What is it about?"),
                choices=(
                    ("Lapsen huolto", "Vårdnaden om barnet", "Custody of the child"),
                    ("Lapsen asuminen", "Barnets boende", "Where the child lives"),
                    ("Tapaamiset", "Umgänge", "Contact with the child"),
                    ("Elatusapu", "Underhållsbidrag", "Child maintenance"),
                    (
                        "Isyyden tai äitiyden tunnustaminen",
                        "Erkännande av faderskap eller moderskap",
                        "Acknowledging paternity or maternity",
                    ),
                    ("Jokin muu", "Något annat", "Something else"),
                ),
                required=True,
            ),
            DemoQuestion(
                (
                    "Osallistuuko myös toinen vanhempi?",
                    "Deltar också den andra föräldern?",
                    "Will the other parent join too?",
                ),
                choices=(
                    ("Kyllä, samasta paikasta", "Ja, från samma plats", "Yes, from the same place"),
                    ("Kyllä, eri paikasta", "Ja, från en annan plats", "Yes, from another place"),
                    ("Ei", "Nej", "No"),
                ),
            ),
        ),
        min_notice_minutes=240,
        buffer_after_minutes=15,
        limit_per_person=2,
    ),
    DemoAppointmentType(
        "simo-palveluohjaus-etaaika",
        "simo-palveluneuvonta-etaaika",
        (
            "Palveluohjaus puhelimessa tai videolla",
            "Servicehandledning per telefon eller video",
            "Service counselling by phone or video",
        ),
        (
            """Palveluohjaaja selvittää kanssasi, mitä palveluja ja tukea perheesi voi saada, ja
            auttaa hakemusten kanssa. Säästät matkan hyvinvointiasemalle.""",
            """Servicehandledaren reder ut vilka tjänster och vilket stöd familjen kan få och
            hjälper med ansökningarna. Du sparar resan till välfärdsstationen.""",
            """The service counsellor finds out with you which services and support your family
            can get and helps with the applications. You save the trip to the wellbeing
            station.""",
        ),
        duration_minutes=30,
        channels=(Channel.PHONE, Channel.VIDEO),
        professionals=("palveluohjaaja",),
        questions=(_WHAT_TO_TALK_ABOUT,),
        min_notice_minutes=60,
        cancellation_deadline_hours=4,
    ),
    DemoAppointmentType(
        "simo-lastensuojelun-etatapaaminen",
        "simo-lastensuojelu-etaaika",
        (
            "Lastensuojelun etätapaaminen",
            "Distansmöte med barnskyddets socialarbetare",
            "Remote meeting with a child welfare social worker",
        ),
        (
            """Huoli lapsesta tai perheen tilanteesta? Tapaa lastensuojelun sosiaalityöntekijä
            puhelimessa tai videolla. Kiireellisessä tilanteessa soita hätänumeroon 112.""",
            """Oroar du dig för ett barn eller familjens situation? Träffa barnskyddets
            socialarbetare per telefon eller video. I brådskande fall ring nödnumret 112.""",
            """Worried about a child or your family's situation? Meet a child welfare social
            worker by phone or video. In an emergency call 112.""",
        ),
        duration_minutes=45,
        channels=(Channel.PHONE, Channel.VIDEO),
        professionals=("sosiaalityontekija", "lastensuojelu"),
        questions=(_WHAT_TO_TALK_ABOUT,),
        buffer_after_minutes=15,
    ),
    DemoAppointmentType(
        "simo-lastensuojelun-asiakastapaaminen",
        "simo-lastensuojelu-etaaika",
        (
            "Asiakastapaaminen omalle sosiaalityöntekijälle",
            "Klientmöte med din egen socialarbetare",
            "Client meeting with your own social worker",
        ),
        (
            """Lastensuojelun asiakkaan videotapaaminen. Sosiaalityöntekijäsi lähettää sinulle
            linkin tähän ajanvaraukseen.""",
            """Videomöte för klienter inom barnskyddet. Din socialarbetare skickar dig länken
            till den här tidsbokningen.""",
            """A video meeting for child welfare clients. Your social worker sends you the link
            to this booking.""",
        ),
        duration_minutes=60,
        channels=(Channel.VIDEO,),
        professionals=("sosiaalityontekija", "lastensuojelu"),
        link_only=True,
        min_notice_minutes=60,
        buffer_after_minutes=15,
    ),
    DemoAppointmentType(
        "inari-etavastaanotto-videolla",
        "inari-lastensuojelu-etavastaanotto",
        ("Etävastaanotto videolla", "Distansmottagning på video", "Remote reception by video"),
        (
            """Tapaa lastensuojelun tai perheneuvonnan työntekijä kotoa videoyhteydellä, niin
            pitkää matkaa Ivaloon ei tarvita. Perhe voi tarvittaessa lainata laitteen.""",
            """Träffa barnskyddets eller familjerådgivningens arbetstagare hemifrån på video,
            utan den långa resan till Ivalo. Familjen kan vid behov låna en enhet.""",
            """Meet a child welfare or family counselling worker from home by video, without the
            long trip to Ivalo. The family can borrow a device if needed.""",
        ),
        duration_minutes=45,
        channels=(Channel.VIDEO,),
        professionals=("etavastaanotto",),
        questions=(
            _WHAT_TO_TALK_ABOUT,
            DemoQuestion(
                (
                    "Tarvitsetko laitteen lainaan?",
                    "Behöver du låna en enhet?",
                    "Do you need to borrow a device?",
                ),
                choices=(("Kyllä", "Ja", "Yes"), ("Ei", "Nej", "No")),
            ),
        ),
        min_notice_minutes=60,
        buffer_after_minutes=15,
    ),
    DemoAppointmentType(
        "askola-neuvolakaynti",
        "askola-lastenneuvola",
        (
            "Neuvolakäynti terveydenhoitajalle",
            "Besök hos hälsovårdaren på rådgivningen",
            "Visit to the public health nurse",
        ),
        (
            """Käynti lastenneuvolassa esimerkiksi kasvun seurantaan, rokotukseen tai kun
            jokin lapsen hoidossa askarruttaa. Määräaikaistarkastuksiin neuvola kutsuu
            erikseen.""",
            """Besök på barnrådgivningen till exempel för att följa tillväxten, för en
            vaccination eller när något i barnets vård bekymrar. Till de regelbundna
            kontrollerna kallar rådgivningen separat.""",
            """A visit to the child health clinic, for example to follow growth, for a
            vaccination or when something about your child's care worries you. The clinic
            invites you to the regular check-ups separately.""",
        ),
        duration_minutes=30,
        channels=(Channel.VISIT,),
        professionals=("terveydenhoitaja",),
        locations=(askola_clinic.CLINIC,),
        questions=(_WHAT_TO_TALK_ABOUT,),
    ),
    DemoAppointmentType(
        "turku-perheneuvolan-ensikaynti",
        "varha-perheneuvola",
        (
            "Perheneuvolan ensikäynti",
            "Första besöket på familjerådgivningen",
            "First visit to the family counselling clinic",
        ),
        (
            """Ensimmäinen tapaaminen perheneuvolan psykologin kanssa Turussa tai videolla.
            Lähetettä ei tarvita. Mietitään yhdessä, mikä perhettä auttaisi.""",
            """Första mötet med familjerådgivningens psykolog i Åbo eller på video. Ingen
            remiss behövs. Vi funderar tillsammans på vad som skulle hjälpa familjen.""",
            """A first meeting with the family counselling psychologist in Turku or by video. No
            referral is needed. Together we think about what would help your family.""",
        ),
        duration_minutes=60,
        channels=(Channel.VISIT, Channel.VIDEO),
        professionals=("perheneuvola",),
        locations=(varha.FAMILY_LAW,),
        questions=(_WHAT_TO_TALK_ABOUT,),
        buffer_after_minutes=15,
        limit_per_person=1,
    ),
)

CALENDARS: tuple[DemoCalendar, ...] = (
    DemoCalendar(
        "lastenvalvoja",
        ("mon-thu 9-15", "fri 9-12"),
        (DemoAbsence(2, "tue", "8", "16", "Koulutus"),),
    ),
    DemoCalendar(
        "palveluohjaaja",
        ("mon-fri 8:30-11:30", "mon-thu 12-15:30"),
        (DemoAbsence(1, "wed", "12", "15:30", "Tiimipalaveri"),),
    ),
    DemoCalendar(
        "sosiaalityontekija",
        ("mon-wed 9-15", "thu 12-15"),
        (DemoAbsence(3, "mon", "0", "0", "Loma", days=5),),
    ),
    DemoCalendar("lastensuojelu", ("tue-thu 9-15", "fri 9-12")),
    DemoCalendar(
        "etavastaanotto",
        ("mon-thu 8:30-11:30", "mon-thu 12:30-15:30", "fri 8:30-12"),
        (DemoAbsence(1, "thu", "8", "16", "Kenttäpäivä"),),
    ),
    DemoCalendar(
        "terveydenhoitaja",
        ("mon-thu 8-12", "mon-thu 13-15"),
        (DemoAbsence(2, "wed", "8", "12", "Rokotuskoulutus"),),
    ),
    DemoCalendar("perheneuvola", ("mon-thu 9-15", "fri 9-12")),
)

BOOKINGS: tuple[DemoBooking, ...] = (
    DemoBooking(
        "simo-lastenvalvojan-etatapaaminen",
        "lastenvalvoja",
        day=1,
        nth=1,
        channel=Channel.VIDEO,
        language="fi",
        name="Mira Koskinen",
        email="mira.koskinen",
        phone="+358 40 555 0190",
        answers=("Elatusapu", "Kyllä, eri paikasta"),
    ),
    DemoBooking(
        "simo-lastenvalvojan-etatapaaminen",
        "lastenvalvoja",
        day=3,
        nth=2,
        channel=Channel.PHONE,
        language="sv",
        name="Johanna Lindholm",
        email="johanna.lindholm",
        phone="+358 40 555 0191",
        answers=("Umgänge", "Nej"),
    ),
    DemoBooking(
        "simo-palveluohjaus-etaaika",
        "palveluohjaaja",
        day=1,
        nth=3,
        channel=Channel.PHONE,
        language="fi",
        name="Jari Hietala",
        email="jari.hietala",
        phone="+358 40 555 0192",
        answers=("Haemme omaishoidon tukea ja tarvitsemme apua hakemuksen kanssa.",),
    ),
    DemoBooking(
        "simo-lastensuojelun-etatapaaminen",
        "sosiaalityontekija",
        day=2,
        nth=1,
        channel=Channel.VIDEO,
        language="fi",
        name="Tuula Rantanen",
        email="tuula.rantanen",
        phone="+358 40 555 0193",
        answers=("Teini-ikäisen poikamme koulunkäynti on jäänyt, ja olemme huolissamme.",),
    ),
    DemoBooking(
        "inari-etavastaanotto-videolla",
        "etavastaanotto",
        day=1,
        nth=2,
        channel=Channel.VIDEO,
        language="fi",
        name="Marja Sarre",
        email="marja.sarre",
        phone="+358 40 555 0194",
        answers=("Lasten tapaamiset isän kanssa.", "Ei"),
    ),
    DemoBooking(
        "askola-neuvolakaynti",
        "terveydenhoitaja",
        day=2,
        nth=2,
        channel=Channel.VISIT,
        language="fi",
        name="Hanna Mäkelä",
        email="hanna.makela",
        phone="+358 40 555 0195",
        answers=("Vauvan painonseuranta ja univaikeudet.",),
    ),
    DemoBooking(
        "turku-perheneuvolan-ensikaynti",
        "perheneuvola",
        day=2,
        nth=1,
        channel=Channel.VISIT,
        language="sv",
        name="Emma Sjöberg",
        email="emma.sjoberg",
        phone="+358 40 555 0196",
        answers=("Vårt barn har svåra raseriutbrott på kvällarna.",),
    ),
)


# --- Loading ----------------------------------------------------------------------------------


@dataclass
class AppointmentsSummary:
    types_created: int = 0
    calendars_created: int = 0
    bookings_created: int = 0
    types: list[AppointmentType] = field(default_factory=list)


def _clock(text: str) -> dt.time:
    hours, _sep, minutes = text.partition(":")
    return dt.time(int(hours), int(minutes or 0))


def _weekday_set(text: str) -> list[int]:
    days: list[int] = []
    for part in text.split(","):
        first, _sep, last = part.partition("-")
        start = WEEKDAYS.index(first)
        days.extend(range(start, WEEKDAYS.index(last or first) + 1))
    return days


def weekly_hours(specs: Sequence[str]) -> list[tuple[int, dt.time, dt.time]]:
    """("mon-thu 9-15", "fri 9-12") → (weekday, from, until) rows, Monday 0."""
    rows: list[tuple[int, dt.time, dt.time]] = []
    for spec in specs:
        days, times = spec.split()
        starts, ends = (_clock(part) for part in times.split("-"))
        rows.extend((weekday, starts, ends) for weekday in _weekday_set(days))
    return sorted(rows)


def _absence_times(absence: DemoAbsence, today: dt.date) -> tuple[dt.datetime, dt.datetime]:
    monday = today - dt.timedelta(days=today.weekday())
    first = monday + dt.timedelta(weeks=absence.week, days=WEEKDAYS.index(absence.weekday))
    last = first + dt.timedelta(days=absence.days - 1)
    starts = availability.wall_to_utc(first, _clock(absence.starts))
    ends_clock = _clock(absence.ends)
    if ends_clock == dt.time(0, 0):  # "until midnight": the start of the next day
        ends = availability.day_start(last + dt.timedelta(days=1))
    else:
        ends = availability.wall_to_utc(last, ends_clock)
    return starts, ends


def _translated(value: Text, field_name: str) -> dict[str, str]:
    return {f"{field_name}_{lang}": text for lang, text in texts(value).items()}


def _question_spec(question: DemoQuestion, position: int) -> QuestionSpec:
    fields: dict[str, Any] = _translated(question.text, "text")
    if question.choices:
        for index, lang in enumerate(LANGUAGES):
            fields[f"choices_{lang}"] = "\n".join(choice[index] for choice in question.choices)
    return QuestionSpec(
        kind=QuestionKind.CHOICE if question.choices else QuestionKind.TEXT,
        required=question.required,
        position=position,
        texts=fields,
    )


def _type_fields(spec: DemoAppointmentType) -> dict[str, Any]:
    return {
        **_translated(spec.names, "name"),
        **_translated(spec.descriptions, "description"),
        "duration_minutes": spec.duration_minutes,
        "offers_visit": Channel.VISIT in spec.channels,
        "offers_phone": Channel.PHONE in spec.channels,
        "offers_video": Channel.VIDEO in spec.channels,
        "who_may_book": WhoMayBook.LINK if spec.link_only else WhoMayBook.ANYONE,
        "min_notice_minutes": spec.min_notice_minutes,
        "max_days_ahead": spec.max_days_ahead,
        "buffer_after_minutes": spec.buffer_after_minutes,
        "limit_per_person": spec.limit_per_person,
        "cancellation_deadline_hours": spec.cancellation_deadline_hours,
    }


def _answers(appointment_type: AppointmentType, plan: DemoBooking) -> dict[str, str]:
    questions = list(appointment_type.questions.order_by("position", "id"))
    return {
        str(question.pk): answer for question, answer in zip(questions, plan.answers, strict=False)
    }


def _slot_for(
    appointment_type: AppointmentType, professional: User, plan: DemoBooking, now: dt.datetime
) -> availability.Slot | None:
    tomorrow = availability.helsinki_date(now) + dt.timedelta(days=1)
    slots = availability.free_slots(
        appointment_type=appointment_type,
        date_from=tomorrow,
        date_to=tomorrow + dt.timedelta(days=14),
        professional_id=professional.pk,
        now=now,
    )
    by_day: dict[dt.date, list[availability.Slot]] = {}
    for slot in slots:
        by_day.setdefault(availability.helsinki_date(slot.starts), []).append(slot)
    days = sorted(by_day)
    if not days:
        return None
    day_slots = by_day[days[min(plan.day, len(days)) - 1]]
    return day_slots[min(plan.nth, len(day_slots)) - 1]


def _book(
    appointment_type: AppointmentType, professional: User, plan: DemoBooking, now: dt.datetime
) -> bool:
    slot = _slot_for(appointment_type, professional, plan, now)
    if slot is None:
        return False
    location = appointment_type.locations.order_by("pk").first()
    # In the family's language: their answers to choice questions are its choices.
    with translation.override(plan.language):
        services.booking_create(
            slot_id=slot.id,
            channel=plan.channel,
            name=plan.name,
            email=f"{plan.email}@{DEMO_DOMAIN}",
            phone=plan.phone,
            language=plan.language,
            answers=_answers(appointment_type, plan),
            location_id=location.pk
            if location is not None and plan.channel == Channel.VISIT
            else None,
            now=now,
        )
    return True


def load_demo_appointments(
    *, users: Mapping[str, User], via: str, now: dt.datetime | None = None
) -> AppointmentsSummary:
    """Calendars, appointment types and the first bookings of the demo (`users` by the local
    part of their e-mail). Call it inside the loader's transaction, after the catalogue."""
    started = timezone.now()
    now = now or started
    today = availability.helsinki_date(now)
    summary = AppointmentsSummary()
    for calendar in CALENDARS:
        _calendar, created = calendar_provision(
            professional=users[calendar.professional],
            hours=weekly_hours(calendar.hours),
            absences=[
                (*_absence_times(absence, today), absence.note) for absence in calendar.absences
            ],
            via=via,
        )
        summary.calendars_created += int(created)
    types: dict[str, AppointmentType] = {}
    for spec in APPOINTMENT_TYPES:
        appointment_type, created = appointment_type_provision(
            id=spec.id,
            service_id=service_id(spec.service),
            fields=_type_fields(spec),
            professionals=[users[local] for local in spec.professionals],
            location_ids=[location_id(key) for key in spec.locations],
            questions=[
                _question_spec(question, position)
                for position, question in enumerate(spec.questions)
            ],
            via=via,
        )
        types[spec.key] = appointment_type
        summary.types_created += int(created)
    summary.types = list(types.values())
    already_booked = set(
        Booking.objects.filter(
            appointment_type__in=summary.types, status=BookingStatus.BOOKED, starts__gte=now
        ).values_list("appointment_type_id", flat=True)
    )
    for plan in BOOKINGS:
        appointment_type = types[plan.appointment_type]
        if appointment_type.pk in already_booked:
            continue
        booked = _book(appointment_type, users[plan.professional], plan, now)
        summary.bookings_created += int(booked)
    if summary.bookings_created:
        # The made-up families' confirmations and text messages go nowhere: in the demo, whose
        # e-mail is the console, they would only print seven calendar files over the logins.
        OutboxEmail.objects.filter(
            kind__startswith="appointments.booking.", created_at__gte=started
        ).delete()
        DBTaskResult.objects.filter(
            task_path__endswith=".appointments_send_sms", enqueued_at__gte=started
        ).delete()
    return summary


def type_names_of(professional: str) -> list[str]:
    """The names of the demo appointment types `professional` (a local part) receives, in the
    active language, for the printed logins."""
    language = (translation.get_language() or "fi")[:2]
    if language not in LANGUAGES:
        language = "fi"
    return [
        texts(spec.names)[language]
        for spec in APPOINTMENT_TYPES
        if professional in spec.professionals
    ]
