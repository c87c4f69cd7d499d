"""The baseline: a bare Textual app that paints one screen and exits."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("bare")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


if __name__ == "__main__":
    BareApp().run(headless=True, size=(100, 30))
