"""Clean what a user copied from an IGF page into plain lines the other modules can read.

Copies from the IGF site carry more than the words: non-breaking spaces, a padlock emoji
inside organisation names, Cloudflare's "[email protected]" in place of addresses, view
counters, "Skip to main content", four spaces before every line, and Markdown when the
copy went through a note-taking app.  All of that is settled here, once, so the readers
of titles, dates, people and fields see ordinary text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, TypeVar

from igftui.model.text_safety import clean_text
from igftui.model.wording import fold as fold_case_and_accents

T = TypeVar("T")

#: Entries each line reader keeps (``functools.lru_cache``).  Pages repeat lines ("Civil
#: Society, African Group", room names, format lines), and every line passes through
#: several readers in turn, so a big listing reads its repeated lines once.
LINE_CACHE = 4096
#: Longer lines are read without the cache: a paragraph is seldom repeated, and keeping
#: thousands of long lines (a hostile page has lines of megabytes) would hold on to
#: memory long after their import.
CACHED_LINE = 500

#: Stands where a page had an obfuscated e-mail address.  On some pages (the 2023 Day 0
#: form) it is the only thing between one speaker and the next, so it is kept as a mark
#: for the people reader to split on, and removed from everything else by :func:`unmark`.
EMAIL_MARK = "\ue000"

_SPACES = {
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2008": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\t": " ",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
    "\ufe0f": "",
    "\u00ad": "",
    # The rest of Unicode's white space: after this a line's only white space is the plain
    # space, so no pattern below meets a run of some other kind of space.
    "\u1680": " ",
    "\u2000": " ",
    "\u2001": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u205f": " ",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
_SPACE_TABLE = str.maketrans(_SPACES)
# Padlocks mark fields the site keeps private; they are not part of the value.
_LOCKS = re.compile("[\U0001f510-\U0001f513]")
_OBFUSCATED = re.compile(r"\[\s*email(?:&#160;|&nbsp;|\s)*protected\s*\]", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_VIEWS = re.compile(r"(?:^|\|\s*)\d[\d,.\s]*\s+views?\s*$", re.IGNORECASE)
_BOILERPLATE = {
    "skip to main content",
    "skip to content",
    "main navigation",
    "breadcrumb",
    "you are here",
    "share this page",
    "print this page",
    "back to top",
    "menu",
    "main menu",
    "search",
    "share",
    "share this",
    "share on",
    "print",
    "toggle navigation",
}
# A row of share buttons copied as text: "Facebook Twitter LinkedIn Email".
_SHARE_ROW = re.compile(
    r"^(?:(?:share\s+on\s+)?"
    r"(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|telegram|reddit|print|copy link)[\s|,·]*){2,}$",
    re.IGNORECASE,
)
# A cookie banner: it opens by saying the site uses cookies, or it ends in its buttons
# (no full stop after them, which tells it from a sentence about cookies).
_COOKIE_BANNER = re.compile(
    r"^(?:we|this (?:web)?site|our (?:web)?site)\s+uses?\s+cookies\b|\bcookies?\b.*\b(?:accept|decline|reject|"
    r"ok|got it|i agree|more info(?:rmation)?|learn more)(?:\s+(?:all|cookies))?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•◦▪▫●○■□‣⁃∙·]|[*+](?=\s))\s*")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?$")
_MD_QUOTE = re.compile(r">[>\s]*")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_SPACE_RUN = re.compile(r" {2,}")
_MAX_BLANKS = 3
#: A line without any of these has no Markdown, bullet or table in it.
_MARKUP_CHARS = re.compile(r"[-#>!\[\]<*_\\|`~+•◦▪▫●○■□‣⁃∙·]")


def line_cache(reader: Callable[..., T]) -> Callable[..., T]:
    """``functools.lru_cache`` for a line reader, for lines up to :data:`CACHED_LINE` long."""
    cached = lru_cache(maxsize=LINE_CACHE)(reader)

    @wraps(reader)
    def read(line: str, *args: Any, **kwargs: Any) -> T:
        return cached(line, *args, **kwargs) if len(line) <= CACHED_LINE else reader(line, *args, **kwargs)

    return read


def normalise_page(text: str) -> str:
    """The page as plain lines: spacing, Markdown, bullets and site boilerplate settled.

    Every line is stripped of surrounding spaces (some copies indent every line by four),
    bullets become "- ", runs of spaces become one, and blank lines are kept as they
    are, because on IGF pages a double blank line often separates answers whose
    question labels were lost.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = clean_text(text.translate(_SPACE_TABLE))  # terminal escapes and controls go here, whole
    text = _LOCKS.sub("", text)
    text = _OBFUSCATED.sub(f" {EMAIL_MARK} ", text)
    lines: list[str] = []
    fenced = False
    blank_run = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            # No reader tells three blank lines from more; a page of nothing stays small.
            blank_run += 1
            if blank_run <= _MAX_BLANKS:
                lines.append("")
            continue
        blank_run = 0
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            line = _markdown_line(line)
        line = _SPACE_RUN.sub(" ", line).strip()
        if (
            line.casefold().rstrip(".:") in _BOILERPLATE
            or _VIEWS.search(line)
            or _SHARE_ROW.match(line)
            or (len(line) < 600 and _COOKIE_BANNER.search(line))
        ):
            continue
        lines.append(line)
    return "\n".join(lines).strip("\n")


def _markdown_line(line: str) -> str:
    if not _MARKUP_CHARS.search(line):
        return line  # plain text, most lines: nothing below would change it
    if _MD_RULE.match(line) and not line.startswith("- "):
        return ""
    if _MD_TABLE_RULE.match(line) and "-" in line:
        return ""
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    quote = _MD_QUOTE.match(line)
    if quote:
        line = line[quote.end() :]
    line = _MD_IMAGE.sub(lambda m: m.group(1), line)
    line = _MD_LINK.sub(lambda m: m.group(1), line)
    line = _MD_AUTOLINK.sub(lambda m: m.group(1), line)
    bullet = _BULLET.match(line)
    if bullet:
        line = "- " + line[bullet.end() :]
    line = _MD_STRONG.sub(lambda m: m.group(2), line)
    line = _MD_EMPHASIS.sub(lambda m: m.group(1), line)
    line = _MD_ESCAPE.sub(lambda m: m.group(1), line)
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        # A Markdown table row: its cells read as one line of text.
        line = " ".join(cell.strip() for cell in line.strip("|").split("|") if cell.strip())
    return line


def unmark(text: str) -> str:
    """Text fit for a field: the e-mail marks and plain addresses removed, spacing tidied."""
    text = text.replace(EMAIL_MARK, " ")
    text = _EMAIL.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def fold(text: str) -> str:
    """Text folded for comparing labels: case and accents off (the shared fold), spaces single."""
    return " ".join(fold_case_and_accents(text).split())


def paragraphs(lines: list[str]) -> list[str]:
    """Lines joined into paragraphs at blank lines; each paragraph keeps its line breaks."""
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out
