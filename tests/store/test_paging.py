"""The page arithmetic the three paged lists share (sessions, people, a person's sessions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from igftui.store.paging import Paging, Read


def rows(start: int, count: int) -> list[int]:
    """Rows that are their own numbers, so a test sees which row went where."""
    return list(range(start, start + count))


def shown(total: int | None = None, **sizes: int) -> Paging[int]:
    """A paging showing its first listing (its first page on its way), counted ``total`` rows if given."""
    paging: Paging[int] = Paging(**sizes)
    paging.new_listing()
    paging.begin()
    if total is not None:
        paging.counted(paging.listing, total)
    return paging


def test_the_rows_in_sight_and_a_few_more_are_read_in_one_read_once():
    paging = shown(100, page_size=10, prefetch=3)
    paging.add(0, rows(0, 10))
    assert paging.rows == 100
    assert paging.window(0, 5) is None  # rows 0-8 are read
    # Rows 40-49 in sight: pages 3 (for the 3 rows above), 4 and 5 (for the 3 below).
    assert paging.window(40, 49) == Read(30, 30)
    # On its way: asking again asks for nothing.
    assert paging.window(41, 50) is None
    paging.add(30, rows(30, 30), 30)
    assert paging.item(45) == 45 and paging.item(25) is None
    assert not paging.waiting


def test_a_newer_read_replaces_one_on_its_way_and_asks_again_for_its_pages():
    paging = shown(1000, page_size=10, prefetch=0)
    paging.add(0, rows(0, 10))
    assert paging.window(500, 509) == Read(500, 10)
    # The user paged on before it came: the new read covers all that is missing.
    assert paging.window(505, 514) == Read(500, 20)


def test_an_uncounted_listing_grows_as_pages_come_and_ends_with_a_short_one():
    paging = shown(page_size=10, prefetch=3)
    paging.add(0, rows(0, 10))
    assert paging.total is None and paging.rows == 10 and paging.more_than_read
    assert not paging.fully_loaded
    # Near the end of what is known, the next page is wanted.
    assert paging.window(7, 9) == Read(10, 10)
    paging.add(10, rows(10, 4))
    assert paging.total == 14 and paging.rows == 14 and paging.fully_loaded


def test_a_short_read_is_believed_over_an_older_count():
    # Sessions deleted elsewhere between the count and the read.
    paging = shown(30, page_size=10, prefetch=3)
    paging.add(0, rows(0, 10))
    paging.add(10, rows(10, 2))
    assert paging.total == 12 and paging.fully_loaded


def test_a_count_that_comes_before_the_first_page_is_kept_for_it():
    paging = shown(page_size=10)
    paging.add(0, rows(0, 10))
    newer = paging.new_listing()
    assert not paging.counted(newer, 500), "the list still shows the older listing"
    assert paging.rows == 10
    paging.begin()
    assert paging.total == 500 and paging.rows == 500


def test_a_count_of_an_older_listing_is_dropped():
    paging: Paging[int] = Paging(page_size=10)
    older = paging.new_listing()
    paging.new_listing()
    paging.counted(older, 5)
    paging.begin()
    assert paging.total is None


def test_a_read_that_failed_is_asked_for_again_at_the_next_move():
    paging = shown(30, page_size=10, prefetch=3)
    paging.add(0, rows(0, 10))
    assert paging.window(9, 9) == Read(10, 10)
    paging.failed()
    assert paging.window(9, 9) == Read(10, 10)


def test_nothing_is_started_until_a_first_page_comes():
    paging: Paging[int] = Paging()
    paging.new_listing()
    assert not paging.started and not paging.shows_newest
    assert paging.window(0, 10) is None
    paging.failed()
    assert not paging.started


def test_pages_of_a_replaced_listing_are_not_wanted():
    paging: Paging[int] = Paging(page_size=10)
    first = paging.new_listing()
    paging.begin()
    assert paging.is_current(first) and paging.shows_newest
    second = paging.new_listing()
    # The list still shows the first listing while the second is read.
    assert not paging.is_current(first) and paging.is_current(second)
    assert not paging.shows_newest
    paging.begin()
    assert paging.shown == second and paging.shows_newest


def test_the_pages_furthest_from_the_cursor_are_let_go():
    paging = shown(1000, page_size=10, keep_pages=3)
    for offset in (0, 10, 20, 30):
        paging.add(offset, rows(offset, 10), cursor=35)
    assert sorted(paging.pages) == [1, 2, 3]
    assert paging.item(5) is None and paging.item(35) == 35
    assert paging.row_where(25, lambda row: row) == 25


@given(
    first=st.integers(0, 5000),
    height=st.integers(1, 100),
    page_size=st.integers(1, 300),
    prefetch=st.integers(0, 100),
)
def test_reading_around_rows_covers_them_in_whole_pages(first, height, page_size, prefetch):
    paging: Paging[int] = Paging(page_size=page_size, prefetch=prefetch)
    offset, limit = paging.around(first, first + height)
    assert offset % page_size == 0 and limit % page_size == 0 and limit > 0
    assert offset <= first and offset + limit > first + height


@given(total=st.integers(0, 3000), first=st.integers(0, 3000), height=st.integers(1, 60))
def test_a_window_asks_for_whole_pages_covering_every_missing_row_in_sight(total, first, height):
    paging = shown(total, page_size=50, prefetch=5)
    paging.failed()  # nothing on its way, nothing read: every page near the rows in sight is missing
    read = paging.window(first, first + height - 1)
    if read is None:
        assert first >= total + 5 or total == 0
        return
    assert read.offset % 50 == 0 and read.limit % 50 == 0
    assert read.offset <= max(0, first - 5) < read.offset + read.limit
    assert read.offset + read.limit >= min(total, first + height + 5)
