"""Entry point of the bundled app: the same ``main`` as the ``symptomlog`` command."""

import sys

from symptomlog.cli import main

if __name__ == "__main__":
    sys.exit(main())
