"""A redacted copy of a session names nobody, and keeps what the checks look at."""

from __future__ import annotations

from igftui.formats.markdown import to_markdown
from igftui.model.redaction import redacted
from igftui.model.session import AgendaItem, ForumSession, Participant


def session() -> ForumSession:
    return ForumSession(
        title="Safety for defenders with Ana Costa",
        description="ANA COSTA and Kofi Mensah (Safe Net) will speak. Ana Costa Silva is someone else.",
        participants=[
            Participant(
                name="Ana Costa",
                organisation="Safe Net",
                stakeholder_group="civil_society",
                region="grulac",
                country="Brazil",
                roles=["speaker"],
                gender="woman",
                email="ana@example.org",
            ),
            Participant(
                name="Kofi Mensah",
                organisation="Ministry of ICT",
                stakeholder_group="government",
                region="african",
                roles=["speaker", "organizer"],
            ),
            Participant(name="Ana Costa Silva", roles=["moderator"]),
            Participant(name=None, organisation="Argentina IGF", roles=["organizer"]),
        ],
        agenda=[AgendaItem(title="Kofi Mensah presents", minutes=10)],
    )


def test_names_become_roles_and_organisations_groups_everywhere():
    copy = redacted(session())
    assert [p.name for p in copy.participants] == ["Speaker 1", "Speaker 2", "Moderator 1", None]
    assert [p.organisation for p in copy.participants] == ["Civil Society", "Government", None, "An organisation"]
    assert [p.region for p in copy.participants] == [p.region for p in session().participants]
    assert copy.title == "Safety for defenders with Speaker 1"
    assert copy.description == ("Speaker 1 and Speaker 2 (Civil Society) will speak. Moderator 1 is someone else.")
    assert copy.agenda[0].title == "Speaker 2 presents"
    text = to_markdown(copy, include_private=True)
    for secret in ("Ana", "Kofi", "Safe Net", "Ministry", "Brazil", "ana@example.org", "Argentina IGF"):
        assert secret not in text


def test_organisations_places_and_the_lead_are_redacted_too():
    draft = ForumSession(
        participants=[
            Participant(
                name="Lena Kowalski",
                organisation="Help Desk",
                stakeholder_group="civil_society",
                roles=["organizer"],
                lead=True,
                email="lena@example.org",
            ),
            Participant(
                organisation="Argentina IGF", stakeholder_group="civil_society", region="grulac", roles=["organizer"]
            ),
            Participant(
                organisation="Ruritania Telecom",
                stakeholder_group="private_sector",
                roles=["speaker"],
                to_be_confirmed=True,
            ),
        ],
        description="Argentina IGF and Ruritania Telecom join Lena Kowalski.",
    )
    copy = redacted(draft)
    assert [p.display_name() for p in copy.participants] == [
        "Organizer 1",
        "Organiser (civil society)",
        "Speaker to be confirmed (private sector)",
    ]
    assert copy.participants[0].lead and copy.participants[2].to_be_confirmed
    assert copy.description == "Civil Society and Private Sector join Organizer 1."
    text = to_markdown(copy, include_private=True)
    assert "- Lead organiser: Organizer 1 (Civil Society)\n" in text
    for secret in ("Lena", "Help Desk", "Argentina", "Ruritania", "lena@example.org"):
        assert secret not in text
