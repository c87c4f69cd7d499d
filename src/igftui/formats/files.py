"""Reading the user's files and writing exports, with messages a user can act on.

Two promises are kept here so that every caller keeps them:

* An export never leaves a half-written file.  The text goes to a temporary file
  in the target's folder (the same file system, so the final rename is atomic) and
  only a complete, flushed file takes the target's name.  A file that is already
  there is replaced only when the user asked for it (``--force``).
* A file the user hands to igftui is read whole or refused with one sentence that
  says why: missing, a folder, unreadable, empty, too big, binary, or not in an
  encoding igftui reads.  igftui reads UTF-8 (with or without a byte-order mark)
  and UTF-16 or UTF-32 with a byte-order mark; it does not guess legacy encodings,
  because a wrong guess would silently corrupt names with accents, so a file in
  Windows-1252 or Latin-1 is refused with a hint to save it as UTF-8.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
import tempfile
from pathlib import Path

from igftui.formats.errors import FormatError, TargetExists
from igftui.model.wording import plural

#: Exports may hold speakers' e-mail addresses and the organiser's notes: owner only.
EXPORT_MODE = 0o600

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

# Flags that exist only on some systems: no waiting on a pipe, no taking a terminal as ours,
# no newline translation (Windows).
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Files people drop into an import folder by mistake, named so the message helps.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a zip archive or an Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


# ----- writing -----


def write_atomically(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` as UTF-8 to ``path`` so the file is either complete or untouched.

    Raises :class:`TargetExists` when ``path`` exists and ``overwrite`` is false, and
    :class:`FormatError` with one clear sentence for anything else that goes wrong
    (missing folder, no permission, full disk).  The file gets mode 0600, also when it
    replaces an existing one: exports may carry private data, and a replaced file
    should not stay readable by others just because the old one was.
    """
    path = Path(path)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # Only broken text (an unpaired surrogate) gets here; writing it with
        # "replace" would change the user's data without a word.
        raise FormatError(f"cannot write {path}: the text holds a character that is not valid Unicode") from None
    folder = path.parent
    try:
        if path.is_dir():
            raise FormatError(f"{path} is a folder; give the name of a file to write")
        if path.exists() and not overwrite:
            raise TargetExists(f"{path} exists; use --force to overwrite")
        # A short prefix: the temporary name must fit where the target's name fits.
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:32]}.", suffix=".tmp")
    except TargetExists:
        raise  # it is an OSError too (FileExistsError), with its own message
    except OSError as exc:
        raise FormatError(_write_problem(path, exc)) from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                # The rename below must not publish a file whose bytes are still
                # only in memory: a crash would leave an empty or partial export.
                os.fsync(handle.fileno())
            os.chmod(temp, EXPORT_MODE)  # mkstemp already uses 0600; keep it explicit
            if overwrite:
                os.replace(temp, path)
            else:
                _publish_without_overwriting(temp, path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
    except TargetExists:
        raise
    except OSError as exc:
        raise FormatError(_write_problem(path, exc)) from None
    _sync_folder(folder)


def _publish_without_overwriting(temp: Path, path: Path) -> None:
    """Give ``temp`` the name ``path`` unless a file took that name meanwhile.

    A hard link fails when the name exists, so another program creating the file
    between our check and now is not silently overwritten.  File systems without
    hard links (FAT, some network shares) fall back to check-then-rename.
    """
    try:
        os.link(temp, path)
    except FileExistsError:
        raise TargetExists(f"{path} exists; use --force to overwrite") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if path.exists():
            raise TargetExists(f"{path} exists; use --force to overwrite") from None
        os.replace(temp, path)
    else:
        temp.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself survive a power cut; not possible everywhere (Windows),
    # and the file is already complete, so failure here is not the user's problem.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_problem(path: Path, exc: OSError) -> str:
    code = exc.errno
    if code == errno.ENOENT:
        return f"cannot write {path}: the folder {path.parent} does not exist"
    if code == errno.ENOTDIR:
        return f"cannot write {path}: {path.parent} is not a folder"
    if code in (errno.EACCES, errno.EPERM):
        return f"cannot write {path}: permission denied"
    if code == errno.EROFS:
        return f"cannot write {path}: the disk is read-only"
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full (nothing was changed)"
    if code == errno.ENAMETOOLONG:
        return f"cannot write {path}: the file name is too long"
    if code == errno.EISDIR:
        return f"{path} is a folder; give the name of a file to write"
    reason = exc.strerror or exc.__class__.__name__
    return f"cannot write {path}: {reason[:1].lower() + reason[1:]}"


# ----- reading -----


def read_text_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of a file the user gave igftui, or :class:`FormatError` saying why not.

    Accepts UTF-8 (a byte-order mark is dropped) and UTF-16/UTF-32 with a
    byte-order mark.  Line endings come back as ``\\n`` whatever the file used.
    Files larger than ``max_bytes`` are refused before they are read, and so are
    devices and pipes, which could block or never end.
    """
    path = Path(path)
    name, info = _regular_file(path)
    if info.st_size > max_bytes:
        raise FormatError(f"{name} is {_size(info.st_size)}; igftui reads files up to {_size(max_bytes)}")
    try:
        # Non-blocking, and checked again once open: a file swapped for a pipe since stat()
        # must not make the open wait for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise FormatError(f"{name} is not a regular file (a device, pipe or socket)")
            # One byte more than allowed tells a file that grew since stat() apart.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FormatError(_read_problem(name, exc)) from None
    if len(data) > max_bytes:
        raise FormatError(f"{name} is larger than {_size(max_bytes)}, the most igftui reads")
    text = decode_text(data, name)
    if not text.strip():
        raise FormatError(f"{name} is empty")
    return text


class TextStream:
    """A text file read piece by piece, decoded as :func:`read_text_file` decodes it.

    For files too large to read whole (a catalogue's JSON): no size limit, and a
    problem met while reading is a :class:`FormatError` with one clear sentence.
    """

    def __init__(self, path: Path, name: str, handle: io.BufferedReader, encoding: str) -> None:
        self.path = path
        self.name = name
        self._handle = handle
        # newline=None: line endings come back as "\n", as read_text_file gives them.
        self._text = io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline=None)
        self._lines = 0

    def read(self, size: int = -1) -> str:
        try:
            text = self._text.read(size)
        except UnicodeDecodeError:
            raise FormatError(
                f"{self.name} is not UTF-8 text (after line {self._lines + 1}); save it as UTF-8"
            ) from None
        except OSError as exc:
            raise FormatError(_read_problem(self.name, exc)) from None
        self._lines += text.count("\n")
        return text

    def close(self) -> None:
        self._text.close()

    def __enter__(self) -> TextStream:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _regular_file(path: Path) -> tuple[str, os.stat_result]:
    """The file's name for messages and its status; :class:`FormatError` when it is not a
    regular file (missing, a folder, a device or a pipe, which could block or never end)."""
    name = path.name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise FormatError(f"{name}: no such file") from None
    except OSError as exc:
        raise FormatError(_read_problem(name, exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FormatError(f"{name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise FormatError(f"{name} is not a regular file (a device, pipe or socket)")
    return name, info


def open_text_stream(path: Path) -> TextStream:
    """A file the user gave igftui, to be read piece by piece; :class:`FormatError` says why not.

    The checks of :func:`read_text_file` (missing, a folder, a device, empty, binary,
    an encoding igftui does not read) are made on the file's beginning, so a wrong file
    is refused before anything is read from it.
    """
    path = Path(path)
    name, _info = _regular_file(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise FormatError(_read_problem(name, exc)) from None
    try:
        start = handle.read(_SAMPLE)
        encoding = _encoding_of(start, name)
        handle.seek(0)
    except OSError as exc:
        handle.close()
        raise FormatError(_read_problem(name, exc)) from None
    except BaseException:
        handle.close()
        raise
    return TextStream(path, name, handle, encoding)


#: How much of a large file is looked at to tell what it is.
_SAMPLE = 65536


def _encoding_of(start: bytes, name: str) -> str:
    """The encoding a file's first bytes say it is in, or :class:`FormatError` as decode_text says it."""
    if not start:
        raise FormatError(f"{name} is empty")
    for bom, encoding in _BOMS:
        if start.startswith(bom):
            return encoding
    for magic, kind in _MAGIC:
        if start.startswith(magic):
            raise FormatError(f"{name} is a binary file ({kind}), not text; copy its text into a UTF-8 text file")
    if b"\x00" in start:
        if _looks_like_bomless_utf16(start):
            raise FormatError(f"{name} is UTF-16 text without a byte-order mark; save it as UTF-8")
        raise FormatError(f"{name} is a binary file, not text")
    if _mostly_control(start):
        raise FormatError(f"{name} is a binary file, not text")
    return "utf-8"


def starts_like_json(path: Path) -> bool:
    """Whether a file's first character (after a byte-order mark and white space) opens JSON."""
    try:
        with Path(path).open("rb") as handle:
            start = handle.read(_SAMPLE)
    except OSError:
        return False
    for bom, encoding in _BOMS:
        if start.startswith(bom):
            start = start.decode(encoding, errors="ignore").encode("utf-8", errors="ignore")
            break
    return start.lstrip(b" \t\r\n").startswith((b"{", b"["))


def decode_text(data: bytes, name: str) -> str:
    """Decode a file's bytes as :func:`read_text_file` does; ``name`` is for the message."""
    # The same judgement of the bytes as a file read piece by piece gets (empty, binary,
    # UTF-16 without a byte-order mark...), made on all of them.
    encoding = _encoding_of(data, name)
    if encoding != "utf-8":
        try:
            return _newlines(data.decode(encoding))
        except UnicodeDecodeError:
            raise FormatError(
                f"{name} starts like {_encoding_name(encoding)} text but is not; save it as UTF-8"
            ) from None
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if _legacy_encoding_guess(data):
            raise FormatError(
                f"{name} is not UTF-8 text (line {line} looks like Windows-1252); save it as UTF-8"
            ) from None
        raise FormatError(f"{name} is not UTF-8 text (line {line}); save it as UTF-8") from None


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _encoding_name(encoding: str) -> str:
    return {"utf-32": "UTF-32", "utf-16": "UTF-16", "utf-8-sig": "UTF-8"}[encoding]


def _looks_like_bomless_utf16(data: bytes) -> bool:
    # ASCII text in UTF-16 has a zero in every other byte and nowhere else.
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd)


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"


def _mostly_control(data: bytes) -> bool:
    # Text has almost no control characters; a tenth of them means a binary file.
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > 0.1 * len(sample)


def _legacy_encoding_guess(data: bytes) -> bool:
    """Whether the bytes read as Windows-1252 (or Latin-1) text, to name it in the message.

    European text in those encodings is mostly ASCII with an accented letter here
    and there; bytes that cp1252 leaves undefined, or a majority of high bytes (as in
    Shift-JIS or GBK), mean some other encoding, and naming the wrong one would
    send the user to convert from it.
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    high = sum(1 for byte in data[:65536] if byte >= 0x80)
    return high <= 0.3 * min(len(data), 65536)


def _read_problem(name: str, exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{name} cannot be read: permission denied"
    if exc.errno == errno.EISDIR:
        return f"{name} is a folder, not a file"
    if exc.errno == errno.ENOENT:
        return f"{name}: no such file"
    reason = exc.strerror or exc.__class__.__name__
    return f"{name} cannot be read: {reason[:1].lower() + reason[1:]}"


def _size(count: int) -> str:
    """A size as people say it: "812 bytes", "40.5 KB", "7.2 MB" (1 KB = 1024 bytes)."""
    if count < 1024:
        return plural(count, "byte")
    if count < 1024 * 1024:
        return f"{count / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{count / (1024 * 1024):.1f}".removesuffix(".0") + " MB"
