"""The three-way merge of two copies of a session, as properties over any documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from igftui.model import ForumSession
from igftui.model.merge import fill_not_given, merge_documents, resolve
from strategies import agenda_items, participants, sessions

#: Documents as the catalogue keeps them (``to_document``): every field of a session.  The
#: merge takes a list as one value, so a short one tries it as well as a long one would.
documents = sessions(
    participants=st.lists(participants(), max_size=2), agenda=st.lists(agenda_items(), max_size=2)
).map(lambda session: session.to_document())

#: What a copy may change: everything but which session it is.
FIELDS = [name for name in ForumSession().to_document() if name not in ("schema", "id")]


@st.composite
def edited(draw, base):
    """A copy of ``base`` with some fields changed to what another session says."""
    other = draw(documents)
    document = {**base, "online_participation": dict(base["online_participation"])}
    for name in draw(st.sets(st.sampled_from(FIELDS))):
        document[name] = other[name]
    return document


def leaves(document, prefix=""):
    for key, value in document.items():
        if isinstance(value, dict) and key == "online_participation":  # merged key by key
            yield from leaves(value, prefix + key + ".")
        elif key != "id":
            yield prefix + key, value


@settings(max_examples=100)
@given(st.data())
def test_merging_a_side_with_an_unchanged_base_gives_that_side(data):
    base = data.draw(documents)
    side = data.draw(edited(base))
    assert merge_documents(base, base, side).document == side
    assert merge_documents(base, side, base).document == side
    assert merge_documents(base, side, base).clean and merge_documents(base, base, side).clean


@settings(max_examples=100)
@given(st.data())
def test_a_field_changed_on_one_side_only_never_conflicts(data):
    base = data.draw(documents)
    mine = data.draw(edited(base))
    theirs = data.draw(edited(base))
    result = merge_documents(base, mine, theirs)
    mine_leaves, theirs_leaves, base_leaves = dict(leaves(mine)), dict(leaves(theirs)), dict(leaves(base))
    for conflict in result.conflicts:
        assert mine_leaves[conflict.field] != base_leaves[conflict.field]
        assert theirs_leaves[conflict.field] != base_leaves[conflict.field]
        assert mine_leaves[conflict.field] != theirs_leaves[conflict.field]


@settings(max_examples=100)
@given(st.data())
def test_nothing_typed_on_either_side_is_dropped(data):
    """Every value either side changed is in the result, or is theirs in a conflict
    (which the catalogue keeps as a revision) and can be taken."""
    base = data.draw(documents)
    mine = data.draw(edited(base))
    theirs = data.draw(edited(base))
    result = merge_documents(base, mine, theirs)
    merged = dict(leaves(result.document))
    conflicted = {c.field: c for c in result.conflicts}
    for name, value in leaves(mine):
        if value != dict(leaves(base))[name]:
            assert merged[name] == value
    for name, value in leaves(theirs):
        if value != dict(leaves(base))[name]:
            assert merged[name] == value or conflicted[name].theirs == value
    # Taking theirs for every conflict gives their text in those fields.
    taken = dict(leaves(resolve(result, {name: "theirs" for name in conflicted})))
    for name, conflict in conflicted.items():
        assert taken[name] == conflict.theirs


def test_without_a_base_every_difference_is_a_conflict_and_mine_stands():
    result = merge_documents(None, {"title": "A", "tags": []}, {"title": "B", "tags": []})
    assert result.document == {"title": "A", "tags": []}
    assert [c.field for c in result.conflicts] == ["title"]


def test_a_field_the_file_does_not_give_is_not_erased():
    mine = {
        "title": "A",
        "private_notes": "call Ana first",
        "participants": [
            {"name": "Ana Costa", "gender": "woman", "email": "ana@example.org"},
            {"name": None, "organisation": "Argentina IGF", "email": "x@y.org"},
        ],
    }
    theirs = {
        "title": "B",
        "participants": [
            {"name": "ANA COSTA", "gender": None, "email": None},
            {"name": None, "organisation": "argentina igf", "email": None},
            {"name": "New Person", "gender": None},
        ],
    }
    filled = fill_not_given(theirs, mine)
    assert filled["private_notes"] == "call Ana first"
    assert filled["participants"][0]["gender"] == "woman"
    assert filled["participants"][0]["email"] == "ana@example.org"
    assert filled["participants"][1]["email"] == "x@y.org"
    assert filled["participants"][2]["gender"] is None
    assert theirs["participants"][0]["gender"] is None  # the file's copy is left alone


def test_a_flag_written_only_when_set_is_false_when_left_out():
    # igftui writes "lead" and "to_be_confirmed" only when true: a copy without them says false.
    mine = {
        "participants": [
            {"name": "Lena Kowalski", "lead": True, "first_time": True},
            {"name": None, "organisation": "Red", "to_be_confirmed": True},
        ]
    }
    theirs = {"participants": [{"name": "Lena Kowalski"}, {"name": None, "organisation": "Red"}]}
    filled = fill_not_given(theirs, mine)
    assert "lead" not in filled["participants"][0]
    assert "to_be_confirmed" not in filled["participants"][1]
    assert filled["participants"][0]["first_time"] is True  # other keys are still filled in
