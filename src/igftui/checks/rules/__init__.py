"""The rules, one module per family; importing this package registers them all.

Ids are stable (rule sets and users' TOML files name them):
``IGF-D…`` diversity, ``IGF-C…`` completeness, ``IGF-A…`` agenda and format,
``IGF-O…`` online participation, ``IGF-P…`` people across the catalogue,
``IGF-S…`` proposals of the same year on the same topic, ``IGF-I…`` notes that help
(never a requirement).
"""

# The import order is the order rules run and are listed in: completeness, diversity,
# agenda, online, people, overlaps, notes.  Keep it (an import sorter would scramble it).
from igftui.checks.rules import completeness  # noqa: I001 - registers the rules
from igftui.checks.rules import diversity
from igftui.checks.rules import agenda
from igftui.checks.rules import online
from igftui.checks.rules import people
from igftui.checks.rules import overlaps
from igftui.checks.rules import notes
