import pytest
from django.template import Context, Template
from django.utils import translation

from perhekeskus.catalog.display import localized
from perhekeskus.testing.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_text_in_the_readers_language_when_it_exists() -> None:
    service = ServiceFactory.create(name="Neuvola", name_sv="Rådgivning", name_en="")
    result = localized(service, "name", "sv")
    assert (result.text, result.language, result.is_fallback) == ("Rådgivning", "sv", False)


def test_missing_translation_falls_back_with_its_language() -> None:
    service = ServiceFactory.create(name="Neuvola", name_sv="", name_en="")
    result = localized(service, "name", "en")
    assert (result.text, result.language, result.is_fallback) == ("Neuvola", "fi", True)


def test_template_tag_marks_the_fallback_visibly_and_for_screen_readers() -> None:
    service = ServiceFactory.create(description="Suomeksi vain.", description_en="")
    template = Template('{% load catalog %}{% localized_text service "description" %}')
    with translation.override("en"):
        html = template.render(Context({"service": service}))
    assert '<span lang="fi">Suomeksi vain.</span>' in html
    assert "only available in finnish" in html.lower()
    with translation.override("fi"):
        html = template.render(Context({"service": service}))
    assert html == "Suomeksi vain."
