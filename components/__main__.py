"""``python -m components``: see :mod:`components.cli`."""

import sys

from .cli import main

sys.exit(main())
