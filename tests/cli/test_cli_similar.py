"""igftui similar and igftui overlaps, run as a user runs them."""

import pytest
from tests.store.test_similar_sessions import COMMUNITY_NETWORKS, ONLY_SHARES_WORDS, SAME_TOPIC_OTHER_WORDS

from igftui.model import ForumSession
from igftui.services.samples import load_samples


@pytest.fixture
def ids(catalogue):
    load_samples(catalogue)
    return [
        catalogue.add(ForumSession(year=2026, session_type="workshop", **texts)).id
        for texts in (COMMUNITY_NETWORKS, SAME_TOPIC_OTHER_WORDS, ONLY_SHARES_WORDS)
    ]


def test_similar_json_is_the_contract(igftui, ids):
    result = igftui("similar", str(ids[0]), "--json", "--limit", "4")
    assert result.code == 0, result.err
    found = result.json()
    assert len(found) == 4
    assert all(set(like) == {"id", "code", "year", "title", "score", "shared_terms"} for like in found)
    assert found[0]["id"] == ids[1] and found[0]["year"] == 2026
    assert found[0]["title"] == SAME_TOPIC_OTHER_WORDS["title"]
    assert 0 < found[-1]["score"] <= found[0]["score"] <= 1
    assert "spectrum" in found[0]["shared_terms"]


def test_similar_table_and_year(igftui, ids):
    result = igftui("similar", str(ids[0]), "--year", "2026")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["ID", "CODE", "YEAR", "SCORE", "TITLE", "SHARED", "WORDS"]
    assert lines[1].startswith(str(ids[1])) and "Villages that connect themselves" in lines[1]
    assert all(" 2026 " in line for line in lines[1:])


def test_similar_says_so_when_nothing_is_alike(igftui, catalogue):
    lonely = catalogue.add(ForumSession(year=2026, title="Quasars"))
    result = igftui("similar", str(lonely.id))
    assert (result.code, result.out) == (0, "no session shares enough words with it\n")
    assert igftui("similar", str(lonely.id), "--json").json() == []


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["similar", "999"], 1, "no session with id 999"),
        (["similar", "1", "--limit", "0"], 2, "--limit must be at least 1"),
        (["similar", "one"], 2, "is not a session id"),
        (["overlaps"], 2, "--year"),
        (["overlaps", "--year", "2026", "--threshold", "1.5"], 2, "not from 0 to 1"),
        (["overlaps", "--year", "2026", "--threshold", "high"], 2, "not a number from 0 to 1"),
    ],
)
def test_bad_input_is_one_clear_line(igftui, ids, args, code, said):
    result = igftui(*args)
    assert result.code == code
    assert said in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_overlaps_json_is_the_contract(igftui, ids):
    result = igftui("overlaps", "--year", "2026", "--json")
    assert result.code == 0, result.err
    assert [(pair["a"], pair["b"]) for pair in result.json()] == [(ids[0], ids[1])]
    assert set(result.json()[0]) == {"a", "b", "score"}
    everything = igftui("overlaps", "--year", "2026", "--threshold", "0", "--json").json()
    assert len(everything) >= 1
    assert [pair["score"] for pair in everything] == sorted((pair["score"] for pair in everything), reverse=True)


def test_overlaps_table_names_both_sessions(igftui, ids):
    result = igftui("overlaps", "--year", "2026")
    assert result.code == 0, result.err
    assert f"#{ids[0]} Community networks" in result.out and f"#{ids[1]} Villages" in result.out
    assert result.out.rstrip().endswith("(1 pair at 0.20 or more; 'igftui show ID' shows one)")
    assert igftui("overlaps", "--year", "2019").out == "no two sessions of 2019 are 0.20 alike or more\n"


def test_the_threshold_is_the_rule_sets(igftui, ids, tmp_path, monkeypatch):
    """A rule set that lowers IGF-S001's threshold lowers the default of overlaps, and the check's."""
    rules = tmp_path / "team.toml"
    rules.write_text('name = "team"\nextends = "igf-2025"\n\n[rules.IGF-S001]\nthreshold = 0.99\n', encoding="utf-8")
    monkeypatch.setenv("IGFTUI_RULES", str(rules))
    assert igftui("overlaps", "--year", "2026", "--json").json() == []
    assert "no two sessions of 2026 are 0.99 alike" in igftui("overlaps", "--year", "2026").out


def test_check_warns_of_an_overlap_with_the_other_proposal(igftui, ids):
    result = igftui("check", str(ids[0]), "--json")
    overlaps = [finding for finding in result.json()["findings"] if finding["rule"] == "IGF-S001"]
    assert len(overlaps) == 1
    assert overlaps[0]["severity"] == "warning"
    assert overlaps[0]["message"].startswith("Overlaps with ")
    assert "Villages that connect themselves" in overlaps[0]["message"]
    assert (
        "of 2026 (0." in overlaps[0]["message"]
        and "consider contacting its organisers or merging" in overlaps[0]["message"]
    )
    alone = igftui("check", str(ids[2]), "--json").json()["findings"]
    assert not [finding for finding in alone if finding["rule"] == "IGF-S001"]
