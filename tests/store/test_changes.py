"""Noticing changes made elsewhere: Catalogue.data_version on a real SQLite file."""

from __future__ import annotations

import threading

import pytest

from igftui.model import ForumSession
from igftui.store import Catalogue, CatalogueError


def test_nothing_changed_means_the_same_number(catalogue):
    first = catalogue.data_version()
    catalogue.list()
    catalogue.count()
    assert catalogue.data_version() == first


def test_another_copy_saving_changes_the_number(catalogue, catalogue_path):
    before = catalogue.data_version()
    with Catalogue(catalogue_path) as elsewhere:
        elsewhere.add(ForumSession(title="Saved by another copy of igftui", year=2025))
    after = catalogue.data_version()
    assert after != before
    assert catalogue.data_version() == after


def test_a_save_through_this_catalogue_counts_too(catalogue):
    # The screens of this app see the editor's saves as they see anyone's.
    before = catalogue.data_version()
    stored = catalogue.add(ForumSession(title="Typed here", year=2025))
    middle = catalogue.data_version()
    assert middle != before
    catalogue.update(stored.model_copy(update={"title": "Typed here, again"}))
    assert catalogue.data_version() != middle


def test_threads_may_ask_at_once(catalogue, catalogue_path):
    answers: list[int] = []
    problems: list[BaseException] = []

    def ask() -> None:
        try:
            for _ in range(50):
                answers.append(catalogue.data_version())
        except BaseException as exc:  # pragma: no cover - what the test looks for
            problems.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not problems
    assert len(set(answers)) == 1


def test_a_damaged_file_is_told_in_words_not_a_driver_error(tmp_path):
    from igftui.store.changes import ChangeCounter

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(CatalogueError, match="not an igftui catalogue"):
        ChangeCounter(damaged).read()


def test_a_closed_catalogue_is_not_opened_again_by_a_late_look(catalogue):
    catalogue.data_version()
    catalogue.close()
    with pytest.raises(CatalogueError, match="closed"):
        catalogue.data_version()
