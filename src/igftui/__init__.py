"""igftui: a terminal app for organising Internet Governance Forum sessions.

Kept to the version only: importing igftui must not pull in Textual or SQLAlchemy,
so that the command line starts fast.
"""

__version__ = "0.1.0"
