"""Text that can neither act on a terminal nor hide in the catalogue: no escape sequences, no controls.

A page copied from a hostile site, or a JSON file made to attack the person who
imports it, can carry terminal escape sequences: ``ESC ] 0 ; title BEL`` renames the
terminal window, ``ESC [ 2 J`` clears the screen, others rewrite what was printed or
answer back to the terminal.  Two promises keep them harmless:

* :func:`clean_text` is what every text of a session goes through on its way in (the
  model's validators call it): whole escape sequences are removed, not only their ESC
  byte (which would leave "]0;pwned" in a title), and so is every other control
  character but the newline and the tab.
* :func:`terminal_safe` is for text on its way out to a terminal that may not have been
  cleaned (a file name, a session stored by an older igftui): every control character
  is shown as a visible escape such as ``\\x1b``, so nothing is lost and nothing acts.

Plain ``re`` only, no Textual and no pydantic, and linear in the length of the text:
it runs on pages of megabytes.
"""

from __future__ import annotations

import re

# ECMA-48, in 7-bit (ESC and a letter) and 8-bit (one C1 character) forms.  A control
# string (OSC, DCS, SOS, PM, APC) runs to its terminator (BEL or ST); one that never ends
# is cut at the end of its line (any line break), so a stray ESC cannot swallow the rest of a page.
_STRING = (
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*(?:\x07|\x1b\\|\x9c)?"
)
# CSI: parameters, intermediates, then one final byte (cut short at the end of the text).
_CSI = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
# Any other escape: ESC, intermediates, one final byte ("ESC c" resets the terminal).
_ESCAPE = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
# What is left: C0 controls but tab and newline, DEL, and the C1 controls.
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_UNSAFE = re.compile(f"{_STRING}|{_CSI}|{_ESCAPE}|{_CONTROL}")
# Vertical tab, form feed, the file/group/record separators and NEL: what str.splitlines breaks at.
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85]")
# A lone surrogate (a byte of a file name that is not UTF-8) cannot be stored or written
# as UTF-8 at all; it is kept as the replacement character, which says "a character was here".
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NEEDS_CLEANING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

# Lone surrogates stand for bytes of a file name that are not UTF-8 (Python's
# "surrogateescape"); they cannot be written to a UTF-8 terminal at all.
_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def clean_text(text: str) -> str:
    """``text`` without escape sequences and control characters; newlines and tabs stay.

    Line endings become ``\\n`` (a lone carriage return, which moves a terminal's cursor
    back over what was written, is a line break) and a lone surrogate becomes U+FFFD.
    Text without any of these, nearly all text, comes back as it is without further work.
    """
    if _NEEDS_CLEANING.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Controls that Python (and so the Markdown export) takes for line breaks are line
    # breaks: removed, they would glue the words either side together.
    text = _BREAKS.sub("\n", text)
    return _SURROGATE.sub("\ufffd", _UNSAFE.sub("", text))


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """``text`` fit to print on a terminal: every control character shown as an escape.

    ESC becomes ``\\x1b``, a C1 control such as CSI ``\\x9b``, a byte of a file name that
    is not UTF-8 ``\\xff``; newlines and tabs are kept unless ``one_line`` is set, when
    they show as ``\\n`` and ``\\t`` (a file name must not start a line of its own that
    reads like the report's).  A backslash stays a backslash.
    """
    return (_ONE_LINE if one_line else _MULTILINE).sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte that surrogateescape stood in for
    if code >= 0xD800:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


# Outside JSON's own escapes: DEL, the C1 controls and lone surrogates.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def json_terminal_safe(json_text: str) -> str:
    """JSON text (``ensure_ascii=False``) that reads back the same and is safe on a terminal.

    ``json.dumps`` escapes the C0 controls but writes C1 controls (``\\x9b`` is CSI to
    some terminals) and lone surrogates (bytes of a file name that is not UTF-8, which
    no UTF-8 output can even hold) as they are; here they become ``\\u`` escapes, which
    JSON reads back as the same characters.
    """
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)
