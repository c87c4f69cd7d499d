"""The terminal app: the only part of igftui that imports Textual.

``app.py`` holds the App, ``screens/`` one screen per file, ``dialogs/`` the
small screens that ask one thing over another, ``widgets/`` the pieces a screen
is built from.  A screen never imports another: it opens one through
``navigation.py`` (``self.navigate``), so each can change on its own; a test
checks that.  Everything below talks to the catalogue service
(``igftui.store.Catalogue``) from workers, never on the UI thread.
"""
