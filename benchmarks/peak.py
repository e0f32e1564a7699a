"""The peak memory of this process, reported by the measured process itself.

The kernel's figure for a finished child (``wait4``'s ``ru_maxrss``) also counts the
parent's memory while the child was being forked, before it became Python, so a
benchmark run after other benchmarks would inflate both sides. ``VmHWM`` belongs
to the process image since ``exec``.
"""

from __future__ import annotations

from pathlib import Path


def peak_mb() -> float:
    """VmHWM, the highest resident set size of this process so far, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # reported in kB
    raise RuntimeError("this benchmark needs Linux's /proc/self/status")
