"""The ``igftui`` command line (see "Command line (contract)" in DESIGN.md).

Exit codes: 0 success; 1 the command ran but something failed (a file not
imported, a check with an error, an unknown session id); 2 bad usage or
unreadable input (a bad option, an unreadable file, a catalogue file that is
not a catalogue).  Every error is one line on stderr, never a traceback.

Heavy modules (SQLAlchemy, Textual) are imported inside the commands, so
``igftui --help`` answers at once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from igftui import __version__
from igftui.model.text_safety import json_terminal_safe, terminal_safe
from igftui.model.wording import finding_counts, plural, session_line

if TYPE_CHECKING:  # loaded by the commands that use them, not by every start
    from igftui.checks import RuleSet
    from igftui.config import Settings
    from igftui.store.catalogue import Catalogue
    from igftui.store.listing import SessionFilter

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad usage or unreadable input: exit 2."""


class CommandFailed(Exception):
    """The command ran but could not do what was asked: exit 1."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _year(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year") from None
    from datetime import date

    from igftui.model.meetings import year_problem

    # The IGF began in 2006, and a forum is at most a few years ahead: one rule with the editor.
    problem = year_problem(value, date.today())
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _session_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a session id (a number, as 'igftui list' shows)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a session id (ids start at 1)")
    return value


def _revision_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a revision number (as 'igftui history' shows)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a revision number (revisions start at 1)")
    return value


def _term(kind_name: str) -> Callable[[str], str]:
    """An argparse type accepting a contract value or any label or alias the vocabulary knows."""

    def convert(text: str) -> str:
        from igftui.model import vocabulary

        kind = getattr(vocabulary, kind_name)
        member = vocabulary.parse(kind, text)
        if member is None:
            allowed = ", ".join(m.value for m in kind)
            raise argparse.ArgumentTypeError(f"{text!r} is not one of: {allowed}")
        return member.value

    return convert


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="igftui",
        description="Catalogue, draft, check and export Internet Governance Forum sessions. "
        "With no command, opens the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"igftui {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the catalogue file (default: IGFTUI_DB, else db in config.toml, "
        "else catalogue.db in the user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = commands.add_parser(
        "import",
        help="import IGF session pages (text, Markdown, saved HTML) and igftui JSON files; "
        "a folder imports every file in it",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    p.add_argument("--year", type=_year, help="the year for sessions whose file does not say")
    p.add_argument(
        "--merge",
        action="store_true",
        help="a page of one of your own proposals (same year, type and number) fills what your "
        "draft leaves empty, instead of being stored beside it; your text is never replaced",
    )
    p.add_argument("--json", action="store_true", help="print what was imported and skipped as JSON")

    p = commands.add_parser("list", help="list sessions")
    p.add_argument("--query", "-q", help="full-text search over titles, descriptions, questions and people")
    p.add_argument("--year", type=_year)
    p.add_argument("--type", type=_term("SessionType"), help="session type, e.g. workshop, open_forum")
    p.add_argument("--status", type=_term("SessionStatus"), help="e.g. catalogued, draft, submitted")
    p.add_argument("--format", type=_term("Format"), help="e.g. round_table, panel")
    p.add_argument("--limit", type=int, help="at most this many sessions")
    p.add_argument("--json", action="store_true", help="print the sessions as igftui JSON")
    p.add_argument(
        "--include-private",
        action="store_true",
        help="with --json: include private fields (gender, e-mail, private notes), to move a whole catalogue",
    )

    p = commands.add_parser("show", help="show one session")
    p.add_argument("id", type=_session_id)
    p.add_argument(
        "--revision",
        type=_revision_number,
        metavar="N",
        help="the session as revision N kept it (see 'igftui history ID')",
    )
    p.add_argument("--json", action="store_true", help="print the session as igftui JSON")

    p = commands.add_parser("history", help="the revisions of a session, oldest first")
    p.add_argument("id", type=_session_id)
    p.add_argument("--json", action="store_true", help="print the revisions as JSON")

    p = commands.add_parser("export", help="export a session as Markdown (laid out like the IGF form) or JSON")
    p.add_argument("id", type=_session_id)
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", type=Path, help="write to FILE instead of stdout")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.add_argument(
        "--include-private", action="store_true", help="include private fields (gender, e-mail, private notes)"
    )
    p.add_argument(
        "--redact", action="store_true", help="name people by their role and organisations by their stakeholder group"
    )

    p = commands.add_parser("check", help="run a rule set on a session; exit 1 when a finding is an error")
    p.add_argument("id", type=_session_id)
    p.add_argument("--rules", metavar="NAME|PATH", help="a rule set name (see 'igftui rules') or a TOML file")
    p.add_argument("--json", action="store_true")

    p = commands.add_parser(
        "similar", help="the sessions most like one session, by the words of its title, questions and texts"
    )
    p.add_argument("id", type=_session_id)
    p.add_argument("--year", type=_year, help="only sessions of this year")
    p.add_argument("--limit", type=int, default=10, help="at most this many sessions (default 10)")
    p.add_argument("--json", action="store_true", help="print them as JSON")

    p = commands.add_parser(
        "overlaps", help="the pairs of one year's sessions alike enough to consider merging, most alike first"
    )
    p.add_argument("--year", type=_year, required=True)
    p.add_argument(
        "--threshold",
        type=_threshold,
        help="how alike, from 0 to 1 (default: rule IGF-S001's, as the rule set in use has it)",
    )
    p.add_argument("--json", action="store_true", help="print the pairs as JSON")

    p = commands.add_parser("rules", help="list every rule with its id, severity and source")
    p.add_argument("--rules", metavar="NAME|PATH", help="mark which rules this rule set uses")
    p.add_argument("--json", action="store_true")

    commands.add_parser("samples", help="load the bundled sample catalogue (loading twice adds nothing)")

    p = commands.add_parser("backup", help="write a consistent copy of the whole catalogue to FILE (mode 0600)")
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = commands.add_parser(
        "restore",
        help="replace the catalogue with a backup, after asking; the catalogue replaced is kept in the backups folder",
    )
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--yes", action="store_true", help="do not ask")

    p = commands.add_parser(
        "forget", help="erase a person's personal data from every session, revision and the search index"
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument("--dry-run", action="store_true", help="say what would be erased, change nothing")
    p.add_argument("--json", action="store_true", help="print what was erased as JSON")

    p = commands.add_parser(
        "delete",
        help="delete a draft or proposal of yours (it can be brought back with "
        "'igftui undelete' until 'igftui compact')",
    )
    p.add_argument("id", type=_session_id)
    p.add_argument("--yes", action="store_true", help="do not ask")

    p = commands.add_parser("duplicate", help="copy a session as a new draft (people and agenda too)")
    p.add_argument("id", type=_session_id)
    p.add_argument("--json", action="store_true", help="print the new draft as igftui JSON")

    p = commands.add_parser("deleted", help="list the deleted drafts that can be brought back")
    p.add_argument("--json", action="store_true", help="print them as JSON")

    p = commands.add_parser("undelete", help="bring a deleted draft back, with its history")
    p.add_argument(
        "which", metavar="UID-or-ID", help="its uid (or the start of it) or the id it had, as 'igftui deleted' shows"
    )
    p.add_argument("--json", action="store_true", help="print the draft brought back as igftui JSON")

    p = commands.add_parser("compact", help="remove deleted drafts for good and rebuild the catalogue file")
    p.add_argument("--yes", action="store_true", help="do not ask")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = build_parser().parse_args(argv)
        code = _dispatch(args)
        # Written out here, where a reader that went away (`igftui show 1 | true`) is a
        # BrokenPipeError caught below, not an "Exception ignored" and exit 120 when
        # Python flushes stdout on its way out.
        if sys.stdout is not None:
            sys.stdout.flush()
        return code
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except CommandFailed as exc:
        return _fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed: not an error worth a word.
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:  # the last guard: users never see a traceback
        if os.environ.get("IGFTUI_DEBUG"):
            raise
        return _fail(
            f"unexpected error: {exc.__class__.__name__}: {exc} (run with IGFTUI_DEBUG=1 for details)", EXIT_FAILED
        )


def _fail(message: str, code: int) -> int:
    print(f"igftui: {terminal_safe(message, one_line=True)}", file=sys.stderr)
    return code


def _silence_stdout() -> None:
    # What is still buffered goes nowhere, instead of failing again when Python exits.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is no file (main() called with its output captured): nothing to silence
    finally:
        os.close(devnull)  # dup2 made a copy; main() may run again in the same process


def _dispatch(args: argparse.Namespace) -> int:
    from igftui.store.errors import CatalogueError, NotACatalogue, SessionNotFound
    from igftui.store.location import BadLocation

    handlers = {
        None: _run_app,
        "import": _import,
        "list": _list,
        "show": _show,
        "export": _export,
        "check": _check,
        "similar": _similar,
        "overlaps": _overlaps,
        "rules": _rules,
        "samples": _samples,
        "backup": _backup,
        "restore": _restore,
        "forget": _forget,
        "history": _history,
        "delete": _delete,
        "duplicate": _duplicate,
        "deleted": _deleted,
        "undelete": _undelete,
        "compact": _compact,
    }
    try:
        # Every catalogue a command opens is closed when it ends, not left to the
        # process's exit: main() may run again in the same process (a script, the tests).
        with ExitStack() as args.opened:
            return handlers[args.command](args)
    except SessionNotFound as exc:
        raise CommandFailed(str(exc)) from None
    except (NotACatalogue, BadLocation) as exc:
        raise UsageError(str(exc)) from None
    except CatalogueError as exc:
        raise CommandFailed(str(exc)) from None


def _catalogue_path(args: argparse.Namespace, settings: Settings | None = None) -> Path:
    """The catalogue file ``--db``, ``IGFTUI_DB`` or config.toml's ``db`` names.

    Raises :class:`BadLocation` (a usage error) for a URL: none is opened yet.
    """
    from igftui.config import SettingsError, catalogue_path

    try:
        return catalogue_path(args.db, settings)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def _open_catalogue(args: argparse.Namespace, *, create: bool = False) -> Catalogue:
    """The catalogue; a missing one is made only for a command that writes (``create``)."""
    from igftui.store.catalogue import Catalogue
    from igftui.store.errors import CatalogueError

    path = _catalogue_path(args)
    try:
        catalogue = Catalogue(path, create=create)
    except CatalogueError as exc:
        raise UsageError(str(exc)) from None
    opened = getattr(args, "opened", None)
    if opened is not None:
        opened.callback(catalogue.close)
    return catalogue


def _settings():
    from igftui.config import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def _print_json(data: Any) -> None:
    sys.stdout.write(json_terminal_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")


def _print_json_list(items: Iterable[Any], *, depth: int = 0, end: str = "\n") -> None:
    """A JSON list written item by item, as ``_print_json`` would lay it out whole.

    ``depth`` is how deep the list sits in an enclosing object (1 for a key of the
    top-level object); ``end`` is written after the closing bracket.
    """
    out = sys.stdout
    inner = "  " * (depth + 1)
    first = True
    for item in items:
        # What textwrap.indent gives, at a fraction of its cost for thousands of sessions:
        # JSON laid out by json.dumps has no blank line (a newline in a text is escaped).
        text = inner + json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n" + inner)
        out.write(("[\n" if first else ",\n") + text)
        first = False
    out.write(("[]" if first else "\n" + "  " * depth + "]") + end)


# ----- commands -----


def _run_app(args: argparse.Namespace) -> int:
    settings = _settings()
    path = _catalogue_path(args, settings)
    if path.is_dir():
        raise UsageError(f"{path} is a folder, not a catalogue file")
    from igftui.store.first_page import FirstPageReading
    from igftui.store.paging import PAGE_SIZE

    # SQLite reads the first page while Python loads Textual (most of a launch).
    first_page = FirstPageReading(path, PAGE_SIZE)
    from igftui.tui.app import run_app  # Textual only loads when the app is wanted

    # The app opens the catalogue itself, after its first screen is painted.
    problem = run_app(path, settings, first_page)
    if problem:
        raise UsageError(problem)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from igftui.services.importing import import_paths

    catalogue = _open_catalogue(args, create=True)
    progress = _ProgressLine() if sys.stderr.isatty() else None
    # Only a line per session is kept: a file may hold a whole catalogue.
    report = import_paths(
        catalogue,
        args.paths,
        year=args.year,
        progress=progress,
        merge_into_drafts=args.merge,
        session_progress=progress.sessions if progress is not None else None,
        keep_sessions=False,
    )
    if progress is not None:
        progress.clear()
    if args.json:
        # "imported" is every session the files brought, as the catalogue now holds it
        # (new, merged, or already there unchanged), written one at a time: a script
        # importing a file again still learns the ids of its sessions.
        sys.stdout.write('{\n  "imported": ')
        _print_json_list((session.to_json() for session in _stored_sessions(catalogue, report)), depth=1, end=",\n")
        sys.stdout.write('  "skipped": ')
        _print_json_list((skip.to_json() for skip in report.skipped), depth=1, end="\n}\n")
    else:
        for line in report.sessions:
            detail = line.what_happened()
            print(f"{line.verb:<9} #{line.id}  {line.headline()}" + (f": {detail}" if detail else ""))
        print(report.totals())
        for skip in report.skipped:
            print(f"skipped   {_about(skip.path, skip.reason)}")
    for skip in report.skipped if args.json else ():
        print(f"igftui: skipped {_about(skip.path, skip.reason)}", file=sys.stderr)
    for warning in report.warnings:
        # A page read only in part is imported; the user hears what it lacked, on stderr
        # so that `import --json` keeps its output exactly the contract's shape.
        print(f"igftui: warning: {_about(warning.path, warning.message)}", file=sys.stderr)
    return EXIT_FAILED if report.skipped else EXIT_OK


def _stored_sessions(catalogue: Any, report: Any) -> Iterable[Any]:
    """The sessions of the imported files, as the catalogue now holds them, in the order met.

    A session removed since (by another copy of igftui) is passed over.
    """
    return catalogue.sessions_by_id(line.id for line in report.sessions if line.action != "kept")


class _ProgressLine:
    """ "Importing 120/500 files…" on a terminal's stderr, rewritten in place, cleared at the end.

    Within a large file, "Importing catalogue.json: 12,000 sessions…" as they are stored.
    """

    #: Up to this many files an import is quick enough to need no progress line.
    quiet_up_to = 20
    #: Sessions of one file stored before its line appears, and how often it is rewritten.
    sessions_quiet_up_to = 200
    every = 0.1

    def __init__(self, clock: Any = None) -> None:
        import time

        self.shown = False
        self.clock = clock or time.monotonic
        self.last = float("-inf")

    def __call__(self, done: int, total: int, path: Path) -> None:
        if total <= self.quiet_up_to:
            return
        self.shown = True
        sys.stderr.write(f"\rImporting {done}/{total} files…\033[K")
        sys.stderr.flush()

    def sessions(self, path: Path, stored: int) -> None:
        if stored <= self.sessions_quiet_up_to:
            return
        now = self.clock()
        # Called for every session: a terminal is rewritten a few times a second, not
        # thousands.
        if now - self.last < self.every:
            return
        self.last = now
        self.shown = True
        sys.stderr.write(f"\rImporting {path.name}: {stored:,} sessions…\033[K")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


class _Progress(_ProgressLine):
    """How much of some work is done, in percent, on the same line as an import's progress."""

    def __init__(self, what: str, clock: Any = None) -> None:
        super().__init__(clock)
        self.what = what

    def counted(self, done: int, total: int) -> None:
        now = self.clock()
        # Called for every session, as the import's count of sessions is.
        if now - self.last < self.every and done < total:
            return
        self.last = now
        self.shown = True
        sys.stderr.write(f"\r{self.what}: {100 * done // max(total, 1)}%…\033[K")
        sys.stderr.flush()


def _filters(args: argparse.Namespace) -> SessionFilter:
    from igftui.store.listing import SessionFilter

    return SessionFilter(
        query=args.query, year=args.year, session_type=args.type, status=args.status, format=args.format
    )


def _list(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise UsageError("--limit must be at least 1")
    catalogue = _open_catalogue(args)
    filters = _filters(args)
    if args.json:
        # Written as read, one session at a time: a whole catalogue can be large.
        _print_json_list(
            s.to_json(include_private=args.include_private) for s in catalogue.each_session(filters, limit=args.limit)
        )
        return EXIT_OK
    if args.include_private:
        raise UsageError("--include-private goes with --json (the table shows no private fields)")
    from igftui.model import vocabulary

    rows = catalogue.list(filters, limit=args.limit)
    if not rows:
        print(
            "no sessions match"
            if catalogue.count()
            else "the catalogue is empty: 'igftui samples' loads the sample catalogue"
        )
        return EXIT_OK
    table = [("ID", "CODE", "YEAR", "TYPE", "TITLE", "FORMAT", "STATUS")]
    for row in rows:
        table.append(
            (
                str(row.id),
                terminal_safe(row.code or "", one_line=True),
                str(row.year or ""),
                _label(vocabulary.SessionType, row.session_type),
                _clip(terminal_safe(row.title or "", one_line=True), 60),
                _label(vocabulary.Format, row.format),
                row.status,
            )
        )
    _print_table(table)
    total = catalogue.count(filters)
    if total > len(rows):
        print(f"({len(rows)} of {total} shown)")
    return EXIT_OK


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number from 0 to 1") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{value:g} is not from 0 to 1 (0: any shared word, 1: the same text)")
    return value


def _similar(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    from igftui.services.similar import similar_sessions

    catalogue = _open_catalogue(args)
    session = catalogue.get(args.id)
    found = similar_sessions(catalogue, session, year=args.year, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    "id": like.id,
                    "code": like.code,
                    "year": like.year,
                    "title": like.title,
                    "score": like.score,
                    "shared_terms": list(like.shared_terms),
                }
                for like in found
            ]
        )
        return EXIT_OK
    if not found:
        print("no session shares enough words with it" + (f" in {args.year}" if args.year else ""))
        return EXIT_OK
    table = [("ID", "CODE", "YEAR", "SCORE", "TITLE", "SHARED WORDS")]
    for like in found:
        table.append(
            (
                str(like.id),
                terminal_safe(like.code or "", one_line=True),
                str(like.year or ""),
                f"{like.score:.2f}",
                _clip(terminal_safe(like.title or "", one_line=True), 50),
                terminal_safe(", ".join(like.shared_terms), one_line=True),
            )
        )
    _print_table(table)
    return EXIT_OK


def _overlaps(args: argparse.Namespace) -> int:
    from igftui.services.similar import overlap_threshold, overlaps

    catalogue = _open_catalogue(args)
    threshold = args.threshold if args.threshold is not None else overlap_threshold(_settings().rules)
    progress = _Progress(f"Comparing the sessions of {args.year}") if sys.stderr.isatty() else None
    try:
        pairs = overlaps(
            catalogue, args.year, threshold=threshold, progress=progress.counted if progress is not None else None
        )
    finally:
        if progress is not None:
            progress.clear()
    if args.json:
        _print_json([{"a": pair.a, "b": pair.b, "score": pair.score} for pair in pairs])
        return EXIT_OK
    if not pairs:
        print(f"no two sessions of {args.year} are {threshold:.2f} alike or more")
        return EXIT_OK
    table = [("SCORE", "A", "B", "SHARED WORDS")]
    for pair in pairs:
        table.append(
            (
                f"{pair.score:.2f}",
                _clip(_summary_line(pair.first), 45),
                _clip(_summary_line(pair.second), 45),
                terminal_safe(", ".join(pair.shared_terms), one_line=True),
            )
        )
    _print_table(table)
    print(f"({plural(len(pairs), 'pair')} at {threshold:.2f} or more; 'igftui show ID' shows one)")
    return EXIT_OK


def _summary_line(summary: Any) -> str:
    """'#12 WS #88 Youth voices…': the id to type, the code people know, the title."""
    code = f" {summary.code}" if summary.code else ""
    return terminal_safe(f"#{summary.id}{code} {summary.title or '(no title)'}", one_line=True)


def _label(kind: Any, value: str | None) -> str:
    from igftui.model import vocabulary

    member = vocabulary.parse(kind, value)
    return member.label if member else (value or "")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _one_line(session: Any) -> str:
    return terminal_safe(session_line(session.year, session.display_code(), session.title), one_line=True)


def _show(args: argparse.Namespace) -> int:
    catalogue = _open_catalogue(args)
    session = catalogue.revision(args.id, args.revision) if args.revision is not None else catalogue.get(args.id)
    if args.json:
        _print_json(session.to_json())
        return EXIT_OK
    from igftui.formats.markdown import to_markdown

    if args.revision is not None:
        print(f"[#{session.id} · {session.status.label} · revision {args.revision}]")
    else:
        print(f"[#{session.id} · {session.status.label}]")
    sys.stdout.write(terminal_safe(to_markdown(session)))
    return EXIT_OK


# ----- history -----


def _history(args: argparse.Namespace) -> int:
    catalogue = _open_catalogue(args)
    revisions = catalogue.history(args.id)
    if args.json:
        _print_json([revision.to_json() for revision in revisions])
        return EXIT_OK
    from igftui.model.form import field_words
    from igftui.store.revisions import local_time

    table = [("REVISION", "SAVED", "HOW", "BY", "CHANGED")]
    for revision in revisions:
        table.append(
            (
                str(revision.number),
                local_time(revision.saved_at),
                revision.origin,
                revision.author or "",
                _changed_words([field_words(name) for name in revision.changed], first=revision.number == 1),
            )
        )
    _print_table(table)
    if revisions:
        print(f"(igftui show {args.id} --revision N shows one; to bring one back, open the session in the app)")
    return EXIT_OK


def _changed_words(words: list[str], *, first: bool) -> str:
    """The changed fields of one history line, short enough for a terminal's width."""
    if first:
        return "the first revision"
    if not words:
        return "nothing"
    shown: list[str] = []
    for word in words:
        if shown and len(", ".join([*shown, word])) > 50:
            return ", ".join(shown) + f" and {len(words) - len(shown)} more"
        shown.append(word)
    return ", ".join(shown)


def _print_table(table: Sequence[tuple[str, ...]]) -> None:
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for r in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())


def _export(args: argparse.Namespace) -> int:
    from igftui.formats.errors import FormatError
    from igftui.services.exporting import export_session, write_export

    catalogue = _open_catalogue(args)
    exported = export_session(
        catalogue, args.id, format=args.format, include_private=args.include_private, redact=args.redact
    )
    text = exported.text
    if args.output is None:
        # Exact when piped; on a terminal, text stored by an older igftui cannot act on it.
        safe = json_terminal_safe if args.format == "json" else terminal_safe
        sys.stdout.write(safe(text) if sys.stdout.isatty() else text)
        return EXIT_OK
    try:
        write_export(args.output, text, overwrite=args.force)
    except FormatError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"exported session #{exported.session.id} to {args.output}", file=sys.stderr)
    return EXIT_OK


def _rule_set(name: str | None) -> RuleSet:
    """The rule set ``name`` (a name or a TOML file's path), else the ``rules`` setting's, else the default."""
    from igftui.checks import RuleSetError, load_rule_set

    try:
        return load_rule_set(name or _settings().rules)
    except RuleSetError as exc:
        raise UsageError(str(exc)) from None


def _check(args: argparse.Namespace) -> int:
    from igftui.checks import Severity, rule_set_names, run_checks
    from igftui.services.rule_sets import rule_set_for

    # A rule set named is read first: a mistake in it is bad usage, whatever the session.
    rule_set = _rule_set(args.rules) if args.rules else None
    catalogue = _open_catalogue(args)
    session = catalogue.get(args.id)
    if rule_set is None:
        # One policy with the app: a catalogued session of a past year by the rules of its year.
        rule_set = _rule_set(rule_set_for(session, configured=_settings().rules))
    findings = run_checks(session, rule_set, catalogue)
    passed = not any(f.severity == Severity.ERROR for f in findings)
    if args.json:
        _print_json({"rules": rule_set.name, "passed": passed, "findings": [f.to_json() for f in findings]})
    else:
        print(f"{_one_line(session)}: checked with {rule_set.name}")
        for finding in findings:
            print(
                f"{finding.severity.symbol} {finding.severity.value:<7} {finding.rule}  "
                f"{terminal_safe(finding.message, one_line=True)}"
            )
            if finding.hint:
                print(f"  {'':7} {'':{len(finding.rule)}}  hint: {terminal_safe(finding.hint, one_line=True)}")
        verdict = "passed" if passed else "failed"
        print(f"{verdict}: {finding_counts(f.severity.value for f in findings)}")
        older = f"igf-{session.year}"
        if (
            not args.rules
            and not _settings().rules
            and rule_set.name != older
            and session.year
            and older in rule_set_names()
        ):
            # A draft of a past year is judged by the newest rules (services.rule_sets);
            # say how to see it as the committee of its year would have.
            print(f"(for the rules of {session.year}: igftui check {session.id} --rules {older})")
    return EXIT_OK if passed else EXIT_FAILED


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def _about(path: str, reason: str) -> str:
    """'file: reason', unless the reason is a sentence that names the file already."""
    named = (path, os.path.basename(path))
    return terminal_safe(reason if reason.startswith(named) else f"{path}: {reason}", one_line=True)


def _rules(args: argparse.Namespace) -> int:
    from igftui.checks import describe_rules

    rule_set = _rule_set(args.rules) if args.rules else None
    # With a rule set, a rule it uses shows the severity and settings it has there.
    active = {rule.id: rule for rule in rule_set.rules} if rule_set is not None else None
    infos = describe_rules()
    if args.json:
        _print_json(
            [
                {
                    "id": i.id,
                    "severity": i.severity.value,
                    "title": i.title,
                    "source": i.source,
                    "since": i.since,
                    "params": i.params,
                    **({"in_rule_set": i.id in active} if active is not None else {}),
                }
                for i in infos
            ]
        )
        return EXIT_OK
    for info in infos:
        used = active.get(info.id) if active is not None else None
        severity = used.severity if used is not None else info.severity
        params = used.params if used is not None else info.params
        mark = "" if active is None else ("* " if used is not None else "  ")
        indent = " " * len(mark) + " " * len(info.id) + "  " + " " * 7 + "  "
        print(f"{mark}{info.id}  {severity.value:<7}  {info.title}")
        since = f"; in the rule sets from igf-{info.since}" if info.since else ""
        print(f"{indent}from {info.source}{since}")
        if params:
            # In the TOML a custom rule set uses, so it can be copied into one.
            print(f"{indent}settings: " + ", ".join(f"{k} = {_toml(v)}" for k, v in params.items()))
    if rule_set is not None:
        print(f"* = used by {rule_set.name}")
    return EXIT_OK


def _samples(args: argparse.Namespace) -> int:
    from igftui.services.samples import load_samples

    catalogue = _open_catalogue(args, create=True)
    loaded = load_samples(catalogue)
    if loaded.added:
        print(
            f"loaded {loaded.added} sample sessions into {catalogue.path}"
            + (f" ({loaded.already_there} were there already)" if loaded.already_there else "")
        )
    else:
        print(f"the {loaded.already_there} sample sessions are already in {catalogue.path}")
    return EXIT_OK


def _backup(args: argparse.Namespace) -> int:
    from igftui.store.backups import make_backup
    from igftui.store.errors import CatalogueMissing

    path = _catalogue_path(args)
    try:
        made = make_backup(path, args.file, overwrite=args.force)
    except CatalogueMissing as exc:
        raise UsageError(str(exc)) from None
    print(made.describe())
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from igftui.store.errors import CatalogueError
    from igftui.store.restoring import plan_restore, restore

    path = _catalogue_path(args)
    try:
        plan = plan_restore(path, args.file)
    except CatalogueError as exc:
        raise UsageError(str(exc)) from None
    if not args.yes:
        if sys.stdin is None or not sys.stdin.isatty():
            raise UsageError("restore replaces the whole catalogue: run it in a terminal to be asked, or add --yes")
        sys.stderr.write(plan.question() + " ")
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("y", "yes"):
            raise CommandFailed("nothing was restored: the catalogue is as it was")
    done = restore(plan)
    for line in done.describe(plan):
        print(line)
    return EXIT_OK


def _forget(args: argparse.Namespace) -> int:
    catalogue = _open_catalogue(args)
    try:
        erased = catalogue.forget(args.name, dry_run=args.dry_run)
    finally:
        catalogue.close()
    if args.json:
        _print_json(erased.to_json())
    lines = erased.describe()
    if not erased.found:
        raise CommandFailed(lines[0])
    if not args.json:
        for line in lines:
            print(line)
    if erased.bytes_gone is False:
        raise CommandFailed(lines[-2])
    return EXIT_OK


# ----- deleting and duplicating drafts -----


def _ask(question: str, *, refusal: str) -> None:
    """Ask ``question`` on the terminal; anything but yes is :class:`CommandFailed` with ``refusal``."""
    sys.stderr.write(terminal_safe(question, one_line=True) + " [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise CommandFailed(refusal)


def _delete(args: argparse.Namespace) -> int:
    from igftui.store.deleting import NotYourOwn

    catalogue = _open_catalogue(args)
    # Asked only on a terminal: a deleted draft can be brought back, so a script need not say --yes.
    if not args.yes and sys.stdin is not None and sys.stdin.isatty():
        session = catalogue.get(args.id)
        _ask(
            f"Delete #{session.id} {_one_line(session)}? It can be brought back with "
            f"'igftui undelete {session.id}' until 'igftui compact'.",
            refusal="nothing was deleted",
        )
    try:
        deleted = catalogue.delete_draft(args.id)
    except NotYourOwn as exc:
        raise CommandFailed(str(exc)) from None
    print(
        terminal_safe(
            f"deleted #{deleted.session_id} {deleted.name}: 'igftui undelete {deleted.session_id}' "
            f"brings it back with its history (until 'igftui compact')",
            one_line=True,
        )
    )
    return EXIT_OK


def _duplicate(args: argparse.Namespace) -> int:
    catalogue = _open_catalogue(args)
    copy = catalogue.duplicate(args.id)
    if args.json:
        _print_json(copy.to_json())
    else:
        print(copy.id)
    return EXIT_OK


def _deleted(args: argparse.Namespace) -> int:
    from igftui.store.revisions import local_time

    catalogue = _open_catalogue(args)
    drafts = catalogue.deleted_drafts()
    if args.json:
        _print_json([draft.to_json() for draft in drafts])
        return EXIT_OK
    if not drafts:
        print("no deleted drafts")
        return EXIT_OK
    table = [("ID", "UID", "DELETED", "STATUS", "TITLE")]
    for draft in drafts:
        table.append(
            (
                str(draft.session_id),
                draft.uid[:12],
                local_time(draft.deleted_at),
                draft.status,
                _clip(terminal_safe(draft.name, one_line=True), 60),
            )
        )
    _print_table(table)
    print("('igftui undelete ID' brings one back; 'igftui compact' removes them for good)")
    return EXIT_OK


def _undelete(args: argparse.Namespace) -> int:
    from igftui.store.deleting import DeletedDraftNotFound

    catalogue = _open_catalogue(args)
    try:
        session = catalogue.undelete(args.which)
    except DeletedDraftNotFound as exc:
        raise CommandFailed(str(exc)) from None
    if args.json:
        _print_json(session.to_json())
    else:
        print(f"brought back #{session.id} {_one_line(session)}, with its history")
    return EXIT_OK


def _compact(args: argparse.Namespace) -> int:
    from igftui.store.deleting import gone_for_good_on_compact

    catalogue = _open_catalogue(args)
    try:
        count = gone_for_good_on_compact(catalogue)
        drafts = plural(count, "deleted draft")
        if not args.yes:
            if sys.stdin is None or not sys.stdin.isatty():
                raise UsageError(f"compact removes {drafts} for good: run it in a terminal to be asked, or add --yes")
            _ask(
                f"Remove {drafts} for good? They cannot be brought back after this.",
                refusal="nothing was removed: the deleted drafts can still be brought back",
            )
        done = catalogue.compact()
    finally:
        catalogue.close()
    print(f"removed {plural(done.removed, 'deleted draft')} for good; the catalogue file was rebuilt")
    if not done.bytes_gone:
        raise CommandFailed(
            "another igftui has the catalogue open: its journal may still hold the removed "
            "text until that copy closes; run 'igftui compact' again then"
        )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
