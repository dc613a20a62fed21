"""The manage-link box of the confirmation pages: the page's own words, the link with its copy
button, and the deadline only where the page gives one."""

from __future__ import annotations

from django.template.loader import render_to_string

LINK = "https://perhekeskus.example/fi/book/manage/abc/"


def test_the_box_shows_the_link_and_the_pages_words() -> None:
    html = render_to_string(
        "core/includes/manage_link.html",
        {"manage_url": LINK, "explanation": "Keep it to yourself & safe."},
    )
    assert f'id="manage-url" href="{LINK}">{LINK}</a>' in html
    assert "Keep it to yourself &amp; safe." in html
    assert 'data-copy="manage-url"' in html
    assert html.count("<p>") == 1  # no deadline given, none said


def test_the_deadline_follows_the_link() -> None:
    html = render_to_string(
        "core/includes/manage_link.html",
        {"manage_url": LINK, "explanation": "Change or cancel.", "until": "Until 2.3.2027."},
    )
    assert html.index("Change or cancel.") < html.index(LINK) < html.index("Until 2.3.2027.")
