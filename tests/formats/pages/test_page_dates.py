"""Times on IGF pages in other wrappers, and on the venue's clock (formats/pages/dates.py and the reader)."""

from datetime import UTC, datetime

import pytest

from igftui.formats.pages.dates import parse_date_line


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "starts", "ends"),
    [
        # "UTC - 16:30" is a span to half past four, not a zone sixteen and a half hours behind.
        ("Thursday 8 December 2016 - 15:00 UTC - 16:30 UTC", utc(2016, 12, 8, 15, 0), utc(2016, 12, 8, 16, 30)),
        # "UTC, 90" is no offset of ninety hours either.
        ("Thursday 8 December 2016 - 15:00 UTC, 90 minutes", utc(2016, 12, 8, 15, 0), None),
        ("Monday December 16, 2024 13:00 - 13:30 GMT+03", utc(2024, 12, 16, 10, 0), utc(2024, 12, 16, 10, 30)),
        ("Monday December 16, 2024 13:00 - 13:30 UTC +5:30", utc(2024, 12, 16, 7, 30), utc(2024, 12, 16, 8, 0)),
    ],
)
def test_a_zone_and_its_offset(line, starts, ends):
    found = parse_date_line(line)
    assert (found.starts_at, found.ends_at) == (starts, ends)
