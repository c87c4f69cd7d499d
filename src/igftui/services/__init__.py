"""What a user does with igftui, once for both front ends: the command line and the app call these.

Each module is one use case: import files, load the samples, export a session to
a file, pick the rule set that judges a session, read a person with their
sessions, the per-year limit of a rule set.  No Textual here, and nothing heavy
at import time beyond what each use case needs: ``formats/`` turns text into model
objects and back, ``store/`` keeps them; these put the two together.
"""
