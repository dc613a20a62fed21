"""Danger recognition (`core.danger`): the review's phrases, the rules' mechanics, and the
labelled set's recall and false-alarm rate (`core.danger_eval`, ADR 0023)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from perhekeskus.core import danger_eval
from perhekeskus.core.danger import SIGNALS, danger_signals, is_urgent, normalise


@pytest.mark.parametrize("name", danger_eval.SETS)
def test_recall_and_false_alarms_on_the_labelled_set(name: str) -> None:
    examples = danger_eval.load(name)
    figures = danger_eval.by_language(examples)
    print(
        "\n"
        + "\n".join(
            f"{name} {language}: recall {f.recall:.3f} ({f.found}/{f.dangers}), false alarms "
            f"{f.false_alarm_rate:.3f} ({f.false_alarms}/{f.ordinary})"
            for language, f in figures.items()
        )
    )
    errors = "\n".join(
        f"  {'missed' if e.danger else 'false alarm'} ({e.language}, {e.part}): {e.text}"
        for e in danger_eval.errors(examples)
    )
    for language, f in figures.items():
        assert f.recall >= danger_eval.MIN_RECALL, f"{name} {language} recall {f.recall}\n{errors}"
        assert f.false_alarm_rate <= danger_eval.MAX_FALSE_ALARM_RATE, (
            f"{name} {language} false alarms {f.false_alarm_rate}\n{errors}"
        )


def test_the_labelled_set_is_large_and_covers_every_language_and_label() -> None:
    messages = danger_eval.load("messages")
    searches = danger_eval.load("searches")
    assert len(messages) >= 200
    assert len(searches) >= 100
    for examples in (messages, searches):
        for language in danger_eval.LANGUAGES:
            of_language = [e for e in examples if e.language == language]
            dangers = sum(e.danger for e in of_language)
            # Roughly balanced: neither label under a third of a language's examples.
            assert len(of_language) / 3 <= dangers <= 2 * len(of_language) / 3
    texts = [e.text for e in messages + searches]
    assert len(texts) == len(set(texts))


def test_the_figures_count_what_the_detector_says() -> None:
    examples = [
        danger_eval.Example("fi", True, "a", "dev"),
        danger_eval.Example("fi", True, "b", "dev"),
        danger_eval.Example("sv", False, "c", "dev"),
        danger_eval.Example("sv", False, "d", "dev"),
    ]
    figures = danger_eval.figures(examples, detect=lambda text: text in {"a", "c"})
    assert (figures.recall, figures.false_alarm_rate) == (0.5, 0.5)
    assert [e.text for e in danger_eval.errors(examples, detect=lambda t: t in {"a", "c"})] == [
        "b",
        "c",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Usability review B1, as typed.
        ("En jaksa enää elää, lapset olisivat parempi ilman minua.", ["self_harm"]),
        (
            "Isä juo joka ilta ja huutaa lapsille, pelottaa mennä kotiin.",
            ["caregiver_intoxicated_or_raging", "afraid_to_go_home"],
        ),
        ("Jag orkar inte leva längre.", ["self_harm"]),
        ("haluan kuolla", ["self_harm"]),
        ("itsemurha", ["self_harm"]),
        ("I want to die", ["self_harm"]),
        ("mieheni lyö minua", ["violence"]),
        ("Min man slår mig…", ["violence"]),
        ("I am scared of my partner, he threatens…", ["violence"]),
        ("Pelkään miestäni, hän uhkailee…", ["violence"]),
    ],
)
def test_the_reviews_messages(text: str, expected: list[str]) -> None:
    assert danger_signals(text) == expected
    assert is_urgent(text)


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("Tyttäreni viiltelee käsiään", "self_harm"),
        ("Min dotter skär sig", "self_harm"),
        ("He says he wants to kill himself", "self_harm"),
        ("Jag vill inte leva mera", "self_harm"),
        ("Lapset ovat yksin kotona", "child_in_danger"),
        ("Barnen är ensamma hemma", "child_in_danger"),
        ("The baby was left alone", "child_in_danger"),
        ("Äiti on kännissä", "caregiver_intoxicated_or_raging"),
        ("Pappa super varje kväll", "caregiver_intoxicated_or_raging"),
        ("my dad is drunk again", "caregiver_intoxicated_or_raging"),
        ("en uskalla mennä kotiin", "afraid_to_go_home"),
        ("Jag vågar inte gå hem", "afraid_to_go_home"),
        ("I'm scared to go home", "afraid_to_go_home"),
        ("kriisiapu", "crisis"),
        ("krishjälp", "crisis"),
        ("crisis help", "crisis"),
    ],
)
def test_each_kind_of_danger_in_three_languages(text: str, signal: str) -> None:
    assert signal in danger_signals(text)


@pytest.mark.parametrize(
    "query",
    [
        "itsemurha",
        "haluan kuolla",
        "väkivalta perheessä",
        "turvakoti",
        "lähisuhdeväkivalta",
        "kriisiapu",
        "självmord",
        "våld i familjen",
        "suicide",
        "domestic violence",
        "crisis help",
    ],
)
def test_crisis_and_violence_searches_are_urgent(query: str) -> None:
    assert is_urgent(query)


@pytest.mark.parametrize(
    "query",
    [
        "neuvola",
        "lapsi ei nuku",
        "erotilanne",
        "perhekahvila",
        "kotipalvelu",
        "asema",
        "parisuhdekriisi",
        "humalan kasvatus",
        "familjerådgivning Borgå",
        "kill time with kids",
        "beat the heat",
        "killer whale",
        "hit songs for kids",
        "kickboxing for kids",
    ],
)
def test_ordinary_searches_are_not_urgent(query: str) -> None:
    assert not is_urgent(query)
    assert danger_signals(query) == []


def test_text_is_normalised_before_matching() -> None:
    assert normalise("  ÄITI   Juo!!\n") == "aiti juo"
    assert normalise("Självmord, don't") == "sjalvmord dont"
    assert normalise("kuollaaaaa") == "kuollaa"
    # Upper case, no diacritics, extra spaces and long letters all match.
    for text in ("EN   JAKSA ELAA ENAA", "en jaksa elää enääää", "Haluan kuollaaa"):
        assert danger_signals(text) == ["self_harm"], text
    assert danger_signals("sjalvmord") == ["self_harm"]
    for empty in ("", "   ", "!!!", "\n\t"):
        assert danger_signals(empty) == []
        assert not is_urgent(empty)
    assert danger_signals("vakivalta perheessa") == ["violence"]


def test_words_of_a_phrase_may_move_a_little_but_not_far() -> None:
    for text in ("en jaksa enää elää", "en enää jaksa elää", "en jaksa elää enää"):
        assert danger_signals(text) == ["self_harm"], text
    # More than two words between "jaksa" and "elää": a different sentence.
    assert danger_signals("En jaksa tätä sotkua, lasten pitää elää omaa elämäänsä") == []


def test_a_whole_word_stem_does_not_match_inside_other_words() -> None:
    assert danger_signals("Hänellä on ase") == ["violence"]
    assert danger_signals("uhkasi aseella") == ["violence"]
    for text in ("asema", "Terveysasemalla oli jono", "rautatieasema", "asemakaava", "asetukset"):
        assert danger_signals(text) == [], text


def test_one_typing_slip_in_a_key_word_is_forgiven() -> None:
    for text in ("itsemruha", "sucide", "sjävlmord", "itsetohoisuus"):
        assert danger_signals(text) == ["self_harm"], text
    assert danger_signals("misshnadel") == ["violence"]
    # Real words one letter from a long stem are not read as it.
    for text in ("Tervakoski", "vakavalla mielellä", "talking to the kids", "eating habits"):
        assert danger_signals(text) == [], text


def test_signals_come_in_a_stable_order() -> None:
    text = (
        "Haluan kuolla. Mies lyö, isä on kännissä, lapsi on yksin kotona, pelottaa mennä kotiin, "
        "tarvitsen kriisiapua."
    )
    assert danger_signals(text) == list(SIGNALS)


def test_is_urgent_agrees_with_danger_signals_on_the_whole_set() -> None:
    for name in danger_eval.SETS:
        for example in danger_eval.load(name):
            assert is_urgent(example.text) == bool(danger_signals(example.text)), example.text


def test_the_evaluate_command_prints_every_set_and_part() -> None:
    out = StringIO()
    call_command("danger_evaluate", "--errors", stdout=out)
    lines = out.getvalue().splitlines()
    for name in danger_eval.SETS:
        for part in [*danger_eval.PARTS, "total"]:
            assert any(line.split()[:2] == [name, part] for line in lines), (name, part)
    assert any(line.startswith("time per call:") for line in lines)
    # --errors lists the false alarms of the set, with the signals they raised.
    assert any("false alarm" in line and "[" in line for line in lines)

    out = StringIO()
    call_command("danger_evaluate", "--json", stdout=out)
    data = json.loads(out.getvalue())
    total = data["messages"]["total"]["all"]
    assert total["dangers"] == sum(e.danger for e in danger_eval.load("messages"))
    assert 0 <= total["recall"] <= 1
