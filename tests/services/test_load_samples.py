"""Loading the bundled samples into a real catalogue."""

from __future__ import annotations

import igftui.formats.samples as bundled
from igftui.model import ForumSession
from igftui.services.samples import SamplesLoaded, load_samples


def test_the_samples_are_added_once(catalogue):
    expected = len(bundled.sample_sessions())
    assert load_samples(catalogue) == SamplesLoaded(added=expected, already_there=0)
    assert load_samples(catalogue) == SamplesLoaded(added=0, already_there=expected)
    assert catalogue.count() == expected


def test_a_sample_changed_by_the_user_is_left_as_it_is(catalogue, monkeypatch):
    sample = ForumSession(status="catalogued", year=2019, session_type="workshop", number=1, title="Sample")
    monkeypatch.setattr(bundled, "sample_sessions", lambda: [sample])
    load_samples(catalogue)
    (stored,) = catalogue.all_sessions()
    catalogue.update(stored.model_copy(update={"title": "Renamed by the user"}))
    assert load_samples(catalogue) == SamplesLoaded(added=0, already_there=1)
    assert catalogue.get(stored.id).title == "Renamed by the user"
