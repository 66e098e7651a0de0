"""Reading and writing the files of a corpus and the command line's outputs, carefully.

One place for what every reader and writer must get right with files a user did not make
for us. Reading takes only a regular file of bounded size: a FIFO would block for ever, a
link to ``/dev/zero`` would fill the memory, so both are an ``OSError`` saying what the
path is instead. Writing puts the new bytes at what the path names, whole or not at all:

- a new file or a regular file with one link: a temporary file in the target's own
  (real) directory, written, synced and renamed over it, so a failure leaves the old file;
- a symbolic link: followed, and what it points to is replaced as above (the link stays a
  link, and the temporary lies beside the real file, on its file system);
- a regular file with other hard links: written in place, so every link sees the new
  bytes. The space is reserved first (``posix_fallocate``) and the old bytes are put back
  on an error, so a full disk or a bad write leaves the old content; only a crash in the
  middle of the write can leave it half-written, the price of keeping the links;
- a FIFO or a character device (``/dev/null``, ``/dev/stdout``): opened and written
  through, never replaced (as root, replacing ``/dev/null`` would break the system); so is
  whatever ``/dev/stdout`` or ``/proc/self/fd/1`` leads to (a pipe, a file the shell
  opened: appended to, as the shell's ``>>`` wants);
- a directory, a block device, a socket: refused (``OSError``); a FIFO or a device too
  where the file is a corpus's own (``through=False``: ``tl.save``, ``timeline init``).

No temporary file is left behind on any failure. Errors are ``OSError`` naming the path
(``FileNotFoundError`` for a missing file, as it is): callers say what that means to them.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import attrs

#: The most bytes ``read_regular`` reads by default: more than any news article or
#: manifest of a large corpus, less than would exhaust a laptop's memory once parsed.
MAX_BYTES = 64 * 1024 * 1024


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _fail(code: int, message: str, path: str | os.PathLike[str]) -> OSError:
    return OSError(code, message, os.fspath(path))


def _checked_name(path: str | os.PathLike[str]) -> str:
    """The path as a string; a NUL in it is an ``OSError``, not the ``ValueError`` of ``os``."""
    name = os.fspath(path)
    try:
        name.encode(sys.getfilesystemencoding(), "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no file system name can hold (#13)
        raise _fail(errno.EINVAL, "a file name must be valid text",
                    name.encode("utf-8", "backslashreplace").decode("utf-8")) from None
    if "\0" in name:
        raise _fail(errno.EINVAL, "a file name cannot hold a NUL character",
                    name.replace("\0", "\\0"))
    return name


def read_regular(path: str | os.PathLike[str], *, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them (``MAX_BYTES``).

    Symbolic links are followed (where they may lead is the caller's to check). A FIFO, a
    device, a directory, a link loop or a file larger than ``limit`` is an ``OSError``
    whose ``strerror`` says which; ``FileNotFoundError`` as it is.
    """
    name = _checked_name(path)
    limit = MAX_BYTES if limit is None else limit
    before = os.stat(name)
    if not stat.S_ISREG(before.st_mode):
        code = errno.EISDIR if stat.S_ISDIR(before.st_mode) else errno.EINVAL
        raise _fail(code, f"{_kind(before.st_mode)}, not a regular file", name)
    # O_NONBLOCK: should a FIFO be put there since the stat, opening it does not wait.
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):
            raise _fail(errno.EINVAL, f"{_kind(now.st_mode)}, not a regular file", name)
        if now.st_size > limit:
            raise _fail(errno.EFBIG, f"larger than {_size(limit)}", name)
        chunks = []
        left = limit + 1  # one byte more tells a file that grew past the limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise _fail(errno.EFBIG, f"larger than {_size(limit)}", name)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MiB" if count >= 1024 * 1024 else f"{count} bytes"


@attrs.frozen
class Target:
    """Where bytes written to a path land: the real path (links followed) and how.

    ``how`` is ``"replace"`` (a temporary file renamed over it, or a new file),
    ``"in place"`` (a regular file with other hard links), ``"through"`` (a FIFO or a
    character device, opened and written) or ``"append"`` (a file the shell opened, named
    through ``/dev/stdout``: appended to, so ``>>`` keeps what was there).
    """

    path: Path
    how: str
    mode: int


def target(path: str | os.PathLike[str], *, through: bool = True) -> Target:
    """What writing to ``path`` would do, or the ``OSError`` it would fail with.

    Nothing is written: callers check an output path before the work that fills it.
    ``through=False`` refuses a FIFO or a device too: a corpus's own files must be regular
    files (``read_regular`` reads no other), and writing to a FIFO nobody reads would wait
    for ever.
    """
    name = _checked_name(path)
    real = Path(os.path.realpath(name))
    try:
        opens = os.stat(name)  # what the kernel opens, "magic" /proc links included
    except FileNotFoundError:
        opens = None
    try:
        info = os.lstat(real)
    except FileNotFoundError:
        info = None
    if opens is not None and (info is None or _identity(info) != _identity(opens)
                              or _through_open_file(name)):
        # /dev/stdout, /dev/fd/1, /proc/self/fd/1: a link to an open file (a pipe, a file
        # the shell opened), not to a path; open the name and write, as '>' would.
        if not through or not (stat.S_ISREG(opens.st_mode) or stat.S_ISFIFO(opens.st_mode)
                               or stat.S_ISCHR(opens.st_mode)):
            raise _fail(errno.EINVAL, f"is {_kind(opens.st_mode)}; not written", name)
        how = "append" if stat.S_ISREG(opens.st_mode) else "through"
        return Target(Path(name), how, stat.S_IMODE(opens.st_mode))
    if info is None:
        folder = real.parent
        if not folder.is_dir():
            raise _fail(errno.ENOENT, f"no such directory {str(folder)!r}", name) from None
        return Target(real, "replace", _umask_mode())
    if stat.S_ISLNK(info.st_mode):  # realpath stops at a loop
        raise _fail(errno.ELOOP, "too many levels of symbolic links", name)
    if stat.S_ISREG(info.st_mode):
        how = "in place" if info.st_nlink > 1 else "replace"
        return Target(real, how, stat.S_IMODE(info.st_mode))
    if through and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        return Target(real, "through", stat.S_IMODE(info.st_mode))
    code = errno.EISDIR if stat.S_ISDIR(info.st_mode) else errno.EINVAL
    raise _fail(code, f"is {_kind(info.st_mode)}; not written", name)


def _through_open_file(name: str) -> bool:
    """Whether ``name`` leads through a ``/proc/<pid>/fd`` link (``/dev/stdout``,
    ``/dev/fd/1``): a file a process has open, to be written where its offset is, not
    replaced by another behind its back."""
    current = os.path.abspath(name)
    for _ in range(40):  # the kernel's own limit on links followed
        try:
            if not stat.S_ISLNK(os.lstat(current).st_mode):
                return False
            folder = os.path.dirname(current)
            if os.path.realpath(folder).startswith("/proc/"):
                return True
            current = os.path.join(folder, os.readlink(current))
        except OSError:
            return False
    return False


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _umask_mode() -> int:
    """What ``open()`` gives a new file: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_all(fd: int, data: bytes) -> None:
    """Every byte: ``os.write`` may write fewer than asked."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


@attrs.define
class Staged:
    """Bytes ready to go to a ``Target``: for a replacement, in a synced temporary file
    beside it. ``commit`` puts them there; ``discard`` removes what is left (always call
    it, after ``commit`` too: ``staged`` does)."""

    target: Target
    data: bytes
    temporary: Path | None = None

    def commit(self) -> None:
        where = self.target
        if where.how == "replace":
            assert self.temporary is not None
            os.replace(self.temporary, where.path)
            self.temporary = None
            _sync_folder(where.path.parent)
        elif where.how == "in place":
            _write_in_place(where.path, self.data)
        else:
            append = os.O_APPEND if where.how == "append" else 0
            fd = os.open(where.path, os.O_WRONLY | append | getattr(os, "O_CLOEXEC", 0))
            try:
                write_all(fd, self.data)
            finally:
                os.close(fd)

    def discard(self) -> None:
        if self.temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temporary)
            self.temporary = None


def stage(path: str | os.PathLike[str], data: bytes, *, through: bool = True) -> Staged:
    """Get ``data`` ready to go to ``path`` (see ``target``): the slow, failing part of a
    write, done before any file changes."""
    where = target(path, through=through)
    ready = Staged(where, data)
    if where.how != "replace":
        return ready
    temporary = where.path.with_name(f".{where.path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                 0o600)
    ready.temporary = temporary
    try:
        os.fchmod(fd, where.mode)
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        ready.discard()
        raise
    os.close(fd)
    return ready


@contextlib.contextmanager
def staged(outputs: Iterable[tuple[str | os.PathLike[str], bytes]], *,
           through: bool = True) -> Iterator[list[Staged]]:
    """Every output staged; the caller commits them in order; what is left is removed."""
    done: list[Staged] = []
    try:
        for path, data in outputs:
            done.append(stage(path, data, through=through))
        yield done
    finally:
        for item in done:
            item.discard()


def replace_file(path: str | os.PathLike[str], data: bytes, *, through: bool = True) -> None:
    """``data`` at ``path`` whole or not at all (the module's rules for links, FIFOs and
    devices); ``OSError`` naming the path when it cannot be written."""
    with staged([(path, data)], through=through) as (only,):
        only.commit()


@contextlib.contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to stream an output into, put at ``path`` whole when the block ends
    and not at all when it raises: ``replace_file`` for an output too large to hold (a
    corpus's JSONL or Parquet). A temporary file beside the target is written, synced and
    renamed over it; a FIFO, a device or a hard-linked file gets the bytes as
    ``replace_file`` gives them (held, then written at the end)."""
    where = target(path)
    if where.how != "replace":
        held = io.BytesIO()
        yield held
        replace_file(path, held.getvalue())
        return
    temporary = where.path.with_name(f".{where.path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                 0o600)
    try:
        os.fchmod(fd, where.mode)
        with open(fd, "wb", closefd=False) as stream:
            yield stream
            stream.flush()
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(temporary, where.path)
        _sync_folder(where.path.parent)
    finally:
        if fd >= 0:
            os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)


def _write_in_place(path: Path, data: bytes) -> None:
    """Overwrite a hard-linked file's bytes, keeping its inode; the old bytes come back on
    any error (space is reserved first, so a full disk fails before a byte changes)."""
    old = read_regular(path, limit=max(MAX_BYTES, os.stat(path).st_size))
    fd = os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
    try:
        if len(data) > len(old) and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(fd, 0, len(data))
            except OSError as exc:
                os.ftruncate(fd, len(old))
                if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
                    raise
                # a file system that cannot reserve (EOPNOTSUPP): the write finds out
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.lseek(fd, 0, os.SEEK_SET)
                write_all(fd, old)
                os.ftruncate(fd, len(old))
                os.fsync(fd)
            raise
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable: sync the directory that holds it (where the system can)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def same_file(one: str | os.PathLike[str], other: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file: the same real path, or the same inode (a hard link)."""
    try:
        first, second = _checked_name(one), _checked_name(other)
    except OSError:
        return False
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False


__all__ = ["MAX_BYTES", "Staged", "Target", "read_regular", "replace_file", "replacing",
           "same_file", "stage", "staged", "target", "write_all"]
