"""Forgetting a person reaches the session's links too, and the session still reads back."""

from __future__ import annotations

from igftui.model import ForumSession
from igftui.store import Catalogue
from igftui.store.erasure import NameFinder, erase_from_document


def with_links() -> ForumSession:
    return ForumSession.from_json(
        {
            "title": "Shelters online",
            "participants": [{"name": "Zeynep Kaya", "email": "zeynep@example.org", "roles": ["speaker"]}],
            "links": [
                {"label": "Zeynep Kaya's slides", "url": "https://igf.example/slides"},
                {"label": "Write to her", "url": "mailto:zeynep@example.org"},
                {"label": None, "url": "https://igf.example/report"},
            ],
        }
    )


def test_a_link_that_named_the_person_goes_and_the_rest_reads_back():
    document = with_links().to_document()
    erased = erase_from_document(document, NameFinder("Zeynep Kaya"), {"zeynep@example.org"})
    links = erased.document["links"]
    assert links == [
        {"label": "[name removed]'s slides", "url": "https://igf.example/slides"},
        {"label": None, "url": "https://igf.example/report"},
    ]
    assert ForumSession.from_json(erased.document).links[0].label == "[name removed]'s slides"


def test_forget_on_a_real_catalogue_leaves_a_session_that_opens(tmp_path):
    with Catalogue(tmp_path / "c.db") as catalogue:
        stored = catalogue.add(with_links())
        catalogue.forget("Zeynep Kaya")
        again = catalogue.get(stored.id)
    assert [link.url for link in again.links] == ["https://igf.example/slides", "https://igf.example/report"]
    assert "zeynep" not in again.model_dump_json().lower()
