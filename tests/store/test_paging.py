"""The page arithmetic the three paged lists share (sessions, people, a person's sessions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from igftui.store.paging import Paging


def test_a_counted_listing_asks_for_the_next_page_near_its_end_once():
    paging = Paging(page_size=10, prefetch=3)
    paging.begin(25)
    assert paging.waiting and paging.started
    paging.added(10)
    assert not paging.waiting and not paging.fully_loaded
    assert paging.wanted(cursor_row=6) is None  # 3 rows or more from the end: not yet
    assert paging.wanted(cursor_row=7) == 10
    # The page is on its way: moving on asks for nothing more.
    assert paging.wanted(cursor_row=9) is None
    paging.added(10)
    assert paging.wanted(cursor_row=19) == 20
    paging.added(5)
    assert paging.fully_loaded and paging.loaded == 25
    assert paging.wanted(cursor_row=24) is None


def test_an_uncounted_listing_ends_with_the_first_short_page():
    paging = Paging(page_size=10, prefetch=3)
    paging.begin(None)
    paging.added(10)
    assert paging.total is None and not paging.fully_loaded
    assert paging.wanted(cursor_row=9) == 10
    paging.added(4)
    assert paging.total == 14 and paging.fully_loaded


def test_a_short_page_is_believed_over_an_older_count():
    # Sessions deleted elsewhere between the count and the read.
    paging = Paging(page_size=10, prefetch=3)
    paging.begin(30)
    paging.added(10)
    paging.added(2)
    assert paging.total == 12 and paging.fully_loaded


def test_a_page_that_failed_is_asked_for_again_at_the_next_move():
    paging = Paging(page_size=10, prefetch=3)
    paging.begin(30)
    paging.added(10)
    assert paging.wanted(cursor_row=9) == 10
    paging.failed()
    assert paging.wanted(cursor_row=9) == 10


def test_nothing_is_started_until_a_first_page_comes():
    paging = Paging()
    paging.new_listing()
    assert not paging.started and not paging.shows_newest
    paging.failed()
    assert not paging.started


def test_pages_of_a_replaced_listing_are_not_wanted():
    paging = Paging(page_size=10)
    first = paging.new_listing()
    paging.begin(5)
    assert paging.is_current(first) and paging.shows_newest
    second = paging.new_listing()
    # The list still shows the first listing while the second is read.
    assert not paging.is_current(first) and paging.is_current(second)
    assert not paging.shows_newest
    paging.begin(3)
    assert paging.shown == second and paging.shows_newest


def test_a_page_fits_only_right_after_the_rows_shown():
    paging = Paging(page_size=10)
    paging.begin(30)
    assert paging.fits(0) and not paging.fits(10)
    paging.added(10)
    assert paging.fits(10) and not paging.fits(0)


@given(loaded=st.integers(0, 5000), page_size=st.integers(1, 500))
def test_reading_again_covers_every_loaded_row_in_whole_pages(loaded, page_size):
    paging = Paging(page_size=page_size)
    paging.loaded = loaded
    rows = paging.rows_to_read_again()
    assert rows % page_size == 0
    assert rows >= max(loaded, 1)
    assert rows - page_size < max(loaded, 1)
