"""Organisations, places to be confirmed and the lead organiser through the real command line."""

from __future__ import annotations

import json

OLD_PARTICIPANTS = [
    {
        "name": None,
        "organisation": None,
        "stakeholder_group": "civil_society",
        "region": "weog",
        "country": None,
        "roles": ["organizer"],
        "status": None,
        "attendance": None,
        "first_time": False,
        "gender": None,
        "email": None,
    },
    {
        "name": "Ana Costa",
        "organisation": "Red",
        "stakeholder_group": "academia",
        "region": "grulac",
        "country": "Brazil",
        "roles": ["speaker"],
        "status": "confirmed",
        "attendance": "onsite",
        "first_time": True,
        "gender": None,
        "email": None,
    },
]


def _file(tmp_path, participants, name="session.json"):
    path = tmp_path / name
    path.write_text(
        json.dumps(
            {
                "schema": "igftui.session/1",
                "title": "People",
                "year": 2025,
                "session_type": "nri_session",
                "participants": participants,
            }
        ),
        encoding="utf-8",
    )
    return path


def test_an_old_file_imports_and_exports_unchanged(igftui, tmp_path):
    done = igftui("import", str(_file(tmp_path, OLD_PARTICIPANTS)), "--json")
    assert done.code == 0, done.err
    session_id = done.json()["imported"][0]["id"]
    shown = igftui("show", str(session_id), "--json").json()
    assert shown["participants"] == OLD_PARTICIPANTS


def test_organisations_places_and_the_lead_go_through_import_and_export(igftui, tmp_path):
    people = [
        {
            "name": None,
            "organisation": "Argentina IGF",
            "region": "grulac",
            "country": "Argentina",
            "roles": ["organizer"],
        },
        {"name": "Lena Kowalski", "roles": ["organizer"], "lead": True, "email": "lena@example.org"},
        {
            "name": None,
            "stakeholder_group": "private_sector",
            "region": "african",
            "roles": ["speaker"],
            "to_be_confirmed": True,
        },
    ]
    session_id = igftui("import", str(_file(tmp_path, people)), "--json").json()["imported"][0]["id"]
    shown = igftui("show", str(session_id), "--json").json()["participants"]
    assert [p["name"] for p in shown] == [None, "Lena Kowalski", None]
    assert shown[1]["lead"] is True and shown[2]["to_be_confirmed"] is True
    assert "lead" not in shown[0] and "to_be_confirmed" not in shown[1]
    assert shown[1]["email"] is None  # private unless asked for
    markdown = igftui("export", str(session_id)).out
    assert "| Argentina IGF | Organizer |  |" in markdown
    assert "| Lena Kowalski | Lead organiser |" in markdown
    assert "| Speaker to be confirmed (private sector) | Speaker |" in markdown
    assert "- Lead organiser: Lena Kowalski\n" in markdown and "lena@example.org" not in markdown
    private = igftui("export", str(session_id), "--include-private").out
    assert "- Lead organiser: Lena Kowalski, e-mail lena@example.org\n" in private
