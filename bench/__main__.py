"""`python -m bench [--scale N] [--small] [--db NAME]`: see bench.run."""

from __future__ import annotations

from bench.run import main

raise SystemExit(main())
