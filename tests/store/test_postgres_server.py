"""The postgres_url fixture: each test gets a fresh database of its own on a real PostgreSQL server."""

from __future__ import annotations

import pytest
import sqlalchemy

from conftest import fresh_database

pytestmark = pytest.mark.postgres


def test_a_table_is_written_and_read_back_on_the_server(postgres_url):
    engine = sqlalchemy.create_engine(postgres_url)
    try:
        with engine.begin() as connection:
            assert connection.dialect.name == "postgresql"
            assert connection.dialect.driver == "psycopg"
            connection.execute(sqlalchemy.text("CREATE TABLE proposal (id serial PRIMARY KEY, title text NOT NULL)"))
            connection.execute(
                sqlalchemy.text("INSERT INTO proposal (title) VALUES (:title)"), {"title": "Données et droits — 2026"}
            )
        with engine.connect() as connection:
            rows = connection.execute(sqlalchemy.text("SELECT id, title FROM proposal")).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [(1, "Données et droits — 2026")]


def test_each_test_has_a_database_of_its_own_that_starts_empty(postgres_url):
    engine = sqlalchemy.create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            name = connection.execute(sqlalchemy.text("SELECT current_database()")).scalar_one()
            tables = sqlalchemy.inspect(connection).get_table_names()
    finally:
        engine.dispose()
    assert name.startswith("igftui_test_")
    assert name == sqlalchemy.engine.make_url(postgres_url).database
    assert tables == []  # the table the test above made was in its own database


def test_a_database_is_dropped_after_its_test_even_with_a_connection_left_open(postgres_server):
    with fresh_database(postgres_server) as url:
        name = sqlalchemy.engine.make_url(url).database
        left_open = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool).connect()
        left_open.execute(sqlalchemy.text("SELECT 1"))
    with postgres_server.connect() as connection:
        still_there = connection.execute(
            sqlalchemy.text("SELECT count(*) FROM pg_database WHERE datname = :name"), {"name": name}
        ).scalar_one()
    assert still_there == 0
    with pytest.raises(sqlalchemy.exc.OperationalError):
        left_open.execute(sqlalchemy.text("SELECT 1"))
