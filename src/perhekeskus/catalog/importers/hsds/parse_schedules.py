"""Schedules: weekly rules by weekday and exceptions."""

from __future__ import annotations

from typing import Any

from perhekeskus.catalog.hsds import BYDAY
from perhekeskus.catalog.importers.hsds.reader import Json, Reader
from perhekeskus.catalog.importers.records import ScheduleRecord, child_id


class ScheduleReader(Reader):
    # --- schedules -------------------------------------------------------------------------

    def schedules(self, data: Json, key: str, at: str) -> list[ScheduleRecord]:
        rows: list[ScheduleRecord] = []
        for item, sat in self.items(data, key, at):
            pk = self.identifier(item, "id", sat)
            closed = bool(self.boolean(item, "x_closed", sat))
            valid_from = self.date(item, "valid_from", sat)
            valid_to = self.date(item, "valid_to", sat)
            starts = valid_from or self.date(item, "dtstart", sat)
            opens = self.time(item, "opens_at", sat, starts)
            closes = self.time(item, "closes_at", sat, starts)
            common: dict[str, Any] = {
                "closed": closed,
                "opens_at": None if closed else opens,
                "closes_at": None if closed else closes,
                "valid_to": valid_to,
                "descriptions": self.texts(item, "description", sat),
            }
            if not closed and (opens is None or closes is None):
                self.note(sat, "neither opening hours nor closed: left out")
                continue
            kind = self.choice(item, "x_kind", sat, ["regular", "exception"], "regular")
            if kind == "exception":
                if starts is None:
                    self.fail(sat, "an exception needs valid_from or dtstart")
                rows.append(ScheduleRecord(kind=kind, valid_from=starts, id=pk, **common))
                continue
            freq = self.string(item, "freq", sat)
            days = [part.strip().upper() for part in self.string(item, "byday", sat).split(",")]
            if (freq and freq != "WEEKLY") or not all(day in BYDAY for day in days if day):
                self.note(sat, "only weekly rules by weekday can be imported: left out")
                continue
            weekdays = sorted({BYDAY.index(day) for day in days if day})
            if not weekdays:
                self.note(sat, "a weekly rule without byday: left out")
                continue
            for weekday in weekdays:
                row_id = pk if len(weekdays) == 1 else child_id(pk, BYDAY[weekday])
                rows.append(
                    ScheduleRecord(
                        kind="regular", weekday=weekday, valid_from=valid_from, id=row_id, **common
                    )
                )
        return rows
