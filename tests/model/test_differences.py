"""What differs between two texts of a session, in the form's words, marked without colour."""

from __future__ import annotations

from igftui.model import AgendaItem, ForumSession, Participant
from igftui.model.differences import (
    changed_labels,
    diff_lines,
    differences,
    field_label,
    word_changes,
)


def texts(lines) -> list[str]:
    return [f"{line.mark} {line.text}" for line in lines]


def test_fields_are_named_as_the_editor_names_them():
    assert field_label("sdgs") == "Sustainable Development Goals"
    assert field_label("description") == "Description"
    assert field_label("participants") == "People"
    assert field_label("private_notes") == "Private notes"
    assert changed_labels(["online_participation", "description", "title", "schema"]) == [
        "Title",
        "Description",
        "Online participation",
    ]


def test_only_fields_that_differ_are_listed_in_the_order_of_the_form():
    old = ForumSession(title="Old title", description="Same", year=2025).to_document()
    new = ForumSession(title="New title", description="Same", year=2026).to_document()
    found = differences(old, new)
    assert [d.label for d in found] == ["Title", "Year"]
    assert texts(found[1].lines) == ["- 2025", "+ 2026"]


def test_a_changed_word_in_a_long_text_is_marked_inside_its_line():
    old = ForumSession(description="Intro.\nA round table on how distrust splits what people see.\nEnd.")
    new = ForumSession(description="Intro.\nA round table on how mistrust splits what people see.\nEnd.")
    (description,) = differences(old.to_document(), new.to_document())
    assert texts(description.lines) == [
        "  Intro.",
        "~ A round table on how [-distrust-]{+mistrust+} splits what people see.",
        "  End.",
    ]
    changed = description.lines[1].pieces
    assert ("distrust", "removed") in changed and ("mistrust", "added") in changed


def test_lines_that_are_not_alike_are_one_removed_and_one_added():
    lines = diff_lines(["The first question"], ["Something else entirely, longer"])
    assert texts(lines) == ["- The first question", "+ Something else entirely, longer"]


def test_long_unchanged_stretches_are_left_out_and_said_to_be():
    old = [f"line {n}" for n in range(10)]
    new = list(old)
    new[5] = "something else entirely"
    assert [line.mark for line in diff_lines(old, new)] == ["…", " ", "-", "+", " ", "…"]


def test_nothing_differs_nothing_is_listed():
    document = ForumSession(title="Same").to_document()
    assert differences(document, dict(document)) == []
    assert diff_lines([], []) == []


def test_choices_are_labels_and_times_say_utc():
    old = ForumSession(format="panel", status="draft").to_document()
    new = ForumSession(format="round_table", status="submitted", starts_at="2026-06-23T09:30:00Z").to_document()
    shown = {d.label: texts(d.lines) for d in differences(old, new)}
    assert shown["Format"] == ["- Panel", "+ Round Table"]
    assert shown["Status"] == ["- Draft", "+ Submitted"]
    assert shown["Starts"] == ["+ 2026-06-23 09:30 UTC"]


def test_private_answers_are_shown_and_said_to_be_private():
    old = ForumSession(
        private_notes="Call the lawyer first", participants=[Participant(name="Amina Diallo", roles=["speaker"])]
    )
    new = ForumSession(
        private_notes="Call the lawyer first, then the editor",
        participants=[Participant(name="Amina Diallo", roles=["speaker"], gender="woman", email="amina@example.org")],
    )
    found = {d.field: d for d in differences(old.to_document(), new.to_document())}
    assert found["private_notes"].private and found["private_notes"].label == "Private notes"
    (person,) = found["participants"].lines
    assert "gender Woman (private)" in person.text and "e-mail amina@example.org (private)" in person.text
    assert not found["participants"].private


def test_people_agenda_and_online_plan_read_as_lines():
    old = ForumSession(agenda=[AgendaItem(title="Opening", minutes=10, kind="opening")])
    new = ForumSession(
        agenda=[
            AgendaItem(title="Opening", minutes=15, kind="opening"),
            AgendaItem(title="Open floor", minutes=30, kind="discussion", interactive=True, public=False),
        ],
        online_participation={"platform": "Zoom", "captioning": True},
    )
    shown = {d.label: texts(d.lines) for d in differences(old.to_document(), new.to_document())}
    assert shown["Agenda"] == [
        "~ Opening · [-10-]{+15+} min · Opening",
        "+ Open floor · 30 min · Discussion · interactive · not broadcast",
    ]
    assert "+ Platform: Zoom" in shown["Online participation"]
    assert "~ Live captioning: [-no-]{+yes+}" in shown["Online participation"]


def test_word_changes_keep_every_character():
    before, after = "Safe, open and free: the Internet.", "Safe and open: an Internet for all."
    pieces = word_changes(before, after)
    assert "".join(text for text, change in pieces if change != "added") == before
    assert "".join(text for text, change in pieces if change != "removed") == after
