"""igftui's app on a given catalogue: exits as soon as the first page of sessions is on screen."""

import sys
from pathlib import Path

from igftui.config import Settings
from igftui.store import Catalogue
from igftui.tui.app import IgfApp


class TimedApp(IgfApp):
    def on_mount(self) -> None:
        self.set_interval(0.002, self._painted_rows)

    def _painted_rows(self) -> None:
        from textual.widgets import DataTable

        for table in self.screen.query(DataTable):
            if table.row_count:
                self.call_after_refresh(self.exit)


if __name__ == "__main__":
    TimedApp(Catalogue(Path(sys.argv[1])), Settings()).run(headless=True, size=(100, 30))
