"""The terminal app: the only part of igftui that imports Textual.

``app.py`` holds the App, ``screens/`` one screen per file, ``widgets/`` the
pieces a screen is built from.  Everything below talks to the catalogue
service (``igftui.store.Catalogue``) from workers, never on the UI thread.
"""
