import pytest

from igftui.model.vocabulary import (
    Format,
    Layout,
    Region,
    Role,
    SessionType,
    StakeholderGroup,
    label,
    normalise,
    parse,
    parse_strict,
    session_code,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Western European and Others Group (WEOG)", Region.WEOG),
        ("WEOG", Region.WEOG),
        ("Latin American and Caribbean Group (GRULAC)", Region.GRULAC),
        ("LAC", Region.GRULAC),
        ("APAC", Region.ASIA_PACIFIC),
        ("Asia Pacific", Region.ASIA_PACIFIC),
        ("Asia-Pacific Group", Region.ASIA_PACIFIC),
        ("Eastern European States", Region.EASTERN_EUROPEAN),
        ("Africa", Region.AFRICAN),
        ("NA", Region.WEOG),
        ("Intergovernmental Organization", Region.INTERGOVERNMENTAL_ORGANIZATION),
    ],
)
def test_regions_read_as_the_pages_write_them(text, expected):
    assert parse(Region, text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Civil Society", StakeholderGroup.CIVIL_SOCIETY),
        ("Private sector", StakeholderGroup.PRIVATE_SECTOR),
        ("Inter-governmental Organization", StakeholderGroup.INTERGOVERNMENTAL_ORGANIZATION),
        ("Intergovernmental Organisation", StakeholderGroup.INTERGOVERNMENTAL_ORGANIZATION),
        ("technical community", StakeholderGroup.TECHNICAL_COMMUNITY),
        ("civil_society", StakeholderGroup.CIVIL_SOCIETY),
    ],
)
def test_stakeholder_spellings(text, expected):
    assert parse(StakeholderGroup, text) is expected


def test_formats_and_layouts():
    assert parse(Format, "Roundtable") is Format.ROUND_TABLE
    assert parse(Format, "Break-out Group Discussions") is Format.BREAK_OUT_GROUPS
    assert parse(Format, "Birds of a Feather") is Format.BIRDS_OF_A_FEATHER
    assert parse(Layout, "U-shape") is Layout.U_SHAPE
    assert parse(SessionType, "NRIs Collaborative Session") is SessionType.NRI_SESSION
    assert parse(Role, "Online Moderator") is Role.ONLINE_MODERATOR


def test_unknown_and_empty_text_is_none():
    assert parse(Region, "Atlantis") is None
    assert parse(Region, "") is None
    assert parse(Region, None) is None


def test_parse_strict_names_the_field_and_the_choices():
    with pytest.raises(ValueError, match="region: 'Atlantis' is not one of african"):
        parse_strict(Region, "Atlantis", "region")


def test_labels_are_the_igf_s_words():
    assert Region.WEOG.label == "Western European and Others Group (WEOG)"
    assert StakeholderGroup.CIVIL_SOCIETY.label == "Civil Society"
    assert label(None, "-") == "-"
    assert str(Region.WEOG) == "weog"


def test_every_value_and_label_maps_back_to_itself():
    from igftui.model import vocabulary

    for kind in (
        vocabulary.SessionType,
        vocabulary.Format,
        vocabulary.Layout,
        vocabulary.StakeholderGroup,
        vocabulary.Region,
        vocabulary.Role,
        vocabulary.SessionStatus,
        vocabulary.ParticipantStatus,
        vocabulary.Attendance,
        vocabulary.Gender,
        vocabulary.AgendaKind,
    ):
        for member in kind:
            assert parse(kind, member.value) is member
            assert parse(kind, member.label) is member


def test_normalise_folds_accents_case_and_punctuation():
    assert normalise("  Kümmerlöwe,  MARIE ") == "kummerlowe marie"


def test_session_codes():
    assert session_code(SessionType.WORKSHOP, 153) == "WS #153"
    assert session_code(SessionType.OPEN_FORUM, 56) == "OF #56"
    assert session_code(SessionType.WORKSHOP, None) is None
