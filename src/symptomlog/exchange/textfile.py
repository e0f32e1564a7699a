"""Reading a file a person chose: clear messages for missing, empty, binary or non-UTF-8."""

from __future__ import annotations

import stat
from pathlib import Path

from symptomlog.errors import BadFile

MAX_IMPORT_BYTES = 200 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text (UTF-8, BOM accepted), or BadFile naming what is wrong.

    Only a regular file is read, and never more than ``MAX_IMPORT_BYTES``: a link to
    /dev/zero would otherwise be read until memory runs out, and a pipe would hang.
    """
    try:
        if path.is_dir():
            raise BadFile(f"{path} is a folder, not a file")
        mode = path.stat().st_mode  # follows links: a link to a device is a device
        if not stat.S_ISREG(mode):
            raise BadFile(f"{path} is not a regular file (a device, pipe or socket)")
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            raise BadFile(
                f"{path} is too large to import (over {MAX_IMPORT_BYTES // 1_048_576} MB)"
            )
    except FileNotFoundError:
        raise BadFile(f"{path} does not exist") from None
    except PermissionError:
        raise BadFile(f"{path} cannot be read: permission denied") from None
    except OSError as error:
        raise BadFile(f"{path} cannot be read: {error.strerror or error}") from None
    if not data.strip():
        raise BadFile(f"{path} is empty: nothing to import")
    if b"\x00" in data[:65536]:
        raise BadFile(f"{path} is not a text file (it contains binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BadFile(
            f"{path} is not UTF-8 text (line {line} has the byte 0x{data[error.start]:02x}); "
            "save it as UTF-8 and try again"
        ) from None
