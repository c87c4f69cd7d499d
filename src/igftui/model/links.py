"""Links a proposal points to (background documents, last year's report): which ones igftui keeps.

Only web addresses (``https://``, ``http://``) and e-mail addresses (``mailto:``)
are kept.  Anything else (``javascript:``, ``data:``, ``file:``) could run code or
read files when a reader clicks it in the exported Markdown, so it is refused with
a reason, never dropped in silence.

In the editor a link is typed one a line, as ``Label: https://...`` or just the
address; :func:`read_link_line` reads such a line.  Plain Python: the model, the
form and the exports share it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: The schemes a kept link may have.
SCHEMES = ("https", "http", "mailto")

#: Longer than any real address; a longer one is a paste gone wrong.
MAX_LENGTH = 2000

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Whitespace and the characters no address holds unescaped, and that Markdown or a
# terminal could read as something else.
_NOT_IN_ADDRESS = re.compile(r"[\s<>\"\\^`{|}\x00-\x1f\x7f]")


class LinkError(ValueError):
    """An address igftui will not keep; the message says why, in the user's words."""


def checked_url(url: str) -> str:
    """``url`` as kept (its scheme in lower case), or :class:`LinkError` saying what is wrong."""
    url = url.strip()
    if not url:
        raise LinkError("The address is empty.")
    shown = url if len(url) <= 60 else url[:57] + "..."
    if len(url) > MAX_LENGTH:
        raise LinkError(f"“{shown}” is too long for an address (at most {MAX_LENGTH} characters).")
    match = _SCHEME.match(url)
    if match is None:
        if _looks_like_a_site(url):
            raise LinkError(f"“{shown}” needs https:// in front of it.")
        raise LinkError(f"“{shown}” is not a web address: links start with https://, http:// or mailto:.")
    scheme = match.group(1).lower()
    if scheme not in SCHEMES:
        raise LinkError(f"“{shown}” is not a web or e-mail address: only https://, http:// and mailto: links are kept.")
    if _NOT_IN_ADDRESS.search(url):
        raise LinkError(f"“{shown}” has a space or a character an address cannot hold.")
    url = scheme + url[len(scheme) :]
    if scheme == "mailto":
        if "@" not in url[len("mailto:") :]:
            raise LinkError(f"“{shown}” has no e-mail address after mailto:.")
        return url
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
    if not url[len(scheme) :].startswith("://") or not host:
        raise LinkError(f"“{shown}” has no site name after {scheme}://.")
    return url


def read_link_line(line: str) -> tuple[str | None, str]:
    """(label, address) of one typed line: ``Label: https://...``, ``Label https://...`` or the address alone.

    The address is the line's last word; what comes before it, less a closing ``:``
    or dash, is the label.  :class:`LinkError` when the address is not one igftui keeps.
    """
    text = line.strip()
    if not text:
        raise LinkError("The line is empty.")
    head, _space, last = text.rpartition(" ")
    if _SCHEME.match(last) is None and not _looks_like_a_site(last):
        raise LinkError(f"“{text}” has no address: write “Label: https://…” or just the address.")
    url = checked_url(last)
    label = head.strip().rstrip(":-–—").strip() or None
    return label, url


def _looks_like_a_site(word: str) -> bool:
    """``www.igf.org`` or ``intgovforum.org/en``: an address typed without its https://."""
    host = word.split("/", 1)[0]
    return word.lower().startswith("www.") or bool(re.fullmatch(r"[\w-]+(\.[\w-]+)+", host))
