"""``python -m conflictnews`` runs the command-line interface."""

from conflictnews.cli import main

raise SystemExit(main())
