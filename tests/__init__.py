"""The tests: a package, so that test modules share pieces as ``tests.<module>``."""
