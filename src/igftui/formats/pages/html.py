"""A saved IGF web page (.html) as the text a reader sees in the browser.

The page is parsed by Beautiful Soup with Python's own "html.parser" backend (no C
library to install), and the tree is walked: block elements start new lines, paragraphs
and headings are followed by a blank line, list items get a bullet, and what a reader
never sees as content (scripts, styles, navigation, forms, the document head) is left
out.  No regular expression ever looks at a tag.
"""

from __future__ import annotations

import re
import warnings

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)
from bs4.exceptions import ParserRejectedMarkup

from igftui.formats.errors import FormatError

#: Never content: code, styling, menus, the site footer, embedded media and the document head.
_DROPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "nav",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "canvas",
        "footer",
        "video",
        "audio",
        "select",
        "button",
        "form",
        "input",
        "textarea",
        "map",
        "picture",
        "source",
        "link",
        "meta",
    }
)
#: Elements that stand on their own lines.
_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "header",
        "hgroup",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "caption",
    }
)
#: Blocks followed by a blank line, as a browser leaves space after them.
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)

# Markers in the text stream, settled into line breaks at the end.
_BREAK = "\x00B"
_BLANK = "\x00P"


def html_to_text(html: str) -> str:
    """The visible text of an HTML page, one block per line, paragraphs apart.

    Malformed markup is read as well as it can be; markup the parser refuses outright
    raises :class:`FormatError`.
    """
    with warnings.catch_warnings():
        # Beautiful Soup warns when markup looks like a file name or a URL; it is still text.
        warnings.simplefilter("ignore")
        try:
            soup = BeautifulSoup(_tame(html), "html.parser")
        except ParserRejectedMarkup:
            raise FormatError("this web page cannot be read: its HTML is broken beyond repair") from None
    pieces: list[str] = []
    # An explicit stack instead of recursion: a page nested thousands of levels deep
    # (broken markup does that) must not exhaust Python's recursion limit.
    stack: list[tuple[object, bool]] = [(soup, False)]
    list_counters: list[int | None] = []
    # How many <pre> elements the walk is inside, counted on the way in and out: asking
    # each string for its parents would take time that grows with the square of the depth.
    in_pre = 0
    while stack:
        node, closing = stack.pop()
        if isinstance(node, Tag):
            name = (node.name or "").lower()
            if closing:
                in_pre -= name == "pre"
                _close(name, pieces, list_counters)
                continue
            if name in _DROPPED or _hidden(node):
                continue
            in_pre += name == "pre"
            _open(name, node, pieces, list_counters)
            stack.append((node, True))
            for child in reversed(node.contents):
                stack.append((child, False))
        elif isinstance(node, NavigableString) and not isinstance(node, _SKIPPED_STRINGS):
            if in_pre:
                pieces.append(str(node).replace("\n", _BREAK))
            else:
                pieces.append(_collapse(str(node)))
    return _settle("".join(pieces))


_COMMENT_CLOSE = re.compile(r"--\s*>")  # what Python's html.parser takes as a comment's end


def _tame(html: str) -> str:
    """The markup with every "<" that opens nothing the parser can close written as "&lt;".

    Python's html.parser looks for the end of a tag, a comment or a declaration from
    where it starts; when there is none it rescans the rest of the page from the next
    "<", so a page of many unclosed ones takes time that grows with its square.  Here,
    in one pass, a "<" whose ">" does not come before the next "<" (and a comment
    without its end) becomes text, which is what the parser would have shown anyway.
    Marked sections ("<![...") become text too: html.parser refuses unknown ones.
    """
    pieces: list[str] = []
    copied = 0
    gt = comment_end = 0  # the last ">" and comment end found; -1 once there is none further on
    at = html.find("<")
    while at != -1:
        following = html.find("<", at + 1)
        if html.startswith("<!--", at):
            if 0 <= comment_end < at + 4:
                found = _COMMENT_CLOSE.search(html, at + 4)
                comment_end = found.end() if found else -1
            if comment_end != -1:
                at = html.find("<", comment_end)  # the parser skips what a comment holds
                continue
        elif not html.startswith("<![", at):
            if 0 <= gt <= at:
                gt = html.find(">", at + 1)
            if gt != -1 and (following == -1 or gt < following):
                at = following
                continue
        pieces.append(html[copied:at] + "&lt;")
        copied = at + 1
        at = following
    pieces.append(html[copied:])
    return "".join(pieces)


def _open(name: str, node: Tag, pieces: list[str], counters: list[int | None]) -> None:
    if name == "br":
        pieces.append(_BREAK)
    elif name == "hr":
        pieces.append(_BLANK)
    elif name in _HEADINGS or name in _BLOCK:
        pieces.append(_BREAK)
        if name in ("ul", "menu", "dir"):
            counters.append(None)
        elif name == "ol":
            counters.append(_start(node))
        elif name == "li":
            if counters and counters[-1] is not None:
                pieces.append(f"{counters[-1]}. ")
                counters[-1] += 1
            else:
                pieces.append("- ")
    elif name in _CELLS:
        # Cells of a row read as one line: a label cell beside its value.
        pieces.append(" ")
    elif name == "img":
        alt = node.get("alt")
        if isinstance(alt, str) and alt.strip():
            pieces.append(" ")


def _close(name: str, pieces: list[str], counters: list[int | None]) -> None:
    if name in ("ul", "ol", "menu", "dir") and counters:
        counters.pop()
    if name in _PARAGRAPH:
        pieces.append(_BLANK)
    elif name in _BLOCK or name in _HEADINGS:
        pieces.append(_BREAK)


def _start(node: Tag) -> int:
    value = node.get("start")
    try:
        return int(value) if isinstance(value, str) else 1
    except ValueError:
        return 1


def _hidden(node: Tag) -> bool:
    # Drupal and sched keep screen-reader text and collapsed menus in the page.
    if node.has_attr("hidden") or str(node.get("aria-hidden", "")).lower() == "true":
        return True
    style = node.get("style")
    if isinstance(style, str) and "display:none" in style.replace(" ", "").lower():
        return True
    classes = node.get_attribute_list("class")
    return any(c in ("visually-hidden", "element-invisible", "sr-only", "hidden") for c in classes)


def _collapse(text: str) -> str:
    # As a browser does: runs of white space become one space, kept at the edges so
    # "Help <b>We</b> Are" does not read "HelpWeAre".
    inner = " ".join(text.split())
    if not inner:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def _settle(stream: str) -> str:
    lines: list[str] = []
    blank_wanted = False
    for chunk in stream.replace(_BLANK, _BREAK + _BLANK + _BREAK).split(_BREAK):
        if chunk == _BLANK:
            blank_wanted = True
            continue
        line = " ".join(chunk.split())
        if not line:
            continue
        if blank_wanted and lines:
            lines.append("")
        blank_wanted = False
        lines.append(line)
    return "\n".join(lines)
