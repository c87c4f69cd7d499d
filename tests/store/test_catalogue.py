import os
import sqlite3
import stat
import threading

import pytest
from hypothesis import HealthCheck, given, settings

from igftui.model import ForumSession, Participant, Role
from igftui.store import (
    Catalogue,
    CatalogueError,
    NewerCatalogue,
    NotACatalogue,
    SessionFilter,
    SessionNotFound,
)
from strategies import hostile_texts


def workshop(number: int, title: str, year: int = 2018, **extra) -> ForumSession:
    return ForumSession(status="catalogued", year=year, session_type="workshop", number=number, title=title, **extra)


def speaker(name: str, group: str = "civil_society", region: str = "weog", **extra) -> Participant:
    return Participant(name=name, roles=["speaker"], stakeholder_group=group, region=region, **extra)


def test_new_catalogue_is_private(tmp_path):
    path = tmp_path / "deep" / "folder" / "catalogue.db"
    Catalogue(path).close()
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_wal_and_foreign_keys_are_on(catalogue):
    with catalogue.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_add_get_update_delete(catalogue):
    stored = catalogue.add(workshop(153, "Help We Are Under Attack", participants=[speaker("Ana Souza")]))
    assert stored.id is not None
    again = catalogue.get(stored.id)
    assert again == stored
    again.title = "Help, we are under attack"
    catalogue.update(again)
    assert catalogue.get(stored.id).title == "Help, we are under attack"
    catalogue.delete(stored.id)
    with pytest.raises(SessionNotFound, match=f"no session with id {stored.id}"):
        catalogue.get(stored.id)
    with catalogue.engine.connect() as connection:
        # Deleting a session takes its participants and search entry with it.
        assert connection.exec_driver_sql("SELECT count(*) FROM participant").scalar() == 0
        # (session_fts_docsize holds one row per entry of the index itself.)
        assert connection.exec_driver_sql("SELECT count(*) FROM session_fts_docsize").scalar() == 0


def test_what_is_stored_is_what_is_given_back_without_the_files_history(catalogue):
    # A copy read from a co-organiser's file carries the revision and history it was exported
    # at; the catalogue's copy has neither, and what add and update return is that copy.
    copy = workshop(153, "Help", revision=3, history="0123abcd-feed")
    stored = catalogue.add(copy)
    assert stored.revision is None and stored.history is None
    assert catalogue.get(stored.id) == stored
    assert catalogue.update(stored.model_copy(update={"history": "0123abcd-feed"})) == catalogue.get(stored.id)


def test_private_fields_are_stored_locally(catalogue):
    stored = catalogue.add(
        ForumSession(
            title="x", private_notes="secret", participants=[speaker("A", gender="woman", email="a@example.org")]
        )
    )
    again = catalogue.get(stored.id)
    assert again.private_notes == "secret"
    assert again.participants[0].email == "a@example.org"


def test_filters_combine(catalogue):
    catalogue.add(workshop(1, "Data justice", participants=[speaker("A", region="african")]))
    catalogue.add(workshop(2, "Encryption", year=2019, format="panel", participants=[speaker("B", group="government")]))
    catalogue.add(
        ForumSession(
            year=2019, session_type="open_forum", number=3, title="Open data", status="catalogued", format="panel"
        )
    )
    catalogue.add(ForumSession(title="My draft"))
    assert catalogue.count() == 4
    assert catalogue.count(SessionFilter(year=2019)) == 2
    assert catalogue.count(SessionFilter(year=2019, session_type="workshop")) == 1
    assert catalogue.count(SessionFilter(format="panel")) == 2
    assert catalogue.count(SessionFilter(status="draft")) == 1
    assert [s.title for s in catalogue.list(SessionFilter(region="african"))] == ["Data justice"]
    assert [s.title for s in catalogue.list(SessionFilter(stakeholder_group="government"))] == ["Encryption"]
    assert catalogue.count(SessionFilter(stakeholder_group="government", region="african")) == 0
    assert catalogue.years() == [2019, 2018]


def test_full_text_search(catalogue):
    catalogue.add(
        workshop(
            1,
            "Data justice",
            description="Surveillance of activists",
            policy_questions=["How do we protect journalists?"],
            participants=[speaker("Zoë Müller", organisation="Karisma Foundation")],
        )
    )
    catalogue.add(workshop(2, "Encryption for all"))

    def titles(query):
        return [s.title for s in catalogue.list(SessionFilter(query=query))]

    assert titles("surveil") == ["Data justice"]
    assert titles("journalists") == ["Data justice"]
    assert titles("zoe muller") == ["Data justice"]  # accents folded
    assert titles("karisma") == ["Data justice"]
    assert titles("encrypt") == ["Encryption for all"]
    assert titles("data encryption") == []  # every word must match
    # Query syntax a user might type is taken as words, never an FTS5 error.
    assert titles('"justice": (') == ["Data justice"]
    assert titles("data OR NEAR(") == []
    assert len(titles("   ")) == 2


def test_search_count_follows_updates_and_deletes(catalogue):
    first = catalogue.add(workshop(1, "Privacy by design"))
    second = catalogue.add(workshop(2, "Privacy for children", year=2019))
    catalogue.add(workshop(3, "Encryption"))
    search = SessionFilter(query="privacy")
    assert catalogue.count(search) == len(catalogue.list(search)) == 2
    catalogue.update(first.model_copy(update={"title": "Security by design"}))
    catalogue.delete(second.id)
    assert catalogue.count(search) == len(catalogue.list(search)) == 0
    # With another filter the search is counted against the sessions themselves.
    catalogue.add(workshop(4, "Privacy at home", year=2020))
    assert catalogue.count(SessionFilter(query="privacy", year=2020)) == 1
    assert catalogue.count(SessionFilter(query="privacy", year=2018)) == 0


def test_paging_and_sorting(catalogue):
    catalogue.import_sessions(workshop(n, f"Session {n:03}", year=2000 + n % 20) for n in range(1, 251))
    first = catalogue.list(limit=100)
    second = catalogue.list(limit=100, offset=100)
    assert len(first) == 100 and len(second) == 100
    assert not {s.id for s in first} & {s.id for s in second}
    assert first[0].year == 2019  # newest first by default
    by_title = catalogue.list(sort="title", limit=3)
    assert [s.title for s in by_title] == ["Session 001", "Session 002", "Session 003"]
    by_title_desc = catalogue.list(sort="title", descending=True, limit=1)
    assert by_title_desc[0].title == "Session 250"
    assert catalogue.list(sort="year", limit=1)[0].year == 2000


def test_import_updates_instead_of_duplicating(catalogue):
    first = catalogue.import_sessions([workshop(153, "Help")])
    assert first[0].created
    second = catalogue.import_sessions([workshop(153, "Help We Are Under Attack")])
    assert not second[0].created and second[0].session.id == first[0].session.id
    assert catalogue.count() == 1
    assert catalogue.get(first[0].session.id).title == "Help We Are Under Attack"
    kept = catalogue.import_sessions([workshop(153, "Other")], keep_existing=True)
    assert kept[0].session.title == "Help We Are Under Attack"


def test_import_is_all_or_nothing(catalogue):
    catalogue.add(workshop(1, "Kept"))

    class Broken(ForumSession):
        def to_json(self, include_private=False):
            raise CatalogueError("cannot store this one")

    with pytest.raises(CatalogueError):
        catalogue.import_sessions([workshop(2, "New"), Broken(title="bad")])
    assert [s.title for s in catalogue.list()] == ["Kept"]


def test_imported_id_is_kept_when_free(catalogue):
    stored = catalogue.add(ForumSession(id=40, title="forty"))
    assert stored.id == 40
    clash = catalogue.add(ForumSession(id=40, title="another"))
    assert clash.id != 40


def test_people_and_their_sessions(catalogue):
    for n in range(1, 5):
        catalogue.add(
            workshop(
                n, f"S{n}", year=2019 if n < 4 else 2020, participants=[speaker("Ana Souza"), speaker(f"Other {n}")]
            )
        )
    catalogue.add(workshop(9, "Upper", year=2019, participants=[speaker("ANA  SOUZA")]))
    assert len(catalogue.sessions_of_person("ana souza", year=2019)) == 4
    people = catalogue.people()
    assert people[0].name in ("Ana Souza", "ANA  SOUZA")
    assert people[0].sessions == 5
    assert people[0].per_year == {2019: 4, 2020: 1}
    assert [p.sessions for p in catalogue.people("other 2")] == [1]
    # Several people at once give what asking for each gives.
    names = ["Ana Souza", "other 2", "Nobody Here", ""]
    together = catalogue.sessions_of_people(names, year=2019, role=Role.SPEAKER)
    assert set(together) == set(names)
    for name in names:
        assert together[name] == catalogue.sessions_of_person(name, year=2019, role=Role.SPEAKER)
    assert [s.title for s in together["other 2"]] == ["S2"]
    assert together["Nobody Here"] == [] and together[""] == []


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a catalogue\n" * 100)
    with pytest.raises(NotACatalogue, match="not an igftui catalogue"):
        Catalogue(path)
    assert path.read_text().startswith("these are my notes")


def test_another_program_s_database_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE mine (x)")
    with pytest.raises(NotACatalogue):
        Catalogue(path)


def test_newer_catalogue_is_refused(tmp_path):
    path = tmp_path / "c.db"
    Catalogue(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerCatalogue, match="newer igftui"):
        Catalogue(path)


def test_a_folder_is_not_a_catalogue(tmp_path):
    with pytest.raises(CatalogueError, match="is a folder"):
        Catalogue(tmp_path)


def test_two_copies_share_one_catalogue(catalogue_path):
    """A second copy of igftui (another process or thread) reads and writes the same file."""
    first, second = Catalogue(catalogue_path), Catalogue(catalogue_path)
    errors = []

    def write(catalogue, base):
        try:
            for n in range(20):
                catalogue.add(workshop(base + n, f"t{base + n}"))
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(c, b)) for c, b in ((first, 0), (second, 100))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert first.count() == second.count() == 40


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=hostile_texts())
def test_any_typed_query_searches_without_error(catalogue, query):
    # Whatever a user types in the search box (FTS5 syntax, quotes, stray operators)
    # is taken as words: it finds something or nothing, and never fails.
    if not catalogue.count():
        catalogue.add(workshop(1, "Data justice", description='He said "NEAR(a b)" AND * OR ^'))
    found = catalogue.list(SessionFilter(query=query))
    assert catalogue.count(SessionFilter(query=query)) == len(found)
