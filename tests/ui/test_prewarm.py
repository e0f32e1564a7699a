"""The chart libraries load on a helper thread after start, without any Qt object."""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import sys
from symptomlog.ui.prewarm import load_chart_libraries_soon
assert "matplotlib" not in sys.modules, "the start path must not import matplotlib"
import gc
assert gc.get_freeze_count() == 0
thread = load_chart_libraries_soon()
assert thread is not None and thread.name == "load-charts" and not thread.daemon
assert load_chart_libraries_soon() is None, "a second call must not start a second load"
thread.join(60)
assert not thread.is_alive()
for name in ("matplotlib.figure", "matplotlib.backends.backend_agg", "symptomlog.charts"):
    assert name in sys.modules, name
assert "matplotlib.backends.backend_qtagg" not in sys.modules, "Qt parts stay on the window"
# what lives as long as the app (the modules, matplotlib's fonts) is out of the full passes
assert gc.get_freeze_count() > 10_000, gc.get_freeze_count()
print("loaded")
"""


def test_chart_libraries_load_in_the_background_without_qt_parts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loaded"
    assert "Traceback" not in result.stderr
