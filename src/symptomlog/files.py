"""Writing a file a person will keep: whole or not at all, private, and on the disk.

One way for every file the app writes besides the diary itself — exports, the PDF,
backups, charts, screenshots. Health data is readable by its owner only (0600, the
same as the diary, whatever the umask); a half-written file never replaces a good
one (written beside it, flushed to the disk, then renamed over it); a stale partial
file from a crash is removed first, so its mode is never passed on.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from symptomlog.errors import CannotWrite

PRIVATE_FILE = 0o600


def partial_path(path: Path) -> Path:
    """The hidden name a file is written under before it takes its real name."""
    return path.with_name(f".{path.name}.partial")


def create_private(path: Path) -> None:
    """Create ``path`` empty and private (0600), failing if it exists."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def sync_file(path: Path) -> None:
    """Flush a finished file to the disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_partial(path: Path) -> Iterator[Path]:
    """A fresh private partial file to fill; renamed over ``path`` when the block succeeds."""
    partial = partial_path(path)
    partial.unlink(missing_ok=True)
    create_private(partial)
    try:
        yield partial
        sync_file(partial)
        partial.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written export never replaces a good one."""
    try:
        with private_partial(path) as partial:
            partial.write_bytes(data)
    except OSError as error:
        raise CannotWrite(f"Cannot write {path}: {error.strerror or error}") from None
