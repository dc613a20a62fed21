"""Text analysis in Finnish (Voikko, and Snowball without it), Swedish and English; the typo
corrector's parts; escaping of what reaches the databases' query syntax."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from perhekeskus.finder.search import analysis
from perhekeskus.finder.search.analysis import (
    analyzer,
    best_correction,
    edit_distance,
    normalize,
    split_words,
    trigram_key,
    trigram_similarity,
)
from perhekeskus.finder.search.backends import fts5_phrase, quote_lexeme, tsvector_literal

needs_voikko = pytest.mark.skipif(
    not analysis.voikko_available(), reason="Voikko (libvoikko1 + voikko-fi) is not installed"
)


@pytest.fixture
def without_voikko() -> Iterator[None]:
    analysis.set_voikko_enabled(False)
    try:
        yield
    finally:
        analysis.set_voikko_enabled(True)


def _forms(word: str, language: str = "fi") -> set[str]:
    return set(analyzer(language).word(normalize(word)).forms)


def _tokens(text: str, language: str = "fi") -> set[str]:
    return set(analyzer(language).index_tokens(text))


# --- normalisation ------------------------------------------------------------------------------


def test_normalise_folds_case_and_foreign_diacritics_but_keeps_finnish_and_swedish_letters() -> (
    None
):
    assert normalize("ÄITIYSNEUVOLA Åbo Café Šakki Sámi") == "äitiysneuvola åbo cafe sakki sami"


def test_split_words_drops_punctuation_and_case_endings_after_a_colon() -> None:
    assert split_words("MLL:n perhekahvila – (Vauva-arki!) e-service, 4-vuotias?") == [
        "mll",
        "perhekahvila",
        "vauva-arki",
        "e-service",
        "4-vuotias",
    ]


# --- Finnish with Voikko ------------------------------------------------------------------------


@needs_voikko
def test_finnish_inflected_forms_have_their_base_form() -> None:
    assert "neuvola" in _forms("neuvolassa")
    assert "perheneuvola" in _forms("perheneuvolaan")
    assert "lastenvalvoja" in _forms("lastenvalvojalle")
    assert "turenki" in _forms("Turengissa")


@needs_voikko
def test_a_compound_is_indexed_whole_and_by_its_parts() -> None:
    tokens = _tokens("Lastenneuvola")
    assert {"lastenneuvola", "_lapsi", "_neuvola"} <= tokens
    # Runs of parts too: "väkivalta" inside lähisuhdeväkivalta.
    assert {"_väkivalta", "_lähisuhde"} <= _tokens("lähisuhdeväkivalta")


@needs_voikko
def test_a_compound_query_word_knows_its_parts() -> None:
    word = analyzer("fi").word("hammashoito")
    assert "hammashoito" in word.forms
    assert ("hammas", "hoito") in word.parts


@needs_voikko
def test_only_the_analyses_with_the_fewest_compound_parts_are_kept() -> None:
    # Voikko also reads "eroamme" as the compound ero+amme; the simple readings win.
    word = analyzer("fi").word("eroamme")
    assert {"erota", "ero"} <= set(word.forms)
    assert word.parts == ()
    assert "_amme" not in word.index_tokens()


@needs_voikko
def test_finnish_stop_words_are_recognised_by_their_base_form() -> None:
    words = analyzer("fi").content_words("olemme eroamassa")
    assert [w.surface for w in words] == ["eroamassa"]
    assert analyzer("fi").word("en").stop


@needs_voikko
def test_words_voikko_does_not_know_get_a_snowball_stem() -> None:
    word = analyzer("fi").word("perheolkkari")
    assert not word.known
    assert "perheolkkari" in word.forms


# --- Swedish and English ------------------------------------------------------------------------


def test_swedish_words_keep_themselves_and_their_stem() -> None:
    assert {"skilsmässa", "skilsmäss"} <= _forms("skilsmässa", "sv")
    assert {"barnen", "barn"} <= _forms("barnen", "sv")


def test_english_words_keep_themselves_and_their_stem() -> None:
    assert {"toddlers", "toddler"} <= _forms("toddlers", "en")
    assert {"therapy", "therapi"} <= _forms("therapy", "en")
    assert analyzer("en").word("the").stop


def test_hyphenated_words_are_whole_and_in_pieces() -> None:
    tokens = _tokens("e-service", "en")
    assert "eservice" in tokens
    assert "_service" in tokens


# --- Finnish without Voikko ---------------------------------------------------------------------


def test_without_voikko_finnish_falls_back_to_snowball_and_says_so(
    caplog: pytest.LogCaptureFixture,
) -> None:
    try:
        with caplog.at_level(logging.WARNING, logger="perhekeskus.finder.search.analysis"):
            analysis.set_voikko_enabled(False)
            fi = analyzer("fi")
        assert not fi.uses_voikko
        assert analysis.analysis_mode() == "snowball"
        assert {"neuvolassa", "neuvol"} <= _forms("neuvolassa")
        assert "Voikko unavailable: falling back to Snowball" in caplog.text
    finally:
        analysis.set_voikko_enabled(True)


def test_the_fallback_warning_is_logged_once(
    without_voikko: None, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_libvoikko(name: str, *args: object, **kwargs: object) -> object:
        if name == "libvoikko":
            raise OSError("libvoikko.so.1: cannot open shared object file")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_libvoikko)
    monkeypatch.setattr(analysis, "_voikko_state", "unknown")
    monkeypatch.setattr(analysis, "_warned", False)
    analysis._analyzers.clear()
    with caplog.at_level(logging.WARNING, logger="perhekeskus.finder.search.analysis"):
        assert not analysis.voikko_available()
        assert not analysis.voikko_available()
        assert not analyzer("fi").uses_voikko
    warnings = [r for r in caplog.records if "falling back to Snowball" in r.getMessage()]
    assert len(warnings) == 1


# --- typo correction ----------------------------------------------------------------------------


def test_edit_distance_counts_a_transposition_as_one_edit() -> None:
    assert edit_distance("perhenuevola", "perheneuvola", 2) == 1
    assert edit_distance("lastenvalvoa", "lastenvalvoja", 2) == 1
    assert edit_distance("neuvola", "kerho", 2) == 3  # over the limit: limit + 1


def test_trigram_similarity_is_pg_trgms() -> None:
    # pg_trgm: similarity('perheneuvola', 'perhenuevola') = 0.5294118
    assert round(trigram_similarity("perheneuvola", "perhenuevola"), 6) == 0.529412
    assert trigram_key("Äitiysneuvola") == "aitiysneuvola"


def test_best_correction_prefers_fewest_edits_then_the_frequent_word() -> None:
    candidates = [("perheneuvola", 4), ("perheneuvonta", 9), ("lastenneuvola", 7)]
    assert best_correction("perhenuevola", candidates).word == "perheneuvola"  # type: ignore[union-attr]
    assert best_correction("kerhot", [("kerho", 1), ("kerhoa", 5)]).word == "kerhoa"  # type: ignore[union-attr]


def test_short_words_are_not_corrected() -> None:
    assert best_correction("eri", [("ero", 10)]) is None


# --- escaping -----------------------------------------------------------------------------------


def test_lexemes_are_quoted_and_escaped_for_postgresql() -> None:
    assert quote_lexeme("it's") == "'it''s'"
    assert quote_lexeme("a\\b") == "'a\\\\b'"
    assert tsvector_literal(["a", "b:*", "a"]) == "'a' 'b:*'"


def test_fts5_strings_double_their_quotes() -> None:
    assert fts5_phrase('NEAR("a" b)') == '"NEAR(""a"" b)"'


def test_tokens_never_carry_query_syntax() -> None:
    text = '"neuvola" OR NEAR(a b) * : & | ! ( ) \' \\ % _ -- ; DROP TABLE x; a:* b&c'
    for language in ("fi", "sv", "en"):
        for token in analyzer(language).index_tokens(text):
            assert token.replace("_", "").isalnum(), token
