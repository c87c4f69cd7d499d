"""Form answers added for issue 12: the session's languages, its links, and the IGF's themes per year."""

from __future__ import annotations

import json

import pytest

from igftui.model import ContractError, ForumSession, Link
from igftui.model.differences import changed_labels, differences
from igftui.model.form import FIELDS, AnswerError, label_of, read_answer, set_answer, shown_answer
from igftui.model.merge import changed_fields, merge_documents
from igftui.model.redaction import redacted
from igftui.model.themes import official_name, official_themes, suggestions, theme_remark, themes_of

OLD_FILE = {
    "schema": "igftui.session/1",
    "status": "draft",
    "year": 2023,
    "session_type": "workshop",
    "title": "An older file",
    "theme": None,
    "subtheme": "Digital Divides & Inclusion",
    "tags": [],
    "policy_questions": [],
    "sdgs": [],
    "participants": [],
    "agenda": [],
}


def with_answers() -> ForumSession:
    return ForumSession.from_json(
        {
            **OLD_FILE,
            "languages": ["English", "Spanish"],
            "links": [
                {"label": "Last year's report", "url": "https://www.intgovforum.org/en/content/report"},
                {"label": None, "url": "mailto:ana@example.org"},
            ],
        }
    )


# ----- the session JSON -----


def test_an_old_file_reads_and_writes_as_before():
    session = ForumSession.from_json(OLD_FILE)
    assert session.languages == [] and session.links == []
    data = session.to_json()
    # No new key in the JSON of a session without them: scripts reading it see no change.
    assert "languages" not in data and "links" not in data
    assert list(data)[-1] == "source"


def test_languages_and_links_round_trip_exactly():
    data = with_answers().to_json(include_private=True)
    assert data["languages"] == ["English", "Spanish"]
    assert data["links"] == [
        {"label": "Last year's report", "url": "https://www.intgovforum.org/en/content/report"},
        {"label": None, "url": "mailto:ana@example.org"},
    ]
    again = ForumSession.from_json(json.loads(json.dumps(data)))
    assert again.to_json(include_private=True) == data


def test_the_new_keys_come_after_every_contract_key():
    keys = list(with_answers().to_json())
    assert keys[keys.index("source") + 1 :] == ["languages", "links"]


def test_one_language_written_twice_is_kept_once():
    session = ForumSession.from_json({"languages": ["English", " english ", "", "Français"]})
    assert session.languages == ["English", "Français"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("javascript:alert(1)", "only https://, http:// and mailto: links"),
        ("data:text/html,<b>x</b>", "only https://, http:// and mailto: links"),
        ("www.intgovforum.org", "needs https:// in front"),
        ("https://", "no site name"),
        ("https://exa mple.org", "a space"),
        ("mailto:nobody", "no e-mail address"),
    ],
)
def test_a_link_igftui_will_not_keep_is_refused_with_a_reason(url, words):
    with pytest.raises(ContractError, match=words) as caught:
        ForumSession.from_json({"links": [{"label": "x", "url": url}]})
    assert str(caught.value).startswith("links[0].url: ")


def test_a_link_keeps_its_scheme_in_lower_case_and_its_label_clean():
    link = Link(label="Report\x1b[2J ", url="HTTPS://igf.example/Report")
    assert link.url == "https://igf.example/Report"
    assert link.label == "Report"


def test_the_catalogue_copy_always_has_the_keys():
    """So a copy that emptied them says so, and a merge does not keep the other's."""
    document = ForumSession.from_json(OLD_FILE).to_document()
    assert document["languages"] == [] and document["links"] == []
    base = with_answers().to_document()
    emptied = {**base, "languages": []}
    merged = merge_documents(base, base, emptied)
    assert merged.clean and merged.document["languages"] == []


def test_a_document_stored_before_the_keys_existed_has_not_changed_them():
    stored_long_ago = ForumSession.from_json(OLD_FILE).to_document()
    del stored_long_ago["languages"], stored_long_ago["links"]
    now = ForumSession.from_json(OLD_FILE).to_document()
    assert changed_fields(stored_long_ago, now) == []
    now["languages"] = ["English"]
    assert changed_fields(stored_long_ago, now) == ["languages"]
    assert differences(stored_long_ago, ForumSession.from_json(OLD_FILE).to_document()) == []


# ----- the form -----


def test_languages_are_typed_with_commas():
    spec = FIELDS["languages"]
    assert read_answer(spec, "English, Spanish;  French ,") == ["English", "Spanish", "French"]
    assert shown_answer(spec, ["English", "Spanish"]) == "English, Spanish"
    assert spec.section == "format"


def test_links_are_typed_one_a_line_with_or_without_a_label():
    spec = FIELDS["links"]
    typed = (
        "Last year's report: https://igf.example/report-2024\n\n"
        "  https://igf.example/background  \n"
        "Write to us - mailto:team@example.org\n"
    )
    links = read_answer(spec, typed)
    assert [(link.label, link.url) for link in links] == [
        ("Last year's report", "https://igf.example/report-2024"),
        (None, "https://igf.example/background"),
        ("Write to us", "mailto:team@example.org"),
    ]
    shown = shown_answer(spec, links)
    assert shown == (
        "Last year's report: https://igf.example/report-2024\n"
        "https://igf.example/background\nWrite to us: mailto:team@example.org"
    )
    assert read_answer(spec, shown) == links
    assert read_answer(spec, "  \n") == []


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("javascript:alert(document.cookie)", "only https://, http:// and mailto: links are kept"),
        ("Report: www.igf.example/r", "“www.igf.example/r” needs https:// in front of it"),
        ("Last year's report", "has no address"),
        ("Good: https://igf.example\n\nBad: ftp://igf.example/x", "Line 3: “ftp://igf.example/x”"),
    ],
)
def test_a_bad_link_says_which_line_and_why(typed, words):
    with pytest.raises(AnswerError, match=words):
        read_answer(FIELDS["links"], typed)


def test_set_answer_keeps_links_and_reports_no_change_the_second_time():
    session = ForumSession()
    links = read_answer(FIELDS["links"], "Report: https://igf.example/r")
    assert set_answer(session, FIELDS["links"], links) is True
    assert set_answer(session, FIELDS["links"], read_answer(FIELDS["links"], "Report: https://igf.example/r")) is False
    assert session.to_json()["links"] == [{"label": "Report", "url": "https://igf.example/r"}]


def test_the_history_names_and_shows_them_in_the_form_s_words():
    before = ForumSession.from_json(OLD_FILE).to_document()
    after = with_answers().to_document()
    assert label_of("languages") == "Languages" and label_of("links") == "Links"
    assert changed_labels(changed_fields(before, after)) == ["Links", "Languages"]
    found = {difference.field: [line.text for line in difference.lines] for difference in differences(before, after)}
    assert found["links"] == [
        "Last year's report: https://www.intgovforum.org/en/content/report",
        "mailto:ana@example.org",
    ]
    assert found["languages"] == ["English, Spanish"]


def test_a_redacted_copy_drops_e_mail_links_and_names_in_labels():
    session = ForumSession.from_json(
        {
            "participants": [{"name": "Ana Souza", "roles": ["speaker"]}],
            "links": [
                {"label": "Ana Souza's slides", "url": "https://igf.example/slides"},
                {"label": "Ana", "url": "mailto:ana@example.org"},
            ],
        }
    )
    shared = redacted(session)
    assert [(link.label, link.url) for link in shared.links] == [("Speaker 1's slides", "https://igf.example/slides")]


# ----- the IGF's themes per year -----


def test_the_themes_file_knows_the_years_checked_and_no_other():
    assert sorted(official_themes()) == [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
    kyoto = themes_of(2023)
    assert kyoto is not None and kyoto.box == "subtheme" and len(kyoto.names) == 8
    assert "Data Governance & Trust" in kyoto.names
    assert themes_of(2017) is None and themes_of(None) is None
    for year in official_themes().values():
        assert year.names and len(set(year.names)) == len(year.names)
        assert year.box in ("theme", "subtheme")


def test_an_answer_on_the_list_needs_no_note_whatever_its_spelling():
    assert official_name(2023, "data governance and trust") == "Data Governance & Trust"
    assert theme_remark(2023, "subtheme", "Data governance & TRUST") is None
    # A page can give several themes at once.
    assert (
        theme_remark(2019, "theme", "Data Governance; Digital Inclusion; Security, Safety, Stability & Resilience")
        is None
    )


def test_free_text_gets_a_gentle_note_only_where_the_year_s_list_belongs():
    assert theme_remark(2023, "subtheme", "Privacy online") == (
        "Not one of the IGF 2023 subthemes: fine if it is for another forum."
    )
    assert theme_remark(2022, "theme", "Privacy online") == (
        "Not one of the IGF 2022 themes: fine if it is for another forum."
    )
    assert theme_remark(2023, "theme", "Privacy online") is None
    assert theme_remark(2030, "theme", "Privacy online") is None
    assert theme_remark(2023, "subtheme", "  ") is None


def test_the_boxes_offer_the_year_s_list():
    assert suggestions(2022, "theme")[0] == "Connecting All People and Safeguarding Human Rights"
    assert suggestions(2023, "theme")[0] == "The Internet We Want - Empowering All People"
    assert suggestions(2023, "subtheme") == list(themes_of(2023).names)
    assert suggestions(None, "theme") == [] and suggestions(2012, "theme") == []
