"""Allow ``python -m symptomlog``."""

import sys

from symptomlog.cli import main

sys.exit(main())
