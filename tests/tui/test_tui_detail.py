"""The detail screen, driven by Pilot on a real temporary catalogue: what a session shows, and its checks."""

from __future__ import annotations

import threading
from datetime import datetime, timezone
from pathlib import Path

from snapshot_apps import filled_catalogue, screen_text, settle, wait_for_palette
from textual.widgets import Footer, OptionList

from igftui.checks import DEFAULT_RULE_SET, load_rule_set, rule_set_names, run_checks
from igftui.config import Settings
from igftui.model import (
    AgendaItem,
    ForumSession,
    OnlineParticipation,
    Participant,
    Source,
)
from igftui.model.vocabulary import SDG_NAMES
from igftui.store import Catalogue
from igftui.tui.app import IgfApp
from igftui.tui.delays import INSTANT
from igftui.tui.dialogs.rule_set_picker import RuleSetPicker
from igftui.tui.screens.catalogue import CatalogueScreen
from igftui.tui.screens.session_detail import SessionDetailScreen
from igftui.tui.widgets.findings import ChecksPanel, FindingRow
from igftui.tui.widgets.session_view import SessionView

#: Tall enough that every section of the full session is on screen at once.
TALL = (120, 300)

SECRET_EMAIL = "amina.private@example.org"
SECRET_NOTE = "Call Amina's lawyer before publishing anything"


def full_session(**changes) -> ForumSession:
    """A catalogued 2022 workshop with every field of the contract filled in."""
    fields = dict(
        status="catalogued",
        year=2022,
        session_type="workshop",
        number=335,
        title="FR: Fragmented reality [new horizons] of digital distrust",
        short_title="Fragmented reality",
        theme="Connecting All People and Safeguarding Human Rights",
        subtheme="Rights and freedoms",
        tags=["Digital trust", "Misinformation"],
        format="round_table",
        format_description="Speakers sit among the audience; the moderator takes the floor around.",
        layout="circle",
        duration_minutes=90,
        starts_at=datetime(2022, 11, 29, 6, 0, tzinfo=timezone.utc),
        ends_at=datetime(2022, 11, 29, 7, 30, tzinfo=timezone.utc),
        room="Banquet Hall A",
        venue="Addis Ababa",
        policy_questions=[
            "How does distrust in information fragment the Internet experience?",
            "Which safeguards rebuild trust without censorship?",
        ],
        relevance_to_theme="Trust is the ground every right online stands on.",
        relevance_to_internet_governance="Platforms, states and users share the governance of trust.",
        description="A round table on how distrust splits what people see and believe online.",
        expected_outcomes="A short paper of recommendations for platforms and regulators.",
        discussion_facilitation="Questions from the room and online alternate every ten minutes.",
        diversity_statement="Speakers from four regions, of three genders, two of them young.",
        sdgs=[5, 16, 17],
        participants=[
            Participant(stakeholder_group="civil_society", region="weog", roles=["organizer"]),
            Participant(
                name="Amina Diallo",
                organisation="Digital Rights Network",
                stakeholder_group="civil_society",
                region="african",
                country="Senegal",
                roles=["organizer", "speaker"],
                status="confirmed",
                attendance="onsite",
                gender="non_binary",
                email=SECRET_EMAIL,
            ),
            Participant(
                name="Kenji Sato",
                organisation="Ministry of Communications",
                stakeholder_group="government",
                region="asia_pacific",
                country="Japan",
                roles=["speaker"],
                status="provisional",
                attendance="online",
                gender="man",
                first_time=True,
            ),
            Participant(
                name="Lucía Fernández",
                organisation="Universidad del Pacífico",
                stakeholder_group="academia",
                region="grulac",
                country="Peru",
                roles=["speaker"],
                status="confirmed",
                attendance="onsite",
                gender="woman",
            ),
            Participant(
                name="Olena Kovalenko",
                organisation="Open Networks Lab",
                stakeholder_group="technical_community",
                region="eastern_european",
                country="Ukraine",
                roles=["moderator"],
                status="confirmed",
                attendance="onsite",
                gender="woman",
            ),
            Participant(
                name="Mark Jensen",
                organisation="Nordic Telecom",
                stakeholder_group="private_sector",
                region="weog",
                country="Denmark",
                roles=["online_moderator"],
                status="invited",
                attendance="online",
                gender="man",
            ),
            Participant(
                name="Sara Haddad",
                organisation="UNESCO",
                stakeholder_group="intergovernmental_organization",
                region="intergovernmental_organization",
                roles=["rapporteur"],
                status="confirmed",
                attendance="onsite",
                gender="woman",
            ),
        ],
        agenda=[
            AgendaItem(title="Opening and framing", minutes=10, kind="opening"),
            AgendaItem(title="Case presentations", minutes=20, kind="presentation"),
            AgendaItem(
                title="Open discussion with the room and online", minutes=30, kind="discussion", interactive=True
            ),
            AgendaItem(title="Closed-door debrief of the speakers", minutes=10, kind="other", public=False),
            AgendaItem(title="Wrap-up", minutes=10, kind="closing"),
        ],
        online_participation=OnlineParticipation(
            platform="Zoom via the IGF website",
            remote_hubs=["Dakar hub", "Lima hub"],
            speaking_queue="Raise a hand; the online moderator reads questions aloud",
            captioning=True,
            interpretation=["French", "Spanish"],
            broadcast=True,
            notes="Online speakers get the same time as those in the room.",
        ),
        source=Source(kind="igf_page", path="pages/igf-2022-ws-335.txt", imported_at="2024-03-05T10:15:00Z"),
        private_notes=SECRET_NOTE,
    )
    return ForumSession(**{**fields, **changes})


def with_the_moderator_online(**changes) -> ForumSession:
    """The full session, but its moderator joins online: the 2023 rules want one onsite."""
    session = full_session(**changes)
    people = [
        dict(p.model_dump(), attendance="online") if p.name == "Olena Kovalenko" else p.model_dump()
        for p in session.participants
    ]
    return full_session(**changes, participants=people)


def app_with(
    db: Path, *sessions: ForumSession, settings: Settings | None = None, others: int = 0
) -> tuple[IgfApp, list[ForumSession]]:
    """The real app on a catalogue of ``others`` generated sessions and ``sessions``."""
    catalogue = filled_catalogue(db, others) if others else Catalogue(db)
    stored = [catalogue.add(session) for session in sessions]
    return IgfApp(catalogue, settings or Settings(), delays=INSTANT), stored


async def open_detail(app: IgfApp, pilot, session_id: int) -> SessionDetailScreen:
    await settle(pilot)
    screen = SessionDetailScreen(app.catalogue, session_id)
    app.push_screen(screen)
    await settle(pilot)
    assert app.screen is screen
    return screen


def expected_counts(findings) -> str:
    errors = sum(1 for f in findings if f.severity.value == "error")
    warnings = sum(1 for f in findings if f.severity.value == "warning")
    notes = sum(1 for f in findings if f.severity.value == "info")
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, "
        f"{notes} note{'s' * (notes != 1)}"
    )


# ----- what the session shows -----


async def test_every_section_of_a_full_session_in_page_order(db):
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        shown = screen_text(app)
        lines = [line.strip() for line in shown.splitlines()]
        # The title line as the IGF page writes it, then the title (with its "[" kept).
        assert "IGF 2022 WS #335" in lines
        assert "FR: Fragmented reality [new horizons] of digital distrust" in lines
        assert "Short title: Fragmented reality" in shown
        for fact in (
            "Workshop",
            "Catalogued",
            "Tue 29 Nov 2022, 09:00–10:30 (Addis Ababa, EAT; 06:00–07:30 UTC)",
            "Banquet Hall A, Addis Ababa",
            "Connecting All People and Safeguarding Human Rights",
            "Rights and freedoms",
            "Digital trust, Misinformation",
        ):
            assert fact in shown, fact
        # People: every name, the anonymised organiser, groups, regions, country, roles, status.
        for person in session.participants:
            if person.name:
                assert person.name in shown
        assert "Organiser (civil society)" in shown  # the anonymised organiser, by its short label
        for value in (
            "Civil Society",
            "Government",
            "Academia",
            "African Group",
            "Asia-Pacific Group",
            "Senegal",
            "Japan",
            "Organizer, Speaker",
            "Online Moderator",
            "Rapporteur",
            "Provisionally confirmed",
            "Invited",
            "Onsite",
            "Online",
        ):
            assert value in shown, value
        assert "2 organisers · 3 speakers · 1 moderator · 1 online moderator · 1 rapporteur" in shown
        assert "Round Table · Circle · 90 minutes" in shown
        assert session.format_description in shown
        assert "1. How does distrust in information fragment the Internet experience?" in shown
        assert "2. Which safeguards rebuild trust without censorship?" in shown
        for text in (
            session.relevance_to_theme,
            session.relevance_to_internet_governance,
            session.description,
            session.expected_outcomes,
            session.discussion_facilitation,
            session.diversity_statement,
            "Zoom via the IGF website",
            "Dakar hub, Lima hub",
            "French, Spanish",
            session.online_participation.notes,
            "Closed-door debrief of the speakers",
        ):
            assert text in shown, text
        assert "Imported from an IGF session page, pages/igf-2022-ws-335.txt, on Tue 5 Mar 2024 at 10:15 UTC" in shown
        # The sections, in the order the IGF page has them.
        headings = [
            "Checks (igf-2022)",
            "Participants (7)",
            "Format",
            "Policy questions",
            "Relevance to the theme",
            "Relevance to Internet governance",
            "Description",
            "Expected outcomes",
            "Discussion facilitation",
            "Diversity",
            "Agenda (5 segments)",
            "Online participation",
            "Sustainable Development Goals",
            "Related information",
        ]
        where = [lines.index(heading) for heading in headings]
        assert where == sorted(where)
        assert lines.index("IGF 2022 WS #335") < where[0]


async def test_private_fields_are_never_on_screen(db):
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        shown = screen_text(app)
        assert "Amina Diallo" in shown
        for private in (SECRET_EMAIL, SECRET_NOTE, "Non-binary", "non_binary", "E-mail"):
            assert private not in shown, private
        # Nor anywhere further down a narrow screen.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        view = app.screen.query_one(SessionView)
        seen = []
        for _ in range(60):
            seen.append(screen_text(app))
            if view.scroll_y >= view.max_scroll_y:
                break
            await pilot.press("pagedown")
            await pilot.pause()
        everything = "\n".join(seen)
        assert "Related information" in everything
        for private in (SECRET_EMAIL, SECRET_NOTE, "Non-binary"):
            assert private not in everything


async def test_agenda_timing_total_and_interactive_share(db):
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        shown = screen_text(app)
        # A running clock from the start of the session, item by item.
        for clock in ("0:00–0:10", "0:10–0:30", "0:30–1:00", "1:00–1:10", "1:10–1:20"):
            assert clock in shown, clock
        assert "no, private" in shown
        assert "Total 80 of 90 minutes; interactive 30 minutes (37%)" in shown
        assert "The agenda adds up to 80 of 90 minutes." in shown


async def test_an_agenda_that_adds_up_says_nothing_more(db):
    app, (session,) = app_with(db, full_session(duration_minutes=80))
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        shown = screen_text(app)
        assert "Total 80 of 80 minutes; interactive 30 minutes (37%)" in shown
        assert "adds up to" not in shown


async def test_sdgs_are_shown_with_their_names(db):
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        for goal in session.sdgs:
            assert f"{goal} {SDG_NAMES[goal]}" in lines
        assert "5 Gender Equality" in lines


async def test_an_imported_page_shows_only_what_it_has(db):
    bare = ForumSession(
        status="catalogued",
        year=2019,
        session_type="workshop",
        number=289,
        title="Development of technical Internet policies",
    )
    app, (session,) = app_with(db, bare)
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        shown = screen_text(app)
        lines = [line.strip() for line in shown.splitlines()]
        # The three every session should have say so; the rest are left out.
        for heading in ("Participants (0)", "Policy questions", "Description"):
            assert heading in lines
        assert lines.count("Not given.") == 3
        for absent in (
            "Agenda",
            "Online participation",
            "Sustainable Development Goals",
            "Expected outcomes",
            "Format",
            "Diversity",
        ):
            assert absent not in lines


async def test_markup_in_names_and_titles_is_shown_as_typed(db):
    tricky = full_session(
        title="[bold]Not bold[/bold] and [link=x]no link[/link]",
        participants=[Participant(name="[red]Rosa[/red] Luxe", roles=["speaker"])],
    )
    app, (session,) = app_with(db, tricky)
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        shown = screen_text(app)
        assert "[bold]Not bold[/bold] and [link=x]no link[/link]" in shown
        assert "[red]Rosa[/red] Luxe" in shown


# ----- the checks -----


async def test_checks_show_what_run_checks_finds_with_severity_words(db):
    app, (session,) = app_with(db, with_the_moderator_online(year=2023), others=12)
    async with app.run_test(size=TALL) as pilot:
        screen = await open_detail(app, pilot, session.id)
        expected = run_checks(app.catalogue.get(session.id), load_rule_set("igf-2023"), app.catalogue)
        # Something of every severity, so that every word is seen.
        assert {f.severity.value for f in expected} == {"error", "warning", "info"}
        assert screen.rule_set == "igf-2023"
        assert screen.findings == expected
        rows = list(screen.query(FindingRow))
        assert [row.finding for row in rows] == expected
        shown = screen_text(app)
        assert "Checks (igf-2023)" in shown
        assert expected_counts(expected) in shown
        for finding in expected:
            assert f"{finding.severity.symbol} {finding.severity.value}" in shown
            assert finding.rule in shown
        # Each row holds the message, then the hint (dimmed).
        for row, finding in zip(rows, expected, strict=True):
            assert str(row.query_one(".message").render()) == finding.message
            hint = row.query_one(".hint")
            assert str(hint.render()) == finding.hint
            assert hint.styles.color != row.query_one(".message").styles.color


async def test_a_session_that_meets_its_rules_says_so(db, monkeypatch):
    from igftui import checks

    monkeypatch.setattr(checks, "run_checks", lambda *args, **kwargs: [])
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=TALL) as pilot:
        await open_detail(app, pilot, session.id)
        assert "No findings: the session meets igf-2022" in screen_text(app)


async def test_a_past_session_uses_its_years_rule_set(db):
    past = full_session(year=2018, number=153, title="Help we are under attack")
    draft = full_session(status="draft", year=2018, number=154, title="A draft of 2018")
    newest = full_session(year=2025, number=12, title="A catalogued session of this year")
    app, stored = app_with(db, past, draft, newest, settings=Settings(rules="igf-2020"))
    assert "igf-2018" in rule_set_names()
    async with app.run_test(size=TALL) as pilot:
        chosen = []
        for session in stored:
            screen = await open_detail(app, pilot, session.id)
            chosen.append(screen.rule_set)
            assert f"Checks ({screen.rule_set})" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
        # The past page by its year's rules; the draft and this year's by the user's setting.
        assert chosen == ["igf-2018", "igf-2020", "igf-2020"]


async def test_without_a_setting_a_draft_is_checked_with_the_default(db):
    app, (draft,) = app_with(db, full_session(status="draft", year=2018))
    async with app.run_test(size=TALL) as pilot:
        screen = await open_detail(app, pilot, draft.id)
        assert screen.rule_set == DEFAULT_RULE_SET
        assert screen.findings == run_checks(app.catalogue.get(draft.id), DEFAULT_RULE_SET, app.catalogue)


async def test_picking_another_rule_set_runs_the_checks_again(db):
    app, (session,) = app_with(db, with_the_moderator_online(year=2018, number=153), others=12)
    async with app.run_test(size=TALL) as pilot:
        screen = await open_detail(app, pilot, session.id)
        stored = app.catalogue.get(session.id)
        assert screen.rule_set == "igf-2018"
        before = run_checks(stored, "igf-2018", app.catalogue)
        after = run_checks(stored, "igf-2025", app.catalogue)
        assert before != after, "the test needs two rule sets that disagree on this session"
        assert screen.findings == before
        await pilot.press("r")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, RuleSetPicker)
        options = picker.query_one(OptionList)
        names = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert names == rule_set_names()
        # The list opens on the rule set that ran; move down to igf-2025 and run it.
        assert names[options.highlighted] == "igf-2018"
        await pilot.press(*["down"] * (names.index("igf-2025") - names.index("igf-2018")), "enter")
        await settle(pilot)
        assert app.screen is screen
        assert screen.rule_set == "igf-2025"
        assert screen.findings == after
        assert [row.finding for row in screen.query(FindingRow)] == after
        shown = screen_text(app)
        assert "Checks (igf-2025)" in shown and "Checks (igf-2018)" not in shown
        assert expected_counts(after) in shown
        # Escape closes the picker and keeps what is shown.
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.rule_set == "igf-2025"


async def test_a_rule_set_that_does_not_load_is_a_notification(db, tmp_path, notes):
    settings = Settings(rules=str(tmp_path / "no-such-rules.toml"))
    app, (draft,) = app_with(db, full_session(status="draft"), settings=settings)
    async with app.run_test(size=TALL) as pilot:
        screen = await open_detail(app, pilot, draft.id)
        assert app.is_running
        assert [(t, sev) for t, _m, sev in notes] == [("Could not load the rule set", "error")]
        assert "no such rule set file" in notes[0][1]
        said = str(screen.query_one("#checks-count").render())
        assert said.endswith("could not be loaded. Press r to pick another.")
        assert draft.title in screen_text(app)
        # The picker offers the setting too, and a built-in one runs.
        await pilot.press("r")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert ids == [*rule_set_names(), settings.rules]
        await pilot.press("home", "enter")
        await settle(pilot)
        assert screen.rule_set == rule_set_names()[0]
        assert screen.findings == run_checks(app.catalogue.get(draft.id), rule_set_names()[0], app.catalogue)


async def test_the_session_shows_before_the_checks_finish(db, monkeypatch):
    from igftui import checks

    release = threading.Event()
    real = checks.run_checks

    def slow_checks(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "run_checks", slow_checks)
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=TALL) as pilot:
        screen = SessionDetailScreen(app.catalogue, session.id)
        app.push_screen(screen)
        # Not wait_until: it would wait for the checks' worker, held back on purpose here.
        for _ in range(500):
            await pilot.pause()
            if screen.session is not None and "Running the checks of igf-2022" in screen_text(app):
                break
        shown = screen_text(app)
        assert session.title in shown and "Running the checks of igf-2022…" in shown
        assert screen.findings is None and not screen.query(FindingRow)
        release.set()
        await settle(pilot)
        assert screen.findings == real(app.catalogue.get(session.id), "igf-2022", app.catalogue)
        assert "Running the checks" not in screen_text(app)


# ----- problems, keys, palette -----


async def test_a_session_that_does_not_exist_shows_the_problem(db, notes):
    app, _stored = app_with(db, others=3)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(app, pilot, 9999)
        shown = screen_text(app)
        assert "This session cannot be shown: no session with id 9999 in the catalogue." in shown
        assert "Press escape to go back to the catalogue." in shown
        assert ("Could not open the session", "error") in [(t, sev) for t, _m, sev in notes]
        assert not screen.query(ChecksPanel)
        # Nothing to check: r is not offered and does nothing.
        assert "Rule set" not in shown.splitlines()[-1]
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CatalogueScreen)


async def test_scroll_keys_at_80_by_24(db):
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(app, pilot, session.id)
        view = screen.query_one(SessionView)
        assert view.has_focus and view.max_scroll_y > 20
        footer = screen.query_one(Footer)
        assert footer.region.y == 23
        bottom = screen_text(app).splitlines()[-1]
        for word in ("Back", "Rule set", "Help"):
            assert word in bottom
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert view.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert view.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        assert "Related information" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 10
        await pilot.press("pageup")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert view.scroll_y == 0
        # The title and the checks are on the first screen.
        shown = screen_text(app)
        assert "IGF 2022 WS #335" in shown and "Checks (igf-2022)" in shown


async def test_every_binding_is_described_and_named(db):
    from igftui.tui.dialogs.help import HelpScreen

    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_detail(app, pilot, session.id)
        ids = set()
        for node in (screen, screen.query_one(SessionView)):
            for binding in type(node).BINDINGS:
                assert binding.description and binding.tooltip and binding.id, binding
                ids.add(binding.id)
        assert {
            "session.back",
            "session.rules",
            "session.down",
            "session.up",
            "session.page_down",
            "session.page_up",
            "session.top",
            "session.bottom",
        } <= ids
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {line.description for line in app.screen.keys}
        assert {"Back", "Rule set", "Scroll down", "Page down", "Top", "End"} <= described


async def test_palette_offers_the_screen_actions(db):
    app, (session,) = app_with(db, full_session(year=2018, number=153))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_detail(app, pilot, session.id)
        titles = [command.title for command in app.get_system_commands(screen)]
        for title in ("Back", "Rule set", "Top of the session", "End of the session", "Help"):
            assert titles.count(title) == 1, title
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"rule set")
        await wait_for_palette(pilot, "Rule set")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RuleSetPicker)


async def test_picking_a_rule_set_far_down_brings_the_findings_into_view(db):
    app, (session,) = app_with(db, full_session())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_detail(app, pilot, session.id)
        await pilot.press("G")
        await pilot.pause()
        assert "Checks (" not in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("home", "enter")
        await settle(pilot)
        assert screen.rule_set == "igf-2017"
        assert "Checks (igf-2017)" in screen_text(app)
