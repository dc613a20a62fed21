"""English as written in Finland: 4.12.2026 and 8.00, the long date as "4 December 2026": a
day-first reader never takes 07/01 for 1 July, and no one meets the US order here."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j F Y \a\t G.i"
MONTH_DAY_FORMAT = "j.n."
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y \a\t G.i"
FIRST_DAY_OF_WEEK = 1
# ISO first: a <input type="date"> needs it; then what people type (no US month-first dates).
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%d.%m.%Y %H.%M",
    "%d.%m.%Y %H:%M",
]
