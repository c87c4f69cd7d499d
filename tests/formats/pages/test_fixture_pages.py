"""Every fixture page (one per layout of igf-page-layouts.md, and variants) yields the facts its expected file holds."""

from pathlib import Path

import pytest
from page_expectations import check_fixture

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm"))


def test_every_fixture_has_its_expectations():
    assert PAGES
    for page in PAGES:
        assert page.with_suffix(".expected.json").exists(), page.name


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_fixture_page(page):
    check_fixture(page, page.with_suffix(".expected.json"))
