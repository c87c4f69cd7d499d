import sqlite3

from sqlmodel import SQLModel

from igftui.model import tables  # noqa: F401 - registers the tables
from igftui.store import Catalogue
from igftui.store.schema import SCHEMA_VERSION


def test_catalogue_records_its_schema_version(catalogue_path):
    Catalogue(catalogue_path).close()
    with sqlite3.connect(catalogue_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_tables_match_the_migrated_schema(catalogue_path):
    """The SQLModel classes and the frozen migrations must describe the same columns."""
    Catalogue(catalogue_path).close()
    with sqlite3.connect(catalogue_path) as connection:
        for table in SQLModel.metadata.sorted_tables:
            on_disk = {row[1] for row in connection.execute(f"PRAGMA table_info({table.name})")}
            assert on_disk == {column.name for column in table.columns}, table.name


def test_reopening_keeps_data_and_does_not_migrate_again(catalogue_path):
    from igftui.model import ForumSession

    with Catalogue(catalogue_path) as catalogue:
        catalogue.add(ForumSession(title="kept"))
    with Catalogue(catalogue_path) as catalogue:
        assert [s.title for s in catalogue.list()] == ["kept"]


def test_a_version_1_catalogue_is_migrated_and_keeps_its_people(catalogue_path):
    """Catalogues written by the first release get the participant year and its index."""
    from igftui.store.schema import APPLICATION_ID, MIGRATIONS

    with sqlite3.connect(catalogue_path) as connection:
        for statement in MIGRATIONS[1]:
            connection.execute(statement)
        connection.execute(
            "INSERT INTO session (id, status, year, session_type, title, document, created_at, updated_at)"
            " VALUES (7, 'catalogued', 2019, 'workshop', 'Old one', '{\"title\": \"Old one\", \"year\": 2019}',"
            " '2024-01-01', '2024-01-01')"
        )
        connection.execute(
            "INSERT INTO participant (session_id, position, person_key, name, roles)"
            " VALUES (7, 0, 'ana costa', 'Ana Costa', ' speaker ')"
        )
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("PRAGMA user_version = 1")
    with Catalogue(catalogue_path) as catalogue:
        (person,) = catalogue.people()
        assert (person.name, person.sessions, person.per_year) == ("Ana Costa", 1, {2019: 1})
    with sqlite3.connect(catalogue_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(participant)")}
        assert "ix_participant_person_year" in indexes


def test_the_people_view_reads_from_its_index_alone(catalogue_path):
    from igftui.model import ForumSession, Participant

    with Catalogue(catalogue_path) as catalogue:
        catalogue.add(ForumSession(year=2020, title="x", participants=[Participant(name="Ana Costa")]))
    with sqlite3.connect(catalogue_path) as connection:
        plan = " ".join(
            str(row)
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT person_key, year, count(DISTINCT session_id) FROM participant"
                " WHERE person_key IN ('ana costa') GROUP BY person_key, year"
            )
        )
        assert "COVERING INDEX ix_participant_person_year" in plan
