"""Atomic writes: of one file (a temporary file in the same folder, then a rename), and of
a whole folder of exports (:func:`export_set`).

A reader never sees a half-written export, and an interrupted run leaves the old file.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "g.ttl"
>>> atomic_write_text(target, "hello\\n")
>>> target.read_text()
'hello\\n'
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_chunks", "atomic_write_text",
           "export_set", "FolderBusy"]


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating parent folders."""
    atomic_write_chunks(path, [data])


def atomic_write_chunks(path: str | Path, chunks: Iterable[bytes]) -> None:
    """Write ``chunks`` one after another to ``path`` atomically, creating parent folders:
    a large file is never whole in memory.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "two.txt"
    >>> atomic_write_chunks(target, (part for part in [b"one\\n", b"two\\n"]))
    >>> target.read_text()
    'one\\ntwo\\n'
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(temp, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 with ``\\n`` line endings, atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


class FolderBusy(RuntimeError):
    """Another process is writing the same exports folder."""


@contextmanager
def export_set(folder: str | Path, *, wait: Callable[[], None] | None = None) -> Iterator[Path]:
    """A temporary folder to write a whole set of exports into, which then replaces
    ``folder`` in one step: readers see the old set or the new one, never a mix.

    The temporary folder lies beside ``folder`` and starts with hard links to what
    ``folder`` already holds (so files kg does not write, a diagram drawn later, stay). On
    Linux the two are exchanged atomically (``renameat2`` with ``RENAME_EXCHANGE``);
    elsewhere the old folder is renamed away first. A lock file beside the folder keeps a
    second writer waiting (``wait`` is called once if it has to); temporaries left by a
    killed run are removed by the next one.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "exports"
    >>> with export_set(out) as temp:
    ...     atomic_write_text(temp / "a.txt", "one\\n")
    >>> with export_set(out) as temp:
    ...     atomic_write_text(temp / "b.txt", "two\\n")
    >>> sorted(p.name for p in out.iterdir()), sorted(p.name for p in out.parent.iterdir())
    (['a.txt', 'b.txt'], ['.exports.lock', 'exports'])
    """
    target = Path(folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.parent / f".{target.name}.lock", wait):
        for stale in target.parent.glob(f".{target.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
        try:
            if target.is_dir():
                shutil.copytree(target, temp, copy_function=os.link, dirs_exist_ok=True)
            yield temp
            os.chmod(temp, 0o777 & ~_umask())
            _replace_folder(temp, target)
        finally:
            shutil.rmtree(temp, ignore_errors=True)  # after an exchange: the old set


@contextmanager
def _locked(path: Path, wait: Callable[[], None] | None) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one writer at a time is up to the user
        yield
        return
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if wait is not None:
                wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is; ``target``'s old contents end up at ``new``."""
    if not target.exists():
        os.rename(new, target)
        return
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(target),
                                           _RENAME_EXCHANGE) == 0:
        return
    old = new.with_name(new.name + "-old")  # no atomic exchange here: a moment without a folder
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)
