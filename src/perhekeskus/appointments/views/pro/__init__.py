"""The professional's appointment pages, at /<lang>/pro/appointments/ (`urls_pro.py`), and the
calendar feed at /calendar-feeds/<token>.ics (`urls_feed.py`)."""
