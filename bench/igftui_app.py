"""igftui's app as `igftui` starts it: exits at its first paint, or once the first page of sessions is on screen.

    python bench/igftui_app.py CATALOGUE [paint|rows]
"""

import os
import sys
from pathlib import Path

from igftui.config import Settings
from igftui.tui.app import IgfApp


class FirstPaintApp(IgfApp):
    """Exits as soon as the first screen has been painted (the catalogue may still be opening)."""

    # Textual calls IgfApp.on_mount too (it dispatches to every class that has the
    # handler), which starts opening the catalogue: calling super() would open it twice.
    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        # Leave at once: a clean exit would wait for the worker still opening the catalogue.
        os._exit(0)


class FirstPageApp(IgfApp):
    """Exits as soon as the catalogue's first page of sessions is in the list."""

    def on_mount(self) -> None:
        self.set_interval(0.002, self._painted_rows)

    def _painted_rows(self) -> None:
        from igftui.tui.widgets.paged_table import PagedTable

        for table in self.screen.query(PagedTable):
            if table.row_count:
                self.call_after_refresh(self.exit)


if __name__ == "__main__":
    app_class = FirstPaintApp if sys.argv[2:] == ["paint"] else FirstPageApp
    app_class(Path(sys.argv[1]), Settings()).run(headless=True, size=(100, 30))
