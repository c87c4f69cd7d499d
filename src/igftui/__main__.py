"""Allow ``python -m igftui``."""

from igftui.cli import main

raise SystemExit(main())
