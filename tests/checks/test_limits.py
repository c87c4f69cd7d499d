"""The limits the editor counts against come from the rule set in use."""

from igftui.checks import load_rule_set
from igftui.checks.limits import form_limits
from igftui.model import ForumSession


def test_a_workshop_is_held_to_the_title_and_description_limits():
    limits = form_limits(load_rule_set("igf-2025"), ForumSession(session_type="workshop"))
    assert limits == {"title": 60, "description": 250}


def test_a_type_the_rules_leave_alone_gets_no_limit():
    assert form_limits(load_rule_set("igf-2025"), ForumSession(session_type="open_forum")) == {}


def test_a_rule_set_can_change_the_limit(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('extends = "igf-2025"\n[rules.IGF-C003]\nmax_chars = 80\n', encoding="utf-8")
    limits = form_limits(load_rule_set(str(path)), ForumSession(session_type="workshop"))
    assert limits["title"] == 80
