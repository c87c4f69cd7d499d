"""Widgets the screens are built from, named for what the user sees."""
