"""Allow ``python -m symptomlog``."""

from symptomlog.cli import run

run()
