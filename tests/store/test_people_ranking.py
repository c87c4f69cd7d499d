"""Looking people up by part of their name: where the match is comes before how busy they are."""

from igftui.model import ForumSession, Participant


def _speaking(*names: str) -> ForumSession:
    return ForumSession(title="A session", participants=[Participant(name=n, roles=["speaker"]) for n in names])


def test_names_that_start_with_the_search_come_first(catalogue):
    for _ in range(3):
        catalogue.add(_speaking("Haruto Kisaragi", "Ana Sarabia"))
    catalogue.add(_speaking("Sara Lindqvist-Mendoza"))
    found = [p.name for p in catalogue.people("Sara")]
    # The start of the name, then the start of a word, then inside a word.
    assert found == ["Sara Lindqvist-Mendoza", "Ana Sarabia", "Haruto Kisaragi"]
    # Among equals, the busiest first, as before.
    assert [p.name for p in catalogue.people("a")] == ["Ana Sarabia", "Haruto Kisaragi", "Sara Lindqvist-Mendoza"]


def test_a_word_after_a_hyphen_is_a_word_start(catalogue):
    catalogue.add(_speaking("Haruto Kisaragi", "Sara Lindqvist-Mendoza", "Ramendoza Okoye"))
    catalogue.add(_speaking("Ramendoza Okoye"))
    assert [p.name for p in catalogue.people("mendoza")] == ["Sara Lindqvist-Mendoza", "Ramendoza Okoye"]


def test_a_search_with_like_wildcards_matches_them_as_typed(catalogue):
    catalogue.add(_speaking("Ana Costa"))
    # "_" is any one character to SQL's LIKE; here it is only itself.
    assert catalogue.people("_") == []
