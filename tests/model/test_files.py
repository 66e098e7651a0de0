"""The careful file reader and writer: regular files of bounded size only; a link followed, a
hard link kept, a FIFO or a device written through, never replaced; no temporary left (#13)."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

import timeline.model.files as files_module
from timeline.model.files import read_regular, replace_file, same_file, stage, target


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _null_device(path: Path) -> Path:
    """A character device like /dev/null, made here (root only), so the system's is never at
    risk should the writer regress."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    return path


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- reading ---------------------------------------------------------------------------------

def test_read_regular_reads_a_file_and_follows_a_link(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"text\n")
    (tmp_path / "link.txt").symlink_to("a.txt")
    assert read_regular(tmp_path / "a.txt") == read_regular(tmp_path / "link.txt") == b"text\n"


def test_read_regular_refuses_a_fifo_without_blocking(tmp_path: Path) -> None:  # #13
    with pytest.raises(OSError, match="a FIFO, not a regular file"):
        read_regular(_fifo(tmp_path / "f.toml"))


def test_read_regular_refuses_a_link_to_an_endless_device(tmp_path: Path) -> None:  # #13
    (tmp_path / "zero").symlink_to("/dev/zero")
    with pytest.raises(OSError, match="a character device, not a regular file"):
        read_regular(tmp_path / "zero")


def test_read_regular_refuses_a_file_over_the_limit(tmp_path: Path) -> None:  # #13
    (tmp_path / "big").write_bytes(b"x" * 101)
    assert read_regular(tmp_path / "big", limit=101) == b"x" * 101
    with pytest.raises(OSError, match="larger than 100 bytes") as caught:
        read_regular(tmp_path / "big", limit=100)
    assert caught.value.errno == errno.EFBIG and caught.value.filename == str(tmp_path / "big")


@pytest.mark.parametrize("name", ["a\0b", "loop", "folder"])
def test_read_regular_raises_only_oserror(tmp_path: Path, name: str) -> None:  # #13
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "folder").mkdir()
    with pytest.raises(OSError) as caught:
        read_regular(tmp_path / name)
    assert caught.value.strerror


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "none")


# --- writing ---------------------------------------------------------------------------------

def test_a_symlink_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:  # #13
    real = tmp_path / "real"
    real.mkdir()
    (real / "out.ics").write_bytes(b"old")
    (real / "out.ics").chmod(0o640)
    link = tmp_path / "out.ics"
    link.symlink_to(real / "out.ics")
    replace_file(link, b"new")
    assert link.is_symlink() and (real / "out.ics").read_bytes() == b"new"
    assert stat.S_IMODE((real / "out.ics").stat().st_mode) == 0o640
    assert _names(real) == ["out.ics"] and _names(tmp_path) == ["out.ics", "real"]


def test_a_dangling_link_makes_its_target(tmp_path: Path) -> None:  # #13
    link = tmp_path / "out"
    link.symlink_to("made")
    replace_file(link, b"new")
    assert link.is_symlink() and (tmp_path / "made").read_bytes() == b"new"


def test_a_hard_link_sees_the_new_bytes(tmp_path: Path) -> None:  # #13
    one, other = tmp_path / "one", tmp_path / "other"
    one.write_bytes(b"the old, longer content")
    os.link(one, other)
    replace_file(one, b"new")
    assert other.read_bytes() == b"new" and one.stat().st_ino == other.stat().st_ino
    replace_file(other, b"grown well beyond the old size")
    assert one.read_bytes() == b"grown well beyond the old size"
    assert _names(tmp_path) == ["one", "other"]


def test_a_hard_link_keeps_the_old_bytes_when_the_write_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # #13
    one, other = tmp_path / "one", tmp_path / "other"
    one.write_bytes(b"old content")
    os.link(one, other)
    calls = []

    def half_then_full(fd: int, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 1:
            os.write(fd, data[:len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]

    monkeypatch.setattr(files_module, "write_all", half_then_full)
    with pytest.raises(OSError, match="No space"):
        replace_file(one, b"a new content, twice as long as the old one")
    assert other.read_bytes() == b"old content" and _names(tmp_path) == ["one", "other"]


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:  # #13
    fifo = _fifo(tmp_path / "out.ics")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    replace_file(fifo, b"through the pipe")
    reader.join(timeout=10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and _names(tmp_path) == ["out.ics"]


def test_a_character_device_is_written_through(tmp_path: Path) -> None:  # #13
    device = _null_device(tmp_path / "null")
    replace_file(device, b"gone")
    assert stat.S_ISCHR(device.lstat().st_mode) and _names(tmp_path) == ["null"]


def test_dev_null_would_be_written_through() -> None:  # #13
    assert target("/dev/null").how == "through"


@pytest.mark.parametrize("name, message", [
    ("folder", "is a directory"), ("loop", "symbolic links"), ("a\0b", "NUL"),
    ("missing/out", "no such directory"),
])
def test_targets_that_cannot_be_written(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(OSError, match=message):
        replace_file(tmp_path / name, b"x")
    assert _names(tmp_path) == ["folder", "loop"]


def test_a_failed_rename_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # #13
    (tmp_path / "out").write_bytes(b"old")

    def fail(source: str, target: str) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(files_module.os, "replace", fail)
    with pytest.raises(OSError):
        replace_file(tmp_path / "out", b"new")
    assert (tmp_path / "out").read_bytes() == b"old" and _names(tmp_path) == ["out"]


def test_a_staged_write_puts_its_temporary_beside_the_real_file(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real" / "out")
    ready = stage(tmp_path / "link", b"data")
    try:
        assert ready.temporary is not None and ready.temporary.parent == tmp_path / "real"
    finally:
        ready.discard()
    assert _names(tmp_path / "real") == []


def test_same_file_sees_links_and_other_names(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"")
    (tmp_path / "sym").symlink_to("a")
    os.link(tmp_path / "a", tmp_path / "hard")
    (tmp_path / "b").write_bytes(b"")
    assert same_file(tmp_path / "a", tmp_path / "sym")
    assert same_file(tmp_path / "hard", tmp_path / "a")
    assert same_file(tmp_path / "a", tmp_path / "." / "a")
    assert not same_file(tmp_path / "a", tmp_path / "b")
    assert not same_file(tmp_path / "none", tmp_path / "b")
    assert not same_file("a\0", tmp_path / "b")


@pytest.mark.parametrize("code, fails", [(errno.ENOSPC, True), (errno.EOPNOTSUPP, False)])
def test_a_hard_link_reserves_the_space_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              code: int, fails: bool) -> None:  # #13
    one, other = tmp_path / "one", tmp_path / "other"
    one.write_bytes(b"old")
    os.link(one, other)

    def cannot(fd: int, offset: int, length: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files_module.os, "posix_fallocate", cannot)
    if fails:  # a full disk: nothing changed
        with pytest.raises(OSError, match="No space"):
            replace_file(one, b"much longer than before")
        assert other.read_bytes() == b"old"
    else:  # a file system that cannot reserve: written all the same
        replace_file(one, b"much longer than before")
        assert other.read_bytes() == b"much longer than before"


def test_a_socket_is_neither_read_nor_replaced(tmp_path: Path) -> None:  # #13
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "sock"))
        with pytest.raises(OSError, match="a socket"):
            replace_file(tmp_path / "sock", b"x")
        with pytest.raises(OSError, match="a socket, not a regular file"):
            read_regular(tmp_path / "sock")
        assert stat.S_ISSOCK((tmp_path / "sock").lstat().st_mode)
    assert _names(tmp_path) == ["sock"]


def test_a_name_with_a_lone_surrogate_is_an_os_error_naming_it() -> None:
    """#13 (found by the harness): `timeline scan 'Ea\\udbffrly'` raised UnicodeEncodeError."""
    from timeline.model.files import read_regular

    with pytest.raises(OSError, match="a file name must be valid text"):
        read_regular("Ea\udbffrly/sources.toml")
