"""One matplotlib drawing at a time in the whole app (a neutral module: importing it loads
no matplotlib, so the Charts view and the report code stay light until they draw).

matplotlib's fonts and text caches are shared by every figure in the process. The
Charts view, the report's preview and a report being saved each draw on their own
helper thread; drawn at once they crashed a test run in a draw. Each takes this lock
around building and rendering its figures.
"""

from __future__ import annotations

import threading

DRAW_LOCK = threading.Lock()
