#!/usr/bin/env python
"""Same as the ``eenplan`` console script, for those used to ``python manage.py``."""

from eenplan.cli import main

if __name__ == "__main__":
    main()
