"""A draft sent to a co-organiser as JSON and sent back, run as users run it.

The co-organiser edits the file in a text editor (here: json.load, change, json.dump);
meanwhile the organiser goes on editing the draft.  Importing the file back merges
the two three-way against the revision the file was exported at.
"""

import json

import pytest

from igftui.model import ForumSession, Participant


@pytest.fixture
def draft(catalogue):
    """The organiser's draft, with private answers that never leave without being asked for."""
    return catalogue.add(
        ForumSession(
            year=2026,
            session_type="workshop",
            number=3,
            title="Rapid response for community radio",
            description="Walk through a case.",
            expected_outcomes="A checklist.",
            participants=[
                Participant(
                    name="Ana Souza",
                    organisation="Radio Livre",
                    roles=["speaker"],
                    stakeholder_group="civil_society",
                    region="grulac",
                    gender="woman",
                    email="ana@example.org",
                ),
                Participant(name="Kofi Mensah", roles=["moderator"], gender="man", email="kofi@example.org"),
            ],
            private_notes="ask about travel funding",
        )
    )


def export(igftui, session_id, path, *extra):
    result = igftui("export", str(session_id), "--format", "json", "-o", str(path), *extra)
    assert result.code == 0, result.err
    return json.loads(path.read_text(encoding="utf-8"))


def edit_as_a_co_organiser(path, change):
    """What a co-organiser does with a text editor: open the file, change it, save it."""
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    change(data)
    with path.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)


def test_export_carries_the_uid_and_the_revision_it_was_made_from(igftui, catalogue, draft, tmp_path):
    catalogue.update(draft.model_copy(update={"theme": "Human rights"}))
    data = export(igftui, draft.id, tmp_path / "copy.json")
    assert data["uid"] == draft.uid
    assert data["revision"] == 2
    # An autosave of the editor right after the export starts a revision of its own:
    # revision 2 stays what was sent, the base the copy is merged against.
    current = catalogue.get(draft.id)
    catalogue.update(current.model_copy(update={"theme": "Human rights online"}), visit="editor-visit")
    catalogue.update(catalogue.get(draft.id).model_copy(update={"theme": "Rights online"}), visit="editor-visit")
    assert catalogue.revision(draft.id, 2).theme == "Human rights"
    assert data["participants"][0]["email"] is None and "private_notes" not in data


def test_a_co_organisers_title_is_taken_and_nothing_private_is_lost(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "proposal.json"
    export(igftui, draft.id, copy)  # without --include-private: genders, e-mails and notes are null
    edit_as_a_co_organiser(copy, lambda data: data.update(title="Rapid response for radio under attack"))
    # Meanwhile the organiser improves the outcomes.
    catalogue.update(catalogue.get(draft.id).model_copy(update={"expected_outcomes": "A shared checklist."}))

    result = igftui("import", str(copy))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"merged    #{draft.id}  2026  WS #3  Rapid response for radio under attack: took title from the file",
        "imported 0, merged 1, unchanged 0, skipped 0",
    ]
    merged = catalogue.get(draft.id)
    assert merged.title == "Rapid response for radio under attack"
    assert merged.expected_outcomes == "A shared checklist."
    assert [(p.gender, p.email) for p in merged.participants] == [
        ("woman", "ana@example.org"),
        ("man", "kofi@example.org"),
    ]
    assert merged.private_notes == "ask about travel funding"
    assert merged.source is None  # still the organiser's own draft
    assert igftui("history", str(draft.id), "--json").json()[-1]["origin"] == "merged"


def test_a_field_both_changed_keeps_yours_and_theirs_is_a_revision(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "proposal.json"
    export(igftui, draft.id, copy)
    edit_as_a_co_organiser(copy, lambda data: data.update(description="Their case.", title="Their title"))
    catalogue.update(catalogue.get(draft.id).model_copy(update={"description": "My case."}))

    result = igftui("import", str(copy))
    assert result.code == 0, result.err
    line = result.out.splitlines()[0]
    theirs = catalogue.history(draft.id)[-2].number
    assert line == (
        f"merged    #{draft.id}  2026  WS #3  Their title: took title from the file; conflict in description: "
        f"kept yours; theirs is revision {theirs} (igftui show {draft.id} --revision {theirs})"
    )
    assert catalogue.get(draft.id).description == "My case."
    shown = igftui("show", str(draft.id), "--revision", str(theirs), "--json").json()
    assert shown["description"] == "Their case."


def test_the_same_file_again_changes_nothing(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "proposal.json"
    export(igftui, draft.id, copy)
    result = igftui("import", str(copy), "--json")
    assert result.code == 0, result.err
    # The file's session is reported as the catalogue holds it; nothing was written.
    assert [s["id"] for s in result.json()["imported"]] == [draft.id]
    assert result.json()["skipped"] == []
    text = igftui("import", str(copy))
    assert text.out.splitlines()[0] == f"unchanged #{draft.id}  2026  WS #3  Rapid response for community radio"
    assert len(catalogue.history(draft.id)) == 1


def test_import_json_lists_what_was_merged_in_the_contract_shape(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "proposal.json"
    export(igftui, draft.id, copy)
    edit_as_a_co_organiser(copy, lambda data: data.update(title="A new title"))
    result = igftui("import", str(copy), "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert set(report) == {"imported", "skipped"}
    [merged] = report["imported"]
    assert merged["id"] == draft.id and merged["title"] == "A new title"
    assert merged["participants"][0]["email"] is None  # private fields stay out of the output


def test_a_field_left_out_of_the_file_is_not_erased(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "proposal.json"
    export(igftui, draft.id, copy)

    def leave_out(data):
        del data["description"]
        del data["participants"][0]["organisation"]
        data["title"] = "Shorter"

    edit_as_a_co_organiser(copy, leave_out)
    assert igftui("import", str(copy)).code == 0
    merged = catalogue.get(draft.id)
    assert merged.title == "Shorter"
    assert merged.description == "Walk through a case."
    assert merged.participants[0].organisation == "Radio Livre"


def test_a_file_without_uid_goes_beside_the_draft(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "theirs.json"
    export(igftui, draft.id, copy)
    edit_as_a_co_organiser(
        copy, lambda data: [data.pop("uid"), data.pop("revision"), data.update(title="Their own take")]
    )
    result = igftui("import", str(copy))
    assert result.code == 0, result.err
    new_id = max(s.id for s in catalogue.all_sessions())
    assert result.out.splitlines() == [
        f"stored    #{new_id}  2026  WS #3  Their own take: beside your draft #{draft.id} "
        "(same year, type and number): your draft was not changed",
        "imported 1 (1 beside a draft of yours), merged 0, unchanged 0, skipped 0",
    ]
    assert catalogue.get(draft.id).title == "Rapid response for community radio"
    assert catalogue.get(new_id).source.kind == "json"


def test_a_catalogue_that_never_saw_it_gets_a_new_draft_that_remembers_the_file(igftui, draft, tmp_path):
    copy = tmp_path / "from-ana.json"
    sent = export(igftui, draft.id, copy)
    other = tmp_path / "co-organiser.db"
    result = igftui("import", str(copy), "--json", db=other)
    assert result.code == 0, result.err
    [new] = result.json()["imported"]
    assert new["uid"] == sent["uid"]
    assert new["status"] == "draft" and new["title"] == sent["title"]
    assert new["source"]["kind"] == "json" and new["source"]["path"] == "from-ana.json"
    history = igftui("history", str(new["id"]), "--json", db=other).json()
    assert [entry["origin"] for entry in history] == ["imported"]


def test_moving_a_whole_catalogue_keeps_private_fields(igftui, catalogue, draft, tmp_path):
    """The README's way: list --json --include-private, then import into another catalogue."""
    catalogue.add(
        ForumSession(
            status="catalogued",
            year=2021,
            session_type="open_forum",
            number=56,
            title="Democracy and digital inclusion",
        )
    )
    everything = tmp_path / "catalogue.json"
    listed = igftui("list", "--json", "--include-private")
    assert listed.code == 0, listed.err
    everything.write_text(listed.out, encoding="utf-8")
    sessions = json.loads(listed.out)
    assert all(s["uid"] and s["revision"] == 1 for s in sessions)
    assert sessions[0]["participants"][0]["email"] == "ana@example.org"
    assert sessions[0]["private_notes"] == "ask about travel funding"
    assert igftui("list", "--json").json()[0]["participants"][0]["email"] is None

    other = tmp_path / "other.db"
    assert igftui("import", str(everything), db=other).code == 0
    moved = igftui("list", "--json", "--include-private", db=other).json()
    assert [s["participants"] for s in moved] == [s["participants"] for s in sessions]
    assert [s["private_notes"] for s in moved] == [s["private_notes"] for s in sessions]
    assert [s["uid"] for s in moved] == [s["uid"] for s in sessions]
    again = igftui("import", str(everything), db=other)
    assert again.out.splitlines()[-1] == "imported 0, merged 0, unchanged 2, skipped 0"
    assert igftui("list", "--json", "--include-private", db=other).json() == moved


def test_a_copy_from_another_catalogue_never_undoes_your_work(igftui, catalogue, draft, tmp_path):
    """The co-organiser uses igftui too: their catalogue numbers its own revisions.

    Their revision 5 is not yours: merging against your revision 5 would take their old
    description over the one you wrote since.  Their copy says which history its
    revision counts in; from another history every difference is a conflict instead.
    """
    from igftui.store import Catalogue

    sent = tmp_path / "to-kofi.json"
    export(igftui, draft.id, sent)
    theirs_db = tmp_path / "kofi.db"
    assert igftui("import", str(sent), db=theirs_db).code == 0
    with Catalogue(theirs_db) as kofi:
        copy = kofi.get(draft.id)
        for title in (
            "Radio under attack",
            "Radio under attack: rapid response",
            "Rapid response for radio",
            "Rapid response: radio under attack",
        ):
            copy = kofi.update(copy.model_copy(update={"title": title}))
    back = tmp_path / "from-kofi.json"
    result = igftui("export", str(draft.id), "--format", "json", "-o", str(back), db=theirs_db)
    assert result.code == 0, result.err
    assert json.loads(back.read_text())["revision"] == 5
    for outcomes in ("A checklist, shared.", "A checklist, shared with the hubs."):
        catalogue.update(catalogue.get(draft.id).model_copy(update={"expected_outcomes": outcomes}))
    assert catalogue.history(draft.id)[-1].number == 3

    result = igftui("import", str(back))
    assert result.code == 0, result.err
    mine = catalogue.get(draft.id)
    assert mine.expected_outcomes == "A checklist, shared with the hubs."
    assert mine.title == "Rapid response for community radio"
    theirs = catalogue.history(draft.id)[-1].number
    assert result.out.splitlines()[0] == (
        f"unchanged #{draft.id}  2026  WS #3  Rapid response for community radio: conflict in title, "
        f"expected outcomes: kept yours; theirs is revision {theirs} (igftui show {draft.id} --revision {theirs})"
    )
    assert catalogue.revision(draft.id, theirs).title == "Rapid response: radio under attack"


def test_a_conflicting_file_imported_twice_keeps_theirs_once(igftui, catalogue, draft, tmp_path):
    copy = tmp_path / "proposal.json"
    export(igftui, draft.id, copy)

    def theirs(data):
        data["description"] = "Their case."
        del data["participants"]  # a list they left out is not an empty list
        del data["online_participation"]

    edit_as_a_co_organiser(copy, theirs)
    catalogue.update(catalogue.get(draft.id).model_copy(update={"description": "My case."}))
    first = igftui("import", str(copy))
    second = igftui("import", str(copy))
    assert first.code == second.code == 0
    kept = catalogue.history(draft.id)
    assert [entry.origin for entry in kept] == ["typed", "typed", "imported"]
    assert f"theirs is revision 3 (igftui show {draft.id} --revision 3)" in first.out
    assert second.out.startswith(f"unchanged #{draft.id}") and "theirs is revision 3" in second.out
    # Their revision is whole: what the file left out is the organiser's, not blank.
    theirs_kept = catalogue.revision(draft.id, 3)
    assert theirs_kept.description == "Their case."
    assert [p.email for p in theirs_kept.participants] == ["ana@example.org", "kofi@example.org"]
    assert kept[2].changed == ("description",)
    assert len(catalogue.get(draft.id).participants) == 2


def test_import_merge_fills_a_draft_from_the_page_of_the_accepted_session(igftui, catalogue, draft, tmp_path):
    page = tmp_path / "accepted.json"
    page.write_text(
        json.dumps(
            ForumSession(
                status="catalogued",
                year=2026,
                session_type="workshop",
                number=3,
                title="Rapid response for community radio stations",
                room="Workshop Room 2",
            ).to_json()
        ),
        encoding="utf-8",
    )
    beside = igftui("import", str(page), "--json")
    assert beside.code == 0 and catalogue.count() == 2, "without --merge the page goes beside the draft"
    catalogue.delete(beside.json()["imported"][0]["id"])
    merged = igftui("import", "--merge", str(page))
    assert merged.code == 0, merged.err
    assert merged.out.startswith(f"merged    #{draft.id}") and "took room" in merged.out
    assert "conflict in status, title: kept yours" in merged.out
    kept = catalogue.get(draft.id)
    assert (kept.title, kept.room, kept.private_notes) == (
        "Rapid response for community radio",
        "Workshop Room 2",
        "ask about travel funding",
    )
    assert catalogue.count() == 1
