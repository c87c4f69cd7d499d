"""The likeness of two texts: words kept and left out, stems, TF-IDF weights, cosine, shared words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igftui.model import similarity
from igftui.model.similarity import cosine, profile, shared_terms, vector, words


def _vector(text: str, frequencies: dict[str, int] | None = None, total: int = 100):
    made = profile(text)
    return vector(made, {term: (frequencies or {}).get(term, 1) for term in made.counts}, total)


def test_words_fold_case_and_accents_and_leave_out_what_every_proposal_says():
    assert words("Protección de DATOS personales en América Latina") == [
        "proteccion",
        "datos",
        "personales",
        "america",
        "latina",
    ]
    assert words("The Internet governance session will explore 2030 goals") == ["goals"]
    assert words("AI, 5G and an IXP") == ["ixp"]


def test_forms_of_one_word_are_one_term():
    made = profile("Protecting journalists", ["How is the protection of journalists organised?"])
    assert made.counts[similarity.stem("protecting")] == 2 + 1  # the title counts twice
    assert made.forms[similarity.stem("protection")] == {"protecting", "protection"}


def test_accents_and_case_do_not_change_the_score():
    one = _vector("Réseaux communautaires et spectre pour les zones rurales")
    two = _vector("RESEAUX COMMUNAUTAIRES ET SPECTRE POUR LES ZONES RURALES")
    assert cosine(one, two) == pytest.approx(1.0)


def test_field_words_alone_make_no_likeness():
    one = _vector("Internet governance session for stakeholders on the IGF")
    two = _vector("A multistakeholder Internet governance workshop of the forum")
    assert not one and not two
    assert cosine(one, two) == 0.0


def test_a_rare_shared_word_counts_more_than_a_common_one():
    frequencies = {similarity.stem("satellite"): 2, similarity.stem("data"): 90}
    base = _vector("satellite data", frequencies)
    rare = _vector("satellite broadband", frequencies)
    common = _vector("data broadband", frequencies)
    assert cosine(base, rare) > cosine(base, common) > 0


def test_a_word_every_session_holds_weighs_nothing():
    made = profile("rights spectrum")
    held = vector(made, {similarity.stem("rights"): 100, similarity.stem("spectrum"): 3}, 100)
    assert set(held.weights) == {similarity.stem("spectrum")}


def test_shared_terms_name_the_heaviest_shared_words_as_written():
    frequencies = {similarity.stem("spectrum"): 1, similarity.stem("licensing"): 5, similarity.stem("rural"): 30}
    one = _vector("Spectrum licensing for rural networks", frequencies)
    two = _vector("Rural spectrum, licensed", frequencies)
    assert shared_terms(one, two) == ("spectrum", "licensing", "rural")


_TEXT = st.text(st.sampled_from("abcdeé ÉSP"), max_size=60)


@given(_TEXT, _TEXT)
def test_cosine_is_symmetric_and_between_zero_and_one(first, second):
    one, two = _vector(first), _vector(second)
    assert cosine(one, two) == cosine(two, one)
    assert 0.0 <= cosine(one, two) <= 1.0
    if one:
        assert abs(cosine(one, one) - 1.0) < 1e-9
