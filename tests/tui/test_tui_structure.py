"""How the app's code is laid out: screens reach one another only through tui/navigation.py,
and every dialog lives in tui/dialogs/.

Read from the source with ``ast``, imports inside functions included: a screen that
imported another one inside a method would tie the two together all the same.
"""

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "src" / "igftui" / "tui"
SCREENS = "igftui.tui.screens"
#: What every screen is built on; not a screen itself.
SHARED = {f"{SCREENS}.base"}
#: The classes a dialog is made from; a module in tui/screens/ makes none of them.
DIALOG_BASES = {"ModalScreen", "IgfDialog", "FormDialog"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(TUI.parent.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it, relative imports made absolute."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = _module_name(path)
                if path.name != "__init__.py":
                    package = package.rpartition(".")[0]
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            # ``from igftui.tui.screens import catalogue`` imports the module catalogue.
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def screens_imported(path: Path) -> set[str]:
    """The screen modules that ``path`` imports (the shared base does not count)."""
    modules = {".".join(name.split(".")[:4]) for name in imported_modules(path) if name.startswith(f"{SCREENS}.")}
    return {name for name in modules if name not in SHARED and (TUI / "screens" / f"{name.split('.')[3]}.py").exists()}


def _sources(folder: str) -> list[Path]:
    return sorted((TUI / folder).glob("*.py"))


def test_the_helpers_see_an_import_inside_a_function(tmp_path):
    # The rule is only as good as its reading of imports: one hidden in a method counts.
    sample = TUI / "screens" / "catalogue.py"
    assert f"{SCREENS}.base" in imported_modules(sample)
    fake = tmp_path / "fake.py"
    fake.write_text("def later():\n    from igftui.tui.screens.history import HistoryScreen\n")
    assert screens_imported(fake) == {"igftui.tui.screens.history"}


@pytest.mark.parametrize("path", _sources("screens"), ids=lambda path: path.name)
def test_no_screen_imports_another(path):
    own = _module_name(path)
    assert screens_imported(path) - {own} == set(), (
        f"{path.name} imports another screen: open it through self.navigate (tui/navigation.py)"
    )


@pytest.mark.parametrize("path", _sources("dialogs") + _sources("widgets"), ids=lambda path: path.name)
def test_dialogs_and_widgets_open_no_screen(path):
    assert screens_imported(path) == set(), f"{path.name} imports a screen"


@pytest.mark.parametrize("path", _sources("screens"), ids=lambda path: path.name)
def test_every_dialog_lives_in_tui_dialogs(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    dialogs = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(base).split("[")[0] in DIALOG_BASES for base in node.bases)
    ]
    assert dialogs == [], f"{path.name} defines dialogs {dialogs}: they belong in tui/dialogs/"


def test_navigation_imports_the_screens_only_when_one_is_opened():
    # Loaded with every screen (through their base), so it must load none of them at once:
    # the app paints its first screen before the others and their storage are imported.
    tree = ast.parse((TUI / "navigation.py").read_text(encoding="utf-8"))
    at_top = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
    at_top |= {alias.name for node in tree.body if isinstance(node, ast.Import) for alias in node.names}
    assert not {name for name in at_top if name and name.startswith(("igftui.tui.screens", "igftui.tui.dialogs"))}
