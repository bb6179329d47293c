"""``python -m kkr.bench``."""

import sys

from kkr.bench.run import main

sys.exit(main())
