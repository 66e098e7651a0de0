"""``python -m timeline``: the same command line as the ``timeline`` script."""

import sys

from timeline.cli import main

sys.exit(main())
