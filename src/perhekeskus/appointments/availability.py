"""Free slots, computed from the rules every time and never stored.

A professional's working periods of a day are their weekly hours in Finnish wall-clock time
(those valid that day; none on a public holiday unless their calendar says they work on public
holidays) joined with their extra hours. Slots start on a grid of the appointment type's duration
from the start of each period, in real time: on the night the clocks go forward the hour that
does not exist yields no slot, and on the night they go back the hour that happens twice yields
two, so that no slot vanishes or appears twice. A slot is free when it lies within a period,
overlaps no absence, starts after the minimum notice and no later than the type's last bookable
day, and its time with the type's buffers overlaps no other live booking's blocked time.

Everything a search needs (hours, exceptions, bookings, calendars) is read in one query each for
the whole range, whatever its number of professionals and days (ADR 0035).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import holidays
from django.db.models import Q
from django.utils import timezone

from perhekeskus.accounts.models import User
from perhekeskus.appointments import slotids
from perhekeskus.appointments.models import (
    AppointmentType,
    AvailabilityException,
    Booking,
    BookingStatus,
    ExceptionKind,
    ProfessionalCalendar,
    WeeklyHours,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
_DAY = dt.timedelta(days=1)

Interval = tuple[dt.datetime, dt.datetime]


@dataclass(frozen=True)
class Slot:
    appointment_type_id: uuid.UUID
    professional_id: int
    starts: dt.datetime  # aware, UTC
    ends: dt.datetime
    channels: tuple[str, ...]

    @property
    def id(self) -> str:
        return slotids.encode(self.appointment_type_id, self.professional_id, self.starts)


@functools.lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[dt.date]:
    days = set(holidays.country_holidays("FI", years=year))
    # Christmas Eve and Midsummer Eve are days off in Finland although not public holidays by
    # law; the library lists them today, and they stay closed should it ever stop.
    days.add(dt.date(year, 12, 24))
    days.add(next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4))
    return frozenset(days)


def is_public_holiday(day: dt.date) -> bool:
    """A Finnish public holiday, Christmas Eve or Midsummer Eve."""
    return day in _holidays_of(day.year)


def helsinki_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(HELSINKI).date()


def day_start(day: dt.date) -> dt.datetime:
    """Midnight starting `day` in Finnish time, as a UTC instant."""
    return wall_to_utc(day, dt.time(0, 0))


def wall_to_utc(day: dt.date, clock: dt.time) -> dt.datetime:
    """The instant the clocks in Finland show `clock` on `day`, in UTC.

    A time shown twice (the night the clocks go back) is its first occurrence. A time never shown
    (the night the clocks go forward) is the moment the clocks jump past it: "from 3.30" on that
    night starts at 4.00 summer time."""
    local = dt.datetime.combine(day, clock, tzinfo=HELSINKI)
    utc = local.astimezone(dt.UTC)
    if utc.astimezone(HELSINKI).replace(tzinfo=None) == local.replace(tzinfo=None):
        return utc
    # In the gap: fold=1 reads the time with the later offset, an instant before the jump; the
    # jump itself is the first instant after it whose clock is past `clock`.
    low = local.replace(fold=1).astimezone(dt.UTC)
    high = utc
    wanted = local.replace(tzinfo=None)
    while high - low > dt.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(HELSINKI).replace(tzinfo=None) >= wanted:
            high = middle
        else:
            low = middle
    # Transitions fall on whole seconds, and `high` is within a second after it.
    return high.replace(microsecond=0)


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of intervals, sorted and disjoint (touching intervals join)."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


class _Busy:
    """Disjoint sorted intervals, asked whether any overlaps [start, end) in O(log n)."""

    def __init__(self, intervals: Iterable[Interval]) -> None:
        self._intervals = _merge(intervals)
        self._ends = [end for _start, end in self._intervals]

    def overlaps(self, start: dt.datetime, end: dt.datetime) -> bool:
        index = bisect.bisect_right(self._ends, start)
        return index < len(self._intervals) and self._intervals[index][0] < end


@dataclass(frozen=True)
class _Window:
    """The bookable window of a type at `now`: the first start and the last Finnish date."""

    earliest: dt.datetime
    last_day: dt.date


def bookable_window(appointment_type: AppointmentType, now: dt.datetime) -> _Window:
    return _Window(
        earliest=now + dt.timedelta(minutes=appointment_type.min_notice_minutes),
        last_day=helsinki_date(now) + dt.timedelta(days=appointment_type.max_days_ahead),
    )


def _weekly_periods(
    hours: Sequence[WeeklyHours], days: Iterable[dt.date], closed_days: frozenset[dt.date]
) -> list[Interval]:
    by_weekday: dict[int, list[WeeklyHours]] = defaultdict(list)
    for row in hours:
        by_weekday[row.weekday].append(row)
    periods: list[Interval] = []
    for day in days:
        if day in closed_days:
            continue
        for row in by_weekday.get(day.weekday(), ()):
            if row.valid_from and day < row.valid_from:
                continue
            if row.valid_until and day > row.valid_until:
                continue
            periods.append((wall_to_utc(day, row.starts), wall_to_utc(day, row.ends)))
    return periods


def _slots(
    *,
    appointment_type: AppointmentType,
    professional_ids: Sequence[int],
    date_from: dt.date,
    date_to: dt.date,
    now: dt.datetime,
    exclude_booking_id: uuid.UUID | None = None,
) -> list[Slot]:
    window = bookable_window(appointment_type, now)
    date_from = max(date_from, helsinki_date(window.earliest))
    date_to = min(date_to, window.last_day)
    if not professional_ids or date_from > date_to:
        return []
    range_start = day_start(date_from)
    range_end = day_start(date_to + _DAY)
    duration = dt.timedelta(minutes=appointment_type.duration_minutes)
    before = dt.timedelta(minutes=appointment_type.buffer_before_minutes)
    after = dt.timedelta(minutes=appointment_type.buffer_after_minutes)

    # The day before and after too: a period that begins the day before (extra hours over
    # midnight, or joined with them) puts its grid in the range.
    days = [date_from - _DAY + dt.timedelta(days=n) for n in range((date_to - date_from).days + 3)]
    holiday_days = frozenset(day for day in days if is_public_holiday(day))
    works_on_holidays = set(
        ProfessionalCalendar.objects.filter(
            professional_id__in=professional_ids, works_on_public_holidays=True
        ).values_list("professional_id", flat=True)
    )
    hours_of: dict[int, list[WeeklyHours]] = defaultdict(list)
    for row in WeeklyHours.objects.filter(professional_id__in=professional_ids).only(
        "professional_id", "weekday", "starts", "ends", "valid_from", "valid_until"
    ):
        hours_of[row.professional_id].append(row)
    extra_of: dict[int, list[Interval]] = defaultdict(list)
    absent_of: dict[int, list[Interval]] = defaultdict(list)
    for kind, professional_id, starts, ends in AvailabilityException.objects.filter(
        professional_id__in=professional_ids,
        starts__lt=range_end + duration + _DAY,
        ends__gt=range_start - _DAY,
    ).values_list("kind", "professional_id", "starts", "ends"):
        target = extra_of if kind == ExceptionKind.EXTRA else absent_of
        target[professional_id].append((starts, ends))
    bookings = Booking.objects.filter(
        ~Q(status=BookingStatus.CANCELLED),
        professional_id__in=professional_ids,
        blocked_from__lt=range_end + duration + after,
        blocked_until__gt=range_start - before,
    )
    if exclude_booking_id is not None:
        bookings = bookings.exclude(pk=exclude_booking_id)
    booked_of: dict[int, list[Interval]] = defaultdict(list)
    for professional_id, blocked_from, blocked_until in bookings.values_list(
        "professional_id", "blocked_from", "blocked_until"
    ):
        booked_of[professional_id].append((blocked_from, blocked_until))

    channels = tuple(appointment_type.channels)
    type_id = appointment_type.pk
    earliest = max(window.earliest, range_start)
    slots: list[Slot] = []
    for professional_id in professional_ids:
        closed = frozenset() if professional_id in works_on_holidays else holiday_days
        periods = _merge(
            _weekly_periods(hours_of.get(professional_id, ()), days, closed)
            + extra_of.get(professional_id, [])
        )
        absent = _Busy(absent_of.get(professional_id, ()))
        booked = _Busy(booked_of.get(professional_id, ()))
        for period_start, period_end in periods:
            if period_end <= earliest or period_start >= range_end:
                continue
            starts = period_start
            if starts < earliest:
                # Skip whole grid steps, keeping the grid of the period.
                steps = -((period_start - earliest) // duration)
                starts = period_start + steps * duration
            while starts + duration <= period_end and starts < range_end:
                ends = starts + duration
                if not absent.overlaps(starts, ends) and not booked.overlaps(
                    starts - before, ends + after
                ):
                    slots.append(Slot(type_id, professional_id, starts, ends, channels))
                starts = ends
    slots.sort(key=operator.attrgetter("starts", "professional_id"))
    return slots


def _receiving_professionals(
    appointment_type: AppointmentType, professional_id: int | None
) -> list[int]:
    if not appointment_type.is_active:
        return []
    professionals = User.objects.filter(appointment_types=appointment_type, is_active=True)
    if professional_id is not None:
        professionals = professionals.filter(pk=professional_id)
    return sorted(professionals.values_list("pk", flat=True))


def free_slots(
    *,
    appointment_type: AppointmentType,
    date_from: dt.date,
    date_to: dt.date,
    professional_id: int | None = None,
    now: dt.datetime | None = None,
    exclude_booking_id: uuid.UUID | None = None,
) -> list[Slot]:
    """The free slots of the type from `date_from` to `date_to` (Finnish dates, inclusive) with
    any of its professionals, or with `professional_id` only; sorted by start, then professional.
    An inactive type has none. `exclude_booking_id` leaves out one booking (the one a family is
    moving), so that the times next to it, inside its own buffers, are offered too."""
    return _slots(
        appointment_type=appointment_type,
        professional_ids=_receiving_professionals(appointment_type, professional_id),
        date_from=date_from,
        date_to=date_to,
        now=now or timezone.now(),
        exclude_booking_id=exclude_booking_id,
    )


def slot_is_free(
    *,
    appointment_type: AppointmentType,
    professional_id: int,
    starts: dt.datetime,
    now: dt.datetime | None = None,
    exclude_booking_id: uuid.UUID | None = None,
) -> bool:
    """Whether the type's slot with the professional at `starts` is free now: the same rules as
    `free_slots`, so a slot shown is a slot that can be booked. `exclude_booking_id` leaves out
    one booking (the one being moved)."""
    day = helsinki_date(starts)
    return any(
        slot.starts == starts and slot.professional_id == professional_id
        for slot in _slots(
            appointment_type=appointment_type,
            professional_ids=_receiving_professionals(appointment_type, professional_id),
            date_from=day,
            date_to=day,
            now=now or timezone.now(),
            exclude_booking_id=exclude_booking_id,
        )
    )
