"""What the catalogue last knew of a person, for filling in a speaker of a new proposal."""

from __future__ import annotations

from igftui.model import ForumSession, Participant, Role


def session(number: int, year: int | None, *people: Participant, **extra) -> ForumSession:
    return ForumSession(
        status="catalogued",
        year=year,
        session_type="workshop",
        number=number,
        title=f"Workshop {number}",
        participants=list(people),
        **extra,
    )


def amina(**changes) -> Participant:
    fields = {
        "name": "Amina Diallo",
        "organisation": "Digital Rights Network",
        "stakeholder_group": "civil_society",
        "region": "african",
        "country": "Senegal",
        "roles": ["speaker"],
        "status": "confirmed",
        "attendance": "onsite",
        "first_time": True,
        "gender": "woman",
        "email": "amina@example.org",
    }
    fields.update(changes)
    return Participant(**fields)


def test_the_most_recent_session_gives_what_is_known(catalogue):
    catalogue.add(session(1, 2019, amina(organisation="Old Employer", country="Mali")))
    catalogue.add(
        session(
            2,
            2023,
            Participant(name="Kenji Sato", roles=["speaker"]),
            amina(organisation="Digital Rights Network", region="weog", country="Belgium", roles=["moderator"]),
        )
    )
    catalogue.add(session(3, 2021, amina(organisation="Middle Years")))

    known = catalogue.known_person("Amina Diallo")

    assert known == Participant(
        name="Amina Diallo",
        organisation="Digital Rights Network",
        stakeholder_group="civil_society",
        region="weog",
        country="Belgium",
    )


def test_private_and_per_session_answers_are_never_copied(catalogue):
    catalogue.add(session(1, 2024, amina()))

    known = catalogue.known_person("Amina Diallo")

    assert known is not None
    assert known.gender is None and known.email is None
    assert known.roles == [] and known.status is None and known.attendance is None
    assert known.first_time is False


def test_case_accents_and_spaces_do_not_matter(catalogue):
    catalogue.add(session(1, 2022, amina(name="Lucía Fernández", country="Chile")))

    for spelling in ("lucia fernandez", "  LUCÍA   FERNÁNDEZ ", "Lucia Fernandez"):
        known = catalogue.known_person(spelling)
        assert known is not None, spelling
        # The name as the catalogue stores it, not as it was typed.
        assert known.name == "Lucía Fernández" and known.country == "Chile"


def test_sessions_without_a_year_come_after_those_with_one(catalogue):
    catalogue.add(session(1, 2018, amina(organisation="Dated")))
    # Added later (higher id), but nobody knows when it was.
    catalogue.add(
        session(2, None, amina(organisation="Undated"), source={"kind": "igf_page", "path": "/pages/undated.txt"})
    )

    known = catalogue.known_person("Amina Diallo")

    assert known is not None and known.organisation == "Dated"


def test_the_newest_session_of_a_year_wins(catalogue):
    first = catalogue.add(session(1, 2022, amina(organisation="First")))
    second = catalogue.add(session(2, 2022, amina(organisation="Second")))
    assert second.id > first.id

    known = catalogue.known_person("Amina Diallo")

    assert known is not None and known.organisation == "Second"


def test_an_update_is_what_is_known_next(catalogue):
    stored = catalogue.add(session(1, 2022, amina()))
    stored.participants[0] = amina(organisation="New Home", country=None)
    catalogue.update(stored)

    known = catalogue.known_person("Amina Diallo")

    assert known is not None and known.organisation == "New Home" and known.country is None


def test_someone_unknown_or_no_name_is_none(catalogue):
    catalogue.add(
        session(1, 2022, amina(), Participant(name=None, roles=[Role.ORGANIZER], stakeholder_group="government"))
    )

    assert catalogue.known_person("Nobody Here") is None
    assert catalogue.known_person("") is None
    assert catalogue.known_person("   ") is None
    assert catalogue.known_person("Amina") is None  # a whole name, not a part of one
