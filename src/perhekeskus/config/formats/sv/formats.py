"""Finland-Swedish: 4.12.2026, kl. 8.00; the long date as "4 december 2026" (not Sweden's
2026-12-04 and 08:00)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j F Y \k\l. G.i"
MONTH_DAY_FORMAT = "j.n."
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l. G.i"
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
