"""Serialize deterministically and write atomically.

`dumps` gives byte-identical output for the same object (insertion order, no
ASCII escaping, two-space indent, final newline). `write_atomic` writes a temp
file in the target folder and renames it, so a reader never sees half a file;
a folder or file that cannot be written is one `OutputError`, not a traceback.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from .errors import OutputError


def dumps(obj: Any, indent: int | None = 2) -> str:
    text = json.dumps(obj, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    return text + "\n" if indent else text


def make_folder(folder: str | Path) -> Path:
    """Create `folder` (and its parents) unless it exists; `OutputError` if it cannot be."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder ({exc.strerror or exc})", str(folder)) from None
    return folder


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write `data` to `path` through a temp file and an atomic rename; `OutputError`
    (nothing left behind) if the folder cannot be made or the file cannot be written."""
    with open_atomic(path) as fh:
        fh.write(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


@contextmanager
def open_atomic(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file to write `path` piece by piece (a corpus feed larger than memory), renamed
    into place when the block ends; on an error in the block nothing is left behind, and a
    write that fails is one `OutputError`."""
    path = Path(path)
    make_folder(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror or exc})", str(path)) from None
    fh = os.fdopen(fd, "wb")
    try:
        try:
            yield fh
            fh.close()
            os.chmod(tmp, 0o666 & ~_umask())
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(f"cannot write ({exc.strerror or exc})", str(path)) from None
    except BaseException:
        fh.close()
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
