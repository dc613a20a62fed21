"""Who signed up: the participant list (every read audited), its CSV export, attendance, a peer
group's applications, and a message to the contact persons.

The families' data is read only through `selectors.participant_list` and `access_event`, which
decide who may see it (the event's organisers, a peer group's facilitator) and write the audit
entry; each action calls one service."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from perhekeskus.core.decorators import professional_required
from perhekeskus.core.errors import NotFound
from perhekeskus.core.forms import apply_validation_error
from perhekeskus.events import selectors, selectors_pro
from perhekeskus.events.forms.pro import AttendanceForm, MessageForm, finnish_datetime
from perhekeskus.events.models import Event, EventKind, Participant, SignupStatus
from perhekeskus.events.policies import can_manage_event
from perhekeskus.events.selectors import ParticipantRow
from perhekeskus.events.services import applications
from perhekeskus.events.services.attendance import attendance_mark
from perhekeskus.events.services.messages import message_send
from perhekeskus.events.views.pro.common import current_user

# Cells a spreadsheet would read as a formula (CSV injection): kept as text with a leading '.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DECISIONS = ("approve", "decline")
MARK_FIELD = re.compile(r"^p(\d{1,18})$")


def _sessions(event: Event) -> list[Event]:
    """A peer group's sessions, where its attendance is marked."""
    if event.kind == EventKind.SERIES and event.is_peer_group:
        return selectors_pro.event_parts(event)
    return []


@never_cache
@require_GET
@professional_required
def participants(request: HttpRequest, event_id: UUID) -> HttpResponse:
    user = current_user(request)
    event, rows = selectors.participant_list(actor=user, event_id=event_id, request=request)
    counts = {status: 0 for status in SignupStatus.values}
    for row in rows:
        counts[row.signup.status] += row.signup.seats
    context = {
        "event": event,
        "rows": rows,
        "questions": _question_texts(rows),
        "attending": counts[SignupStatus.ATTENDING] + counts[SignupStatus.OFFERED],
        "waitlisted": counts[SignupStatus.WAITLISTED],
        "applied": sum(1 for row in rows if row.signup.status == SignupStatus.APPLIED),
        "sessions": _sessions(event),
        # A facilitator who is not an organiser has no event page to go back to.
        "may_manage": can_manage_event(user, event),
    }
    return render(request, "events/pro/participants.html", context)


def _question_texts(rows: Iterable[ParticipantRow]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        for text in row.answers:
            seen.setdefault(text, None)
    return list(seen)


# --- Export -------------------------------------------------------------------------------------


def safe_cell(value: object) -> str:
    """A cell as text that no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _person(participant: Participant) -> str:
    age = _("adult") if participant.age is None else str(participant.age)
    return f"{participant.name or '–'} ({age})"


def participants_csv(event: Event, rows: list[ParticipantRow]) -> str:
    """One line a sign-up. Semicolons: Excel in Finnish and Swedish splits columns at them; the
    byte order mark makes it read the text as UTF-8 (ä, ö, å)."""
    questions = _question_texts(rows)
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    # The questions' texts are the organiser's: a header cell is a cell like any other.
    writer.writerow(
        safe_cell(value)
        for value in [
            _("Status"),
            _("Waiting list position"),
            _("Offered until"),
            _("Contact person"),
            _("E-mail"),
            _("Phone"),
            _("Language"),
            _("Persons"),
            _("Participants (age)"),
            *questions,
            _("Signed up"),
        ]
    )
    for row in rows:
        signup = row.signup
        writer.writerow(
            safe_cell(value)
            for value in (
                signup.get_status_display(),
                row.position or "",
                finnish_datetime(signup.offer_expires_at) if signup.offer_expires_at else "",
                signup.name,
                signup.email,
                signup.phone,
                signup.get_language_display(),
                signup.seats,
                "; ".join(_person(p) for p in row.participants),
                *(row.answers.get(text, "") for text in questions),
                finnish_datetime(signup.created_at),
            )
        )
    return out.getvalue()


@never_cache
@professional_required
@require_POST
def participants_export(request: HttpRequest, event_id: UUID) -> HttpResponse:
    """The list as a CSV file. POST, not a link: it is an audited act that no prefetcher may
    trigger."""
    user = current_user(request)
    event, rows = selectors.participant_list(
        actor=user, event_id=event_id, export=True, request=request
    )
    response = HttpResponse(participants_csv(event, rows), content_type="text/csv; charset=utf-8")
    day = timezone.localtime(event.starts).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="participants-{day}.csv"'
    return response


# --- Attendance ---------------------------------------------------------------------------------


def _present(rows: list[ParticipantRow]) -> list[tuple[ParticipantRow, list[Participant]]]:
    return [(row, row.participants) for row in rows if row.signup.status == SignupStatus.ATTENDING]


def _marks(rows: list[ParticipantRow]) -> dict[int, str]:
    """The marks already given at this event, as the form's values."""
    return {
        participant_id: AttendanceForm.PRESENT if present else AttendanceForm.ABSENT
        for row in rows
        for participant_id, present in row.attendance.items()
    }


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, event_id: UUID) -> HttpResponse:
    """Who came. A peer group is marked per session: its own page lists the sessions."""
    user = current_user(request)
    if request.method == "POST":
        marks = {
            int(match.group(1)): {"present": True, "absent": False}.get(request.POST[name])
            for name in request.POST
            if (match := MARK_FIELD.match(name))
        }
        try:
            count = attendance_mark(actor=user, event_id=event_id, marks=marks)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext("%(count)s mark saved.", "%(count)s marks saved.", count)
                % {"count": count},
            )
        return redirect("events_pro:attendance", event_id=event_id)
    event, rows = selectors.participant_list(actor=user, event_id=event_id, request=request)
    coming = _present(rows)
    ids = [participant.pk for _row, people in coming for participant in people]
    form = AttendanceForm(
        participant_ids=ids, initial={f"p{pk}": value for pk, value in _marks(rows).items()}
    )
    context = {
        "event": event,
        "sessions": _sessions(event),
        "groups": [
            (row, [(person, form[f"p{person.pk}"]) for person in people]) for row, people in coming
        ],
        # Marks are taken from the day of the event on (Finnish date).
        "open": timezone.localdate() >= timezone.localtime(event.starts).date(),
    }
    return render(request, "events/pro/attendance.html", context)


# --- Applications -------------------------------------------------------------------------------


@never_cache
@professional_required
@require_POST
def application_decide(request: HttpRequest, signup_id: UUID, decision: str) -> HttpResponse:
    if decision not in DECISIONS:
        raise NotFound
    user = current_user(request)
    decide = (
        applications.application_approve
        if decision == "approve"
        else applications.application_decline
    )
    try:
        signup = decide(actor=user, signup_id=signup_id)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        back = _event_id(request.POST.get("event", ""))
        if back is None:
            return redirect("events_pro:list")
        return redirect("events_pro:participants", event_id=back)
    if signup.status == SignupStatus.DECLINED:
        messages.success(request, _("The application was declined. The family is told."))
    elif signup.status == SignupStatus.WAITLISTED:
        messages.success(
            request, _("The application was approved. The group is full: the family waits.")
        )
    else:
        messages.success(request, _("The application was approved. The family is told."))
    return redirect("events_pro:participants", event_id=signup.event_id)


def _event_id(raw: str) -> UUID | None:
    try:
        return UUID(raw)
    except ValueError:
        return None


# --- Message ------------------------------------------------------------------------------------


@never_cache
@professional_required
@require_http_methods(["GET", "POST"])
def message(request: HttpRequest, event_id: UUID) -> HttpResponse:
    user = current_user(request)
    form = MessageForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            sent = message_send(
                actor=user,
                event_id=event_id,
                audience=data["audience"],
                subject=data["subject"],
                body=data["body"],
                send_sms=data["send_sms"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The message is on its way to %(count)s contact person.",
                    "The message is on its way to %(count)s contact persons.",
                    sent.recipient_count,
                )
                % {"count": sent.recipient_count},
            )
            return redirect("events_pro:participants", event_id=event_id)
    # The page names no family: the check of the event is not a read of its participants.
    event = selectors.access_event(actor=user, event_id=event_id, for_action=True)
    context = {"event": event, "form": form}
    return render(request, "events/pro/message.html", context, status=400 if form.errors else 200)
