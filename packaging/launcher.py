"""Entry point of the bundled app: the same ``run`` as the ``symptomlog`` command."""

from symptomlog.cli import run

if __name__ == "__main__":
    run()
