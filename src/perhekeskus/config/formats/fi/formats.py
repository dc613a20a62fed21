"""Finnish: 4.12.2026, klo 8.00; the long date as "4. joulukuuta 2026"."""

DATE_FORMAT = "j. E Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j. E Y \k\l\o G.i"
MONTH_DAY_FORMAT = "j.n."
SHORT_DATE_FORMAT = "j.n.Y"
SHORT_DATETIME_FORMAT = r"j.n.Y \k\l\o G.i"
FIRST_DAY_OF_WEEK = 1
# ISO first: a <input type="date"> needs it; then what people type.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
