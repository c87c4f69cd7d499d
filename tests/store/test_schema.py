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
