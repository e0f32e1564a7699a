"""Load the charts' libraries in the background once the window is up.

matplotlib takes 0.3–1.3 s to import and to load its fonts. Done on the window's
thread at the first switch to Charts, it froze the window for that long (569 ms
measured by ``make bench``, the freeze budget is 100 ms). Done on a helper thread
right after the window appears, the window keeps answering meanwhile (Python hands
the interpreter back to the window's thread every few milliseconds), and the first
switch to Charts only builds the figure.

Once loaded, what lives as long as the app is set aside from the garbage collector's
full passes (``set_aside_what_lives_long``), which otherwise stall every thread.

Only the toolkit-free parts are loaded here (the figure, the Agg renderer, the
project's chart builders): nothing that touches Qt objects runs off the window's
thread. The thread is not a daemon, so quitting during the load waits for it to
end instead of stopping the interpreter in the middle of an import.
"""

from __future__ import annotations

import gc
import logging
import threading

_started = threading.Event()
log = logging.getLogger(__name__)


def _load_chart_libraries() -> None:
    """Import what the Charts view needs and render one character, which loads the font."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        import symptomlog.charts  # noqa: F401  (the builders and their matplotlib modules)

        figure = Figure(figsize=(0.5, 0.5), dpi=50)
        figure.text(0.5, 0.5, "0")
        FigureCanvasAgg(figure).draw()
    except Exception:  # the first switch to Charts will load them, and report any problem
        log.exception("Loading the chart libraries in the background failed")
    set_aside_what_lives_long()


def set_aside_what_lives_long() -> None:
    """Keep what lives as long as the app out of the garbage collector's full passes.

    By now the modules, the window and matplotlib's fonts exist and stay. A full pass
    of Python's cycle collector walks every object and holds the interpreter while it
    does: during a Report preview it froze the window for 57-156 ms (a 2 ms heartbeat,
    five years; ``make bench``'s freeze figure went over its 100 ms), with these set
    aside 0-32 ms. Objects made later are collected as before.
    """
    gc.freeze()


def load_chart_libraries_soon() -> threading.Thread | None:
    """Start loading once per process; returns the thread (None if already started)."""
    if _started.is_set():
        return None
    _started.set()
    thread = threading.Thread(target=_load_chart_libraries, name="load-charts")
    thread.start()
    return thread
