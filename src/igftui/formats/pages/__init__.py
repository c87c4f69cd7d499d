"""Reading IGF session pages: text, Markdown or saved HTML, copied from the IGF site or its schedule.

``read_page(text)`` gives one :class:`PageReading` per session on the page (a listing
gives several), each with the fields a session page normally has but this one did not
yield; :func:`html_to_text` turns a saved web page into the text a reader sees.
Modules, one job each: ``text`` (cleaning), ``html``, ``titles``, ``dates``, ``people``,
``fields`` and ``reader``.
"""

from igftui.formats.pages.html import html_to_text
from igftui.formats.pages.reader import PageReading, read_page

__all__ = ["PageReading", "html_to_text", "read_page"]
