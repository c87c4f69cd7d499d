"""Similar sessions and a year's overlaps, read from a real catalogue."""

import pytest

from igftui.model import ForumSession
from igftui.services.samples import load_samples
from igftui.services.similar import OVERLAP_THRESHOLD, overlaps, similar_sessions

COMMUNITY_NETWORKS = dict(
    title="Community networks in rural districts: spectrum for the last mile",
    policy_questions=["How can regulators open spectrum to community networks in rural districts?"],
    description=(
        "Villages far from the fibre build their own wireless networks. Spectrum licences and fees keep "
        "them illegal in many countries. Operators of community networks from three regions compare "
        "licensing rules and the backhaul they rent."
    ),
    expected_outcomes="A short guide for regulators on licensing community networks and sharing spectrum.",
)

SAME_TOPIC_OTHER_WORDS = dict(
    title="Villages that connect themselves: licences, backhaul and spectrum sharing",
    policy_questions=["What stops rural communities from licensing their own wireless networks?"],
    description=(
        "Where no operator builds, villages set up their own networks. They need spectrum, affordable "
        "backhaul and a licence regulators rarely grant. Community network builders and a regulator "
        "share what licensing regimes worked."
    ),
    expected_outcomes="Recommendations to regulators on community network licences and spectrum sharing.",
)

ONLY_SHARES_WORDS = dict(
    title="Data protection of children in schools' learning platforms",
    policy_questions=["Who may process the data pupils leave in learning platforms?"],
    description=(
        "Schools adopted learning platforms in a hurry. The data of pupils flows to vendors whose terms "
        "nobody read. Data protection authorities and teachers discuss consent of children and parents."
    ),
    expected_outcomes="A checklist for schools choosing a learning platform.",
)


@pytest.fixture
def filled(catalogue):
    load_samples(catalogue)
    ids = {}
    for name, texts in (
        ("networks", COMMUNITY_NETWORKS),
        ("villages", SAME_TOPIC_OTHER_WORDS),
        ("schools", ONLY_SHARES_WORDS),
    ):
        ids[name] = catalogue.add(ForumSession(year=2026, session_type="workshop", **texts)).id
    return catalogue, ids


def test_the_same_topic_in_other_words_comes_first(filled):
    catalogue, ids = filled
    found = similar_sessions(catalogue, catalogue.get(ids["networks"]))
    assert found[0].id == ids["villages"]
    assert found[0].score >= OVERLAP_THRESHOLD
    assert {"spectrum", "licensing"} & set(found[0].shared_terms)
    assert ids["networks"] not in [like.id for like in found]
    scores = [like.score for like in found]
    assert scores == sorted(scores, reverse=True)
    schools = [like for like in found if like.id == ids["schools"]]
    assert not schools or schools[0].score < 0.1


def test_a_draft_not_yet_saved_finds_the_sessions_like_it(filled):
    catalogue, ids = filled
    typed = ForumSession(year=2026, title="Spectrum for community networks", description="Licensing rural networks")
    found = similar_sessions(catalogue, typed, limit=3)
    assert {like.id for like in found} >= {ids["networks"], ids["villages"]}
    assert len(found) <= 3


def test_a_year_keeps_to_that_years_sessions(filled):
    catalogue, ids = filled
    found = similar_sessions(catalogue, catalogue.get(ids["networks"]), year=2007, limit=5)
    assert found and all(like.year == 2007 for like in found)
    # The sample of 2007 on community wireless networks.
    assert "wireless" in found[0].title.lower()


def test_a_session_with_nothing_to_compare_has_no_similar_sessions(filled):
    catalogue, _ = filled
    assert similar_sessions(catalogue, ForumSession(title="The Internet governance forum session")) == []
    assert similar_sessions(catalogue, ForumSession()) == []


def test_overlaps_pair_the_proposals_to_merge_most_alike_first(filled):
    catalogue, ids = filled
    pairs = overlaps(catalogue, 2026)
    assert [(pair.a, pair.b) for pair in pairs] == [(ids["networks"], ids["villages"])]
    assert pairs[0].score == similar_sessions(catalogue, catalogue.get(ids["networks"]), limit=1)[0].score
    everything = overlaps(catalogue, 2026, threshold=0.0)
    assert [pair.score for pair in everything] == sorted((pair.score for pair in everything), reverse=True)
    assert all(pair.a < pair.b for pair in everything)


def test_overlaps_tell_their_progress(filled):
    catalogue, _ = filled
    told = []
    overlaps(catalogue, 2026, progress=lambda done, total: told.append((done, total)))
    assert told[0] == (0, 6) and told[-1] == (6, 6)
    assert [done for done, _ in told] == sorted(done for done, _ in told)


def test_similar_sessions_follow_an_edit(filled):
    catalogue, ids = filled
    schools = catalogue.get(ids["schools"])
    before = similar_sessions(catalogue, catalogue.get(ids["networks"]), limit=3)
    assert ids["schools"] not in [like.id for like in before if like.score >= OVERLAP_THRESHOLD]
    catalogue.update(schools.model_copy(update=SAME_TOPIC_OTHER_WORDS))
    after = similar_sessions(catalogue, catalogue.get(ids["networks"]), limit=3)
    assert ids["schools"] in [like.id for like in after if like.score >= OVERLAP_THRESHOLD]
