"""``python -m components.evaluate PATH...``: the evaluate command without the full CLI."""

import sys

from . import main

sys.exit(main())
