"""The Markdown export: layout, golden files, privacy, and escaping checked by a real parser."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
from mdit_py_plugins.footnote import footnote_plugin

from igftui.formats.markdown import escape_markdown_text, to_markdown
from igftui.model.session import SCHEMA, ForumSession
from igftui.model.text_safety import clean_text
from strategies import hostile_texts, sessions

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDEN = os.environ.get("IGFTUI_UPDATE_GOLDEN") == "1"

# CommonMark with GitHub's tables and strikethrough, and footnotes: every structure
# a pasted proposal could meet.  (markdown-it-py's plugins come with Textual.)
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(footnote_plugin)


# ----- sessions the tests and golden files are built from (invented people and text) -----


def full_workshop() -> ForumSession:
    """A complete workshop proposal, shaped like IGF 2018 WS #153."""
    return ForumSession.from_json(
        {
            "schema": SCHEMA,
            "id": 153,
            "status": "accepted",
            "year": 2018,
            "session_type": "workshop",
            "code": "WS #153",
            "number": 153,
            "title": "Rapid Response for Defenders Under Digital Attack",
            "theme": "Human Rights, Gender and Youth",
            "subtheme": "Digital safety of civil society",
            "tags": ["digital security", "human rights defenders"],
            "format": "break_out_groups",
            "layout": "u_shape",
            "duration_minutes": 60,
            "format_description": (
                "A short shared case opens the session. Each help desk then hosts a table, and the "
                "audience moves between tables in timed rotations."
            ),
            "starts_at": "2018-11-13T09:00:00+01:00",
            "ends_at": "2018-11-13T10:00:00+01:00",
            "room": "Salle VI",
            "venue": "UNESCO Headquarters, Paris",
            "policy_questions": [
                "Who can an activist call when their website is knocked offline?",
                "How should emergency help desks share cases without exposing the people they help?",
            ],
            "relevance_to_theme": "Defenders online face the same threats as offline, and faster.",
            "relevance_to_internet_governance": (
                "Platforms, hosts and governments each hold part of the answer; none can respond alone."
            ),
            "description": (
                "Six help desks walk through one invented emergency: a newsroom whose site is attacked "
                "on the eve of an election.\n\n"
                "Each desk explains the part it would handle: hosting, legal aid, device forensics, "
                "psycho-social care."
            ),
            "expected_outcomes": "Participants leave knowing which desk to call, and for what.",
            "discussion_facilitation": "Every table has a facilitator and a question card; rotations are timed.",
            "diversity_statement": "Half the speakers are women; desks come from four regions.",
            "sdgs": [16, 5, 10],
            "participants": [
                {"name": None, "stakeholder_group": "civil_society", "region": "weog", "roles": ["organizer"]},
                # An organisation organising on its own, as NRIs do.
                {
                    "name": None,
                    "organisation": "Freedonia IGF",
                    "stakeholder_group": "civil_society",
                    "region": "grulac",
                    "country": "Freedonia",
                    "roles": ["organizer"],
                },
                {
                    "name": "Lena Kowalski",
                    "organisation": "Defenders Help Desk",
                    "stakeholder_group": "civil_society",
                    "region": "weog",
                    "country": "Netherlands",
                    "roles": ["organizer", "speaker", "moderator"],
                    "status": "confirmed",
                    "attendance": "onsite",
                    "gender": "woman",
                    "email": "lena@example.org",
                    "lead": True,
                },
                {
                    "name": "Tomás Rivera",
                    "organisation": "Red Segura",
                    "stakeholder_group": "civil_society",
                    "region": "grulac",
                    "country": "Mexico",
                    "roles": ["speaker"],
                    "status": "confirmed",
                    "attendance": "onsite",
                    "gender": "man",
                },
                {
                    "name": "Amina Okafor",
                    "organisation": "Lagos Digital Rights Lab",
                    "stakeholder_group": "academia",
                    "region": "african",
                    "country": "Nigeria",
                    "roles": ["speaker"],
                    "status": "provisional",
                    "attendance": "online",
                    "first_time": True,
                },
                {
                    "name": "Kenji Sato",
                    "organisation": "HostSafe",
                    "stakeholder_group": "private_sector",
                    "region": "asia_pacific",
                    "country": "Japan",
                    "roles": ["online_moderator"],
                    "status": "invited",
                    "attendance": "online",
                },
                {
                    "name": "Sara Lindqvist",
                    "organisation": "Nordic Media Defence",
                    "stakeholder_group": "civil_society",
                    "region": "weog",
                    "country": "Sweden",
                    "roles": ["rapporteur"],
                    "status": "confirmed",
                    "attendance": "onsite",
                },
                # A speaker's place still to be confirmed.
                {
                    "name": None,
                    "stakeholder_group": "private_sector",
                    "region": "african",
                    "roles": ["speaker"],
                    "attendance": "onsite",
                    "to_be_confirmed": True,
                },
            ],
            "agenda": [
                {
                    "title": "Welcome and the case",
                    "minutes": 10,
                    "kind": "presentation",
                    "interactive": False,
                    "public": True,
                },
                {
                    "title": "Rotations between help desks",
                    "minutes": 40,
                    "kind": "breakout",
                    "interactive": True,
                    "public": False,
                },
                {"title": "What we heard", "minutes": 10, "kind": "closing", "interactive": True, "public": True},
            ],
            "online_participation": {
                "platform": "Zoom",
                "remote_hubs": ["Nairobi", "Manila"],
                "speaking_queue": "Raise hand in chat",
                "captioning": True,
                "interpretation": ["Spanish", "French"],
                "broadcast": True,
                "notes": "The rotations stay off the stream: people may describe cases in confidence.",
            },
            "source": {"kind": "igf_page", "path": "ws153.txt", "imported_at": "2026-01-01T00:00:00Z"},
            "languages": ["English", "French"],
            "links": [
                {"label": "Last year's session report", "url": "https://igf.example/en/ws-report-2017"},
                {"label": None, "url": "https://help-desks.example/cases"},
                {"label": "Write to the organisers", "url": "mailto:desk@example.org"},
            ],
        }
    )


def minimal_draft() -> ForumSession:
    """A proposal just started: a type and a year, nothing else."""
    return ForumSession(session_type="open_forum", year=2025)


def private_draft() -> ForumSession:
    """A draft whose organiser kept private notes and speakers' private details."""
    return ForumSession.from_json(
        {
            "schema": SCHEMA,
            "status": "draft",
            "year": 2025,
            "session_type": "lightning_talk",
            "title": "Community networks after the flood",
            "duration_minutes": 20,
            "description": "How a village network came back online in a week.",
            "participants": [
                {
                    "name": "Priya Nair",
                    "organisation": "Mesh Kerala",
                    "stakeholder_group": "technical_community",
                    "region": "asia_pacific",
                    "country": "India",
                    "roles": ["organizer", "speaker"],
                    "status": "confirmed",
                    "attendance": "onsite",
                    "gender": "woman",
                    "email": "priya@example.net",
                    "lead": True,
                },
                {
                    "name": "Jo Mbeki",
                    "stakeholder_group": "civil_society",
                    "region": "african",
                    "roles": ["speaker"],
                    "status": "invited",
                    "gender": "non_binary",
                    "email": "jo.mbeki@example.org",
                },
            ],
            "private_notes": "Jo asked not to be named before the programme is out.\n\nBudget: travel for Priya.",
        }
    )


GOLDEN_CASES = {
    "workshop": (full_workshop, False),
    "minimal_draft": (minimal_draft, False),
    "private": (private_draft, True),
}


# ----- helpers over the parsed token stream -----


def tokens(markdown: str):
    return PARSER.parse(markdown)


def all_types(markdown: str) -> list[str]:
    """Every token type, block and inline."""
    found = []
    for token in tokens(markdown):
        found.append(token.type)
        found.extend(child.type for child in token.children or ())
    return found


def shown(inline) -> str:
    """What a reader sees of one inline token: its text, soft breaks as newlines."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def headings(markdown: str) -> list[tuple[str, str]]:
    toks = tokens(markdown)
    return [(tok.tag, shown(toks[i + 1])) for i, tok in enumerate(toks) if tok.type == "heading_open"]


def cells(markdown: str) -> list[str]:
    toks = tokens(markdown)
    return [shown(toks[i + 1]) for i, tok in enumerate(toks) if tok.type in ("th_open", "td_open")]


def paragraphs_shown(markdown: str) -> list[str]:
    """The text of each block that holds text, in order, empty ones left out."""
    return [text for text in (shown(t) for t in tokens(markdown) if t.type == "inline") if text]


def visible_text(markdown: str) -> str:
    """The text a reader sees, block after block on its own line."""
    return "\n".join(paragraphs_shown(markdown))


def table_shapes(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each row (header first)."""
    shapes: list[list[int]] = []
    for token in tokens(markdown):
        if token.type == "table_open":
            shapes.append([])
        elif token.type == "tr_open":
            shapes[-1].append(0)
        elif token.type in ("th_open", "td_open"):
            shapes[-1][-1] += 1
    return shapes


FORBIDDEN = {
    "link_open",
    "image",
    "html_block",
    "html_inline",
    "strong_open",
    "em_open",
    "code_inline",
    "code_block",
    "fence",
    "blockquote_open",
    "hr",
    "s_open",
}

# ----- golden files -----


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_file(name):
    build, include_private = GOLDEN_CASES[name]
    produced = to_markdown(build(), include_private=include_private)
    path = GOLDEN / f"{name}.md"
    if UPDATE_GOLDEN:
        path.write_text(produced, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing; run with IGFTUI_UPDATE_GOLDEN=1 to create it"
    assert produced == path.read_text(encoding="utf-8"), (
        f"{path.name} differs; if the change is intended, rerun with IGFTUI_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden_files_use_no_markup_the_layout_forbids(name):
    build, include_private = GOLDEN_CASES[name]
    session = build()
    markdown = to_markdown(session, include_private=include_private)
    # Links only where the user gave them, and going only where they said.
    assert not (FORBIDDEN - {"link_open"}) & set(all_types(markdown))
    assert link_targets(markdown) == [link.url for link in session.links]


def link_targets(markdown: str) -> list[str]:
    return [
        child.attrs["href"]
        for token in tokens(markdown)
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]


# ----- layout -----


def test_sections_follow_the_form():
    markdown = to_markdown(full_workshop())
    assert headings(markdown) == [
        ("h1", "IGF 2018 WS #153 — Rapid Response for Defenders Under Digital Attack"),
        ("h2", "Theme and subtheme"),
        ("h2", "Policy questions"),
        ("h2", "Relevance"),
        ("h3", "To the theme"),
        ("h3", "To Internet governance"),
        ("h2", "Description"),
        ("h2", "Expected outcomes"),
        ("h2", "Format"),
        ("h2", "Agenda"),
        ("h2", "Organisers and speakers"),
        ("h2", "Moderators and rapporteur"),
        ("h2", "Discussion facilitation"),
        ("h2", "Diversity"),
        ("h2", "Online participation"),
        ("h2", "SDGs"),
        ("h2", "Links"),
    ]


def test_key_facts_under_the_title():
    markdown = to_markdown(full_workshop())
    assert (
        "- Session type: Workshop\n- Year: 2018\n- Status: Accepted\n"
        "- When: 2018-11-13 09:00–10:00 (Paris, CET; 08:00–09:00 UTC)\n"
        "- Where: Salle VI, UNESCO Headquarters, Paris\n"
    ) in markdown


def test_times_across_midnight_show_both_dates():
    session = ForumSession(starts_at="2025-06-23T23:30:00Z", ends_at="2025-06-24T00:30:00+00:00")
    assert "- When: 2025-06-23 23:30 – 2025-06-24 00:30 UTC" in to_markdown(session)


def test_times_are_on_the_venues_clock_with_the_zone_named():
    # Lillestrøm in June is on summer time (CEST, UTC+2).
    session = ForumSession(year=2025, starts_at="2025-06-24T07:30:00Z", ends_at="2025-06-24T09:00:00Z")
    assert "- When: 2025-06-24 09:30–11:00 (Lillestrøm, CEST; 07:30–09:00 UTC)\n" in to_markdown(session)
    # A forum that sets its own zone is shown on it.
    session = session.model_copy(update={"time_zone": "America/Bogota"})
    assert "- When: 2025-06-24 02:30–04:00 (America/Bogota, UTC-5; 07:30–09:00 UTC)\n" in to_markdown(session)
    # A year with no known meeting stays in UTC, and says so.
    session = ForumSession(year=2026, starts_at="2026-06-23T09:30:00Z")
    assert "- When: 2026-06-23 09:30 UTC\n" in to_markdown(session)


def test_policy_questions_are_numbered():
    markdown = to_markdown(full_workshop())
    assert "1. Who can an activist call" in markdown and "\n2. How should emergency" in markdown
    types = all_types(markdown)
    start = types.index("ordered_list_open")
    items = types[start : types.index("ordered_list_close")].count("list_item_open")
    assert types.count("ordered_list_open") == 1 and items == 2


def test_format_section():
    markdown = to_markdown(full_workshop())
    assert "- Format: Break-out Group Discussions\n- Layout: U-shape\n- Duration: 60 minutes" in markdown


def test_agenda_table_and_total():
    markdown = to_markdown(full_workshop())
    assert "| # | Segment | Kind | Minutes | Interactive | Public |" in markdown
    assert "| 2 | Rotations between help desks | Break-out groups | 40 | yes | no |" in markdown
    assert "Agenda: 60 of 60 minutes; interactive 50 minutes (83%)" in markdown


def test_agenda_total_without_a_duration():
    session = ForumSession(agenda=[{"title": "Talk", "minutes": 15, "kind": "presentation"}])
    assert "Agenda: 15 minutes; interactive 0 minutes (0%)" in to_markdown(session)


def test_people_table_uses_the_igf_labels():
    markdown = to_markdown(full_workshop())
    assert (
        "| Name | Roles | Organisation | Stakeholder group | Regional group | Country | Status | Attendance |"
        in markdown
    )
    assert (
        "| Lena Kowalski | Lead organiser, Speaker, Moderator | Defenders Help Desk | Civil Society "
        "| Western European and Others Group (WEOG) | Netherlands | Confirmed | Onsite |"
    ) in markdown
    # Entries without a name go by one short label, not a sentence that pushes the columns away.
    assert "| Organiser (civil society) | Organizer |  | Civil Society |" in markdown
    assert "| Freedonia IGF | Organizer |  | Civil Society |" in markdown
    assert "| Speaker to be confirmed (private sector) | Speaker |  | Private Sector | African Group |" in markdown
    assert "Provisionally confirmed" in markdown and "| Online |" in markdown
    assert table_shapes(markdown)[1] == [8] * 9
    # The contact the IGF form asks for, without the private e-mail.
    assert "\n- Lead organiser: Lena Kowalski (Defenders Help Desk)\n" in markdown


def test_the_lead_organisers_email_only_when_asked():
    assert "- Lead organiser: Priya Nair (Mesh Kerala)\n" in to_markdown(private_draft())
    assert "- Lead organiser: Priya Nair (Mesh Kerala), e-mail priya@example.net\n" in to_markdown(
        private_draft(), include_private=True
    )


def test_moderators_and_rapporteur():
    markdown = to_markdown(full_workshop())
    assert "- Onsite moderator: Lena Kowalski\n- Online moderator: Kenji Sato\n- Rapporteur: Sara Lindqvist" in markdown


def test_online_participation_lists_what_is_not_broadcast():
    markdown = to_markdown(full_workshop())
    assert (
        "- Platform: Zoom\n- Remote hubs: Nairobi, Manila\n- Speaking queue: Raise hand in chat\n"
        "- Captioning: yes\n- Interpretation: Spanish, French\n- Broadcast: yes\n"
        "- Not broadcast: Rotations between help desks\n\nThe rotations stay off the stream"
    ) in markdown


def test_sdgs_by_number_and_name():
    text = visible_text(to_markdown(full_workshop()))
    assert (
        "SDG 5: Gender Equality\nSDG 10: Reduced Inequalities\nSDG 16: Peace, Justice and Strong Institutions"
    ) in text
    # Pasted into the IGF's web form, no backslash shows.
    assert "\\" not in to_markdown(full_workshop()).split("## SDGs")[1].split("##")[0]


def test_an_empty_draft_shows_the_gaps_and_nothing_else():
    markdown = to_markdown(minimal_draft())
    assert [h for _, h in headings(markdown)] == [
        "IGF 2025 — (untitled)",
        "Policy questions",
        "Description",
        "Expected outcomes",
    ]
    assert markdown.count("(Not yet written.)") == 3
    assert "Online participation" not in markdown and "Captioning" not in markdown


def test_a_session_with_no_year_or_code():
    assert to_markdown(ForumSession(title="Just a title")).startswith("# Just a title\n\n- Status: Draft\n")
    assert to_markdown(ForumSession()).startswith("# (untitled)\n")


def test_output_ends_with_one_newline():
    for build, include_private in GOLDEN_CASES.values():
        markdown = to_markdown(build(), include_private=include_private)
        assert markdown.endswith("\n") and not markdown.endswith("\n\n")


# ----- privacy -----

PRIVATE_BITS = [
    "Woman",
    "Non-binary",
    "priya@example.net",
    "jo.mbeki@example.org",
    "Jo asked not to be named",
    "Budget: travel",
    "Private notes",
    "Gender",
    "E-mail",
]


def test_private_fields_stay_out_by_default():
    markdown = to_markdown(private_draft())
    for bit in PRIVATE_BITS:
        assert bit not in markdown
    workshop = to_markdown(full_workshop())
    assert "lena@example.org" not in workshop and "| Woman |" not in workshop


def test_private_fields_appear_when_asked():
    markdown = to_markdown(private_draft(), include_private=True)
    for bit in PRIVATE_BITS:
        assert bit in markdown
    assert headings(markdown)[-1] == ("h2", "Private notes")
    assert table_shapes(markdown) == [[10, 10, 10]]
    assert "| Woman | priya@example.net |" in markdown


# ----- escaping: hostile input -----

HOSTILE_DESCRIPTION = "[x](http://evil) ![i](y) <script>alert(1)</script> **b** `c`\n# H\n- item\n1. one\n> q\n---"


def hostile_session() -> ForumSession:
    return ForumSession.from_json(
        {
            "schema": SCHEMA,
            "title": "# Hi",
            "year": 2024,
            "session_type": "workshop",
            "code": "WS #1 ##",
            "description": HOSTILE_DESCRIPTION,
            "expected_outcomes": (
                "    indented code?\n\n===\n\n<div>block</div>\n\n&amp; &#169; R&D a < b\n```\nfence\n```"
            ),
            "policy_questions": ["# heading?", "- nested?", "2) ordered?", "| a | b |"],
            "theme": "*theme*",
            "tags": ["_tag_", "<b>tag</b>"],
            "participants": [
                {
                    "name": "Ana | Souza",
                    "organisation": "A|B|C",
                    "country": "x\ny|z",
                    "roles": ["speaker", "moderator"],
                },
                {"name": "[Bob](javascript:alert(1))", "organisation": "`code`", "roles": ["rapporteur"]},
                {"name": "trailing backslash \\", "organisation": "\\|", "roles": ["speaker"]},
            ],
            "agenda": [{"title": "seg | ment\n# two", "minutes": 5, "kind": "<i>odd</i>", "public": False}],
            "online_participation": {
                "platform": "<https://zoom.example>",
                "remote_hubs": ["*a*", "b"],
                "notes": "> quoted\n* starred\n+ plussed",
            },
            "private_notes": "![img](http://track.example/pixel.png)",
            "sdgs": [5],
        }
    )


def test_hostile_input_adds_no_structure():
    markdown = to_markdown(hostile_session(), include_private=True)
    types = all_types(markdown)
    assert not FORBIDDEN & set(types), sorted(FORBIDDEN & set(types))
    # One title, and only the sections the layout itself adds.
    assert [h for h in headings(markdown) if h[0] == "h1"] == [("h1", "IGF 2024 WS #1 ## — # Hi")]
    assert [h for _, h in headings(markdown)][1:] == [
        "Theme and subtheme",
        "Policy questions",
        "Description",
        "Expected outcomes",
        "Agenda",
        "Organisers and speakers",
        "Moderators and rapporteur",
        "Online participation",
        "SDGs",
        "Private notes",
    ]
    # Lists only where the layout puts them: no list inside a list item.
    assert types.count("ordered_list_open") == 1 and types.count("bullet_list_open") == 5
    assert table_shapes(markdown) == [[6, 6], [10, 10, 10, 10]]


def test_hostile_input_is_still_shown_as_typed():
    markdown = to_markdown(hostile_session(), include_private=True)
    text = visible_text(markdown)
    for line in HOSTILE_DESCRIPTION.split("\n"):
        assert line in text
    for piece in [
        "indented code?",
        "===",
        "<div>block</div>",
        "&amp; &#169; R&D a < b",
        "```",
        "# heading?",
        "- nested?",
        "2) ordered?",
        "| a | b |",
        "*theme*",
        "_tag_, <b>tag</b>",
        "[Bob](javascript:alert(1))",
        "`code`",
        "trailing backslash \\",
        "A|B|C",
        "x y|z",
        "seg | ment # two",
        "<i>odd</i>",
        "<https://zoom.example>",
        "*a*, b",
        "> quoted\n* starred\n+ plussed",
        "![img](http://track.example/pixel.png)",
    ]:
        assert piece in text, piece


def test_table_cells_show_what_was_typed():
    found = cells(to_markdown(hostile_session()))
    for cell in [
        "Ana | Souza",
        "A|B|C",
        "x y|z",
        "trailing backslash \\",
        "\\|",
        "seg | ment # two",
        "<i>odd</i>",
        "[Bob](javascript:alert(1))",
        "`code`",
    ]:
        assert cell in found, cell


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("plain words, e.g. this.", "plain words, e.g. this."),
        ("R&D & more", "R&D & more"),
        ("&amp;", "\\&amp;"),
        ("a < b > c", "a < b > c"),
        ("<b>", "\\<b>"),
        ("snake_case *bold*", "snake_case \\*bold\\*"),
        ("# one\n  - two\n\t3. three\n> four", "\\# one\n\\- two\n3\\. three\n\\> four"),
        ("first\n\n\n\nsecond  ", "first\n\nsecond"),
        ("a\r\nb\rc", "a\nb\nc"),
        # "|" makes a table cell only in a table: elsewhere it stays as typed, and the
        # delimiter row a table would need is what gets escaped.
        ("cell | with\nnewline", "cell | with\nnewline"),
        ("a | b\n:-|:-", "a | b\n\\:-|:-"),
        ("| a |\n| --- |", "| a |\n\\| --- |"),
        ("x\n-|-\n==\n--", "x\n\\-|-\n\\==\n\\--"),
        # Every line break, not only "\n", starts a line, whose start is then escaped.
        ("a\u2028# b\u2029> c\x0c- d\x0b1. e\x85f\x1cg", "a\n\\# b\n\\> c\n\\- d\n1\\. e\nf\ng"),
        ("\u00a0\u3000  - indented by any space", "\\- indented by any space"),
        # Only what can open something is escaped, so text pasted into a plain form reads well.
        ("1.5 million people, -5 degrees, +3, 2025: the year", "1.5 million people, -5 degrees, +3, 2025: the year"),
        ("#IGF2025 and # heading", "\\#IGF2025 and # heading"),
        ("C:\\Users\\jo, a\\*b, end\\", "C:\\Users\\jo, a\\\\\\*b, end\\\\"),
        ("(see [1]) ![", "(see \\[1]) !\\["),
        ("jo_mbeki@example.org _x_ a__b_", "jo_mbeki@example.org \\_x\\_ a\\_\\_b\\_"),
        ("~~gone~~ `code`", "\\~\\~gone\\~\\~ \\`code\\`"),
    ],
)
def test_escape_examples(typed, escaped):
    assert escape_markdown_text(typed) == escaped


def test_text_after_a_label_is_escaped_only_where_it_must_be():
    markdown = to_markdown(
        ForumSession(
            theme="Access | Inclusion",
            subtheme="1. Rural areas",
            tags=["#IGF2025", "e-mail_lists"],
            policy_questions=["1. What next?", "- How?"],
        )
    )
    # After "Theme: " nothing can open a block, and "|" makes no cell outside a table...
    assert "- Theme: Access | Inclusion\n- Subtheme: 1. Rural areas\n- Tags: #IGF2025, e-mail_lists\n" in markdown
    # ...but a policy question starts its item's text, where "1." or "-" would nest a list.
    assert "1. 1\\. What next?\n2. \\- How?" in markdown


def test_escape_in_a_table_is_one_line():
    assert escape_markdown_text("a | b\n  c\r\nd", in_table=True) == "a \\| b c d"


# ----- escaping: any text at all -----

HOSTILE = hostile_texts()


def harmless(text: str) -> str:
    """Text with the same lines as ``text`` (blank where it has a blank line) and nothing in them.

    Control characters are taken out of whatever enters a session, so a line of only
    control characters is blank, as the model will see it.
    """
    return "\n".join("x" if clean_text(line).strip() else "" for line in text.splitlines())


def session_with(text) -> ForumSession:
    """A session with ``text(n)`` in every field a user types, each a different n."""
    return ForumSession.from_json(
        {
            "schema": SCHEMA,
            "year": 2024,
            "session_type": "workshop",
            "code": text(0),
            "title": text(1),
            "short_title": text(2),
            "theme": text(3),
            "subtheme": text(4),
            "tags": [text(5), text(6)],
            "format": "panel",
            "duration_minutes": 60,
            "format_description": text(7),
            "room": text(8),
            "venue": text(9),
            "policy_questions": [text(10), text(11)],
            "relevance_to_theme": text(12),
            "relevance_to_internet_governance": text(13),
            "description": text(14),
            "expected_outcomes": text(15),
            "discussion_facilitation": text(16),
            "diversity_statement": text(17),
            "private_notes": text(18),
            "participants": [
                {
                    "name": text(19),
                    "organisation": text(20),
                    "country": text(21),
                    "email": text(22),
                    "gender": "woman",
                    "roles": ["speaker", "moderator", "online_moderator", "rapporteur"],
                },
                {"name": text(30), "roles": ["speaker"]},
            ],
            "agenda": [{"title": text(23), "minutes": 10, "kind": text(24), "public": False}],
            "online_participation": {
                "platform": text(25),
                "remote_hubs": [text(26)],
                "speaking_queue": text(27),
                "interpretation": [text(28)],
                "notes": text(29),
            },
        }
    )


def structure(markdown: str, parser: MarkdownIt = PARSER) -> list[tuple]:
    """Every token but the text itself: blocks with their nesting, inline markup, line breaks."""
    found: list[tuple] = []
    for token in parser.parse(markdown):
        if token.type == "inline":
            found += [(child.type, child.tag, child.markup) for child in token.children or () if child.type != "text"]
        else:
            found.append((token.type, token.tag, token.nesting, token.level, token.markup))
    return found


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(HOSTILE, min_size=31, max_size=31))
def test_no_text_in_any_field_changes_the_structure(texts):
    # The same document with harmless text in the same places (the model leaves out blank
    # text, so blank stays blank) has exactly the same tokens: no heading, list, quote,
    # table, cell, code, HTML, link, image, emphasis, footnote or line break more or less.
    markdown = to_markdown(session_with(lambda n: texts[n]), include_private=True)
    baseline = to_markdown(session_with(lambda n: harmless(texts[n])), include_private=True)
    assert structure(markdown) == structure(baseline), markdown
    assert not FORBIDDEN & set(all_types(markdown)), markdown
    # Nothing a program could take for a line break but "\n": U+2028, form feeds and
    # the like are gone, so no tool can split a heading or an item in two.
    assert markdown.splitlines() == markdown.removesuffix("\n").split("\n")


GFM_LIKE = MarkdownIt("gfm-like")


BARE_ADDRESSES = st.sampled_from(["www.example.org", "see https://x.example/a?b", "jo@example.org"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(HOSTILE, BARE_ADDRESSES), min_size=31, max_size=31))
@example(texts=["||\n-:"] * 31)  # a delimiter row whose only "-" comes first: a one-column table
def test_with_bare_addresses_made_links_only_those_differ(texts):
    # GitHub and linkify turn a bare address into a link that shows the address typed.
    # That is left alone (escaping every address would scatter backslashes through text
    # pasted into the IGF form), so those links are the only difference a renderer with
    # linkify makes, and they never hide where they go.
    markdown = to_markdown(session_with(lambda n: texts[n]), include_private=True)
    baseline = to_markdown(session_with(lambda n: harmless(texts[n])), include_private=True)
    linkified = [t for t in structure(markdown, GFM_LIKE) if t[0] not in ("link_open", "link_close")]
    assert linkified == structure(baseline, GFM_LIKE)
    for token in GFM_LIKE.parse(markdown):
        for child in token.children or ():
            if child.type == "link_open":
                assert child.markup == "linkify", markdown


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions())
def test_any_session_is_markdown_without_forbidden_markup(session):
    # Every field of the model at once, people of every kind and links among them: only
    # the links the session holds are links, and nothing else the layout forbids appears.
    markdown = to_markdown(session, include_private=True)
    assert not (FORBIDDEN - {"link_open"}) & set(all_types(markdown)), markdown
    assert len(link_targets(markdown)) == len(session.links), markdown
    assert markdown.splitlines() == markdown.removesuffix("\n").split("\n")


def test_line_breaks_of_every_kind_stay_out_of_the_title_line():
    title = "Rights\u2028# not a heading\x0c- nor an item\u2029> nor a quote\x0b===\x85end"
    markdown = to_markdown(ForumSession(title=title, year=2025))
    first, rest = markdown.split("\n", 1)
    assert first == "# IGF 2025 — Rights # not a heading - nor an item > nor a quote === end"
    assert rest.startswith("\n- Year: 2025\n- Status: Draft\n")
    assert headings(markdown)[0] == ("h1", first.removeprefix("# "))


@settings(max_examples=300, deadline=None)
@given(text=HOSTILE)
def test_escaped_text_reads_back_as_typed(text):
    # What a reader sees is what was typed, paragraph by paragraph, up to the
    # whitespace Markdown folds: each line's leading and trailing spaces (of any
    # kind), and the ends of a paragraph (which the parser trims of CommonMark's
    # whitespace).  Every kind of line break reads back as "\n"; NUL as U+FFFD, as
    # CommonMark requires.
    expected, lines = [], []
    for line in [*text.replace("\x00", "\ufffd").splitlines(), ""]:
        if line.strip():
            lines.append(line.strip())
        elif lines:
            expected.append("\n".join(lines).strip(MD_TRIM_CHARS))
            lines = []
    assert paragraphs_shown(escape_markdown_text(text)) == [p for p in expected if p]


@settings(max_examples=300, deadline=None)
@given(text=HOSTILE)
def test_a_table_cell_reads_back_as_typed_on_one_line(text):
    cell = escape_markdown_text(text, in_table=True)
    shown = cells(f"| a |\n| --- |\n| {cell} |")
    expected = " ".join(line.strip() for line in text.replace("\x00", "\ufffd").splitlines() if line.strip())
    assert shown == ["a", expected.strip(MD_TRIM_CHARS)]


# ----- links and languages (issue 12) -----


def test_links_are_markdown_links_to_where_they_said_and_nowhere_else():
    markdown = to_markdown(full_workshop())
    assert "- [Last year's session report](https://igf.example/en/ws-report-2017)" in markdown
    assert "- <https://help-desks.example/cases>" in markdown
    assert "- [Write to the organisers](mailto:desk@example.org)" in markdown


def test_languages_are_part_of_the_format():
    assert "- Languages: English, French" in to_markdown(full_workshop())
    one = ForumSession.from_json({"languages": ["Español"], "format": "panel"})
    assert "- Language: Español" in to_markdown(one)


def test_a_hostile_label_or_address_cannot_bend_the_link():
    session = ForumSession.from_json(
        {
            "links": [
                {"label": "Report](javascript:alert(1)) [x", "url": "https://igf.example/a_(b)/é?q=*x*"},
                {"label": "<img src=x onerror=alert(1)> **b**", "url": "https://igf.example/"},
            ]
        }
    )
    markdown = to_markdown(session)
    types = all_types(markdown)
    assert not (FORBIDDEN - {"link_open"}) & set(types)
    assert link_targets(markdown) == ["https://igf.example/a_%28b%29/%C3%A9?q=*x*", "https://igf.example/"]
    text = visible_text(markdown)
    assert "Report](javascript:alert(1)) [x" in text
    assert "<img src=x onerror=alert(1)> **b**" in text


def test_a_javascript_link_that_got_past_the_model_is_left_out_with_a_word():
    from igftui.model.session import Link

    session = ForumSession()
    session.links = [Link.model_construct(label="Click", url="javascript:alert(1)")]
    markdown = to_markdown(session)
    assert "javascript:alert(1)" not in link_targets(markdown)
    assert "link_open" not in all_types(markdown)
    assert "Click (address left out: not a web or e-mail address)" in markdown
