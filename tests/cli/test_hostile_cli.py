"""The command line on hostile input: bad folders, FIFOs, links to devices, link loops, NUL
characters, megabyte arguments, ``-o`` into the corpus. Each ends with exit 1 (bad input) or 2
(bad usage), one ``timeline: ...`` line per problem, no traceback, and no file made or
changed that the user did not ask for (#13)."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from timeline.cli import run
from timeline.model.load import seeds_dir

ARTICLE = "002_828a49faf123ea01.txt"
HUGE = "x" * 100_000
NUL = "\0"


@pytest.fixture
def play(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder to run in: the seed corpus ``c``, corpora with hostile files, and a FIFO, a
    link to /dev/zero, a link loop and a plain file beside them."""
    shutil.copytree(seeds_dir(), tmp_path / "c")
    for name, hostile in [("fifo-manifest", "sources.toml"), ("zero-manifest", "sources.toml"),
                          ("fifo-events", "events.toml"), ("loop-article", ARTICLE),
                          ("deep-manifest", "sources.toml")]:
        shutil.copytree(seeds_dir(), tmp_path / name)
        path = tmp_path / name / hostile
        path.unlink()
        if name.startswith("fifo"):
            os.mkfifo(path)
        elif name.startswith("zero"):
            path.symlink_to("/dev/zero")
        elif name.startswith("loop"):
            path.symlink_to(hostile)
        else:
            path.write_text("x = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo")
    os.mkfifo(tmp_path / "fifo.tml")
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "plain.txt").write_text("Hello.\n", encoding="utf-8")
    (tmp_path / "to-sources.toml").symlink_to(tmp_path / "c" / "sources.toml")
    os.link(tmp_path / "c" / "events.toml", tmp_path / "events-again.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def tree(folder: Path) -> dict[str, tuple[str, bytes | str | None]]:
    """Every entry under ``folder``: what it is and its bytes (a link: where it points)."""
    found: dict[str, tuple[str, bytes | str | None]] = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            mode = path.lstat().st_mode
            key = str(path.relative_to(folder))
            if stat.S_ISLNK(mode):
                found[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                try:
                    found[key] = ("file", path.read_bytes())
                except PermissionError:  # what the test locked: its size and time then
                    info = path.lstat()
                    found[key] = ("locked", f"{info.st_size} {info.st_mtime_ns}")
            else:
                found[key] = (stat.filemode(mode)[0], None)
    return found


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def assert_refused(play: Path, argv: list[str], needle: str, status: int = 1) -> None:
    """Exit ``status`` with one ``timeline:`` line holding ``needle``, nothing written."""
    before = tree(play)
    code, out, err = cli(*argv)
    assert "Traceback" not in out + err
    assert code == status, err
    lines = err.splitlines()
    if status == 1:
        assert len(lines) == 1 and lines[0].startswith("timeline: "), err
        assert all(ch.isprintable() for ch in lines[0]), lines[0]
        assert len(lines[0]) < 1000
    else:
        assert lines[-1].startswith("timeline") and "error:" in lines[-1], err
    assert needle in lines[-1], err
    assert tree(play) == before


CASES: list[tuple[list[str], str]] = [
    # folders that are not corpora
    (["check", "nowhere"], "sources.toml: not found"),
    (["check", "plain.txt"], "Not a directory"),
    (["chronology", "fifo"], "Not a directory"),
    (["scan", "loop"], "symbolic links"),
    (["check", "a" + NUL], "NUL"),
    # corpora whose own files are hostile
    (["check", "fifo-manifest"], "sources.toml: cannot read: a FIFO"),
    (["chronology", "zero-manifest"], "sources.toml: cannot read: a character device"),
    (["chronology", "fifo-events"], "events.toml: cannot read: a FIFO"),
    (["check", "loop-article"], "a loop of symbolic links"),
    (["check", "deep-manifest"], "nested too deeply"),
    # hostile --as-of, --anchor, --zone
    (["check", "c", "--as-of", "2025-02-24" + NUL], "--as-of"),
    (["check", "c", "--as-of", HUGE], "--as-of: too long to be a time"),
    (["check", "c", "--as-of", "next " * 20_000 + "week"], "--as-of: too long"),
    (["check", "c", "--as-of", "٢٠٢٥-٠٢-٢٤"], "--as-of"),
    (["check", "c", "--as-of", "\u202e2025-02-24"], "--as-of"),
    (["check", "c", "--as-of", ""], "--as-of"),
    (["chronology", "c", "--zone", "UTC" + NUL], "--zone: unknown zone"),
    (["chronology", "c", "--zone", HUGE], "(100000 characters)"),
    (["chronology", "c", "--zone", "../../../etc/passwd"], "--zone: unknown zone"),
    (["ics", "c", "-o", "out.ics", "--zone", "\x1b[31mUTC"], "--zone: unknown zone"),
    (["resolve", "last week", "--anchor", "2025-02-24" + NUL], "--anchor"),
    (["resolve", "last week", "--anchor", HUGE], "(100000 characters)"),
    (["resolve", HUGE, "--anchor", "2025-02-24"], "too long"),
    (["resolve", "a" + NUL, "--anchor", "2025-02-24"], "not a time expression"),
    # input files that are not regular files
    (["tag", "fifo", "--anchor", "2025-02-24"], "fifo: cannot read: a FIFO"),
    (["tag", "fifo.tml"], "fifo.tml: cannot read: a FIFO"),
    (["tag", "zero"], "zero: cannot read: a character device"),
    (["tag", "loop"], "symbolic links"),
    (["tag", "c", "--format", "timeml"], "--format timeml: for one file"),
    (["tag", "a" + NUL, "--anchor", "2025-02-24"], "NUL"),
    (["eval", "fifo"], "not a directory"),
    (["init", "fifo"], "fifo"),
    (["init", "c", "--from", "fifo"], "fifo: cannot read: a FIFO"),
    (["init", "c", "--from", "zero"], "zero: cannot read: a character device"),
    (["init", "c", "--from", "x" + NUL + ".jsonl"], "NUL"),
    # -o: never the corpus's own files, whatever the name; never a directory
    (["ics", "c", "-o", "c/sources.toml"], "is this corpus's own file"),
    (["export", "c", "--format", "json", "-o", "c/events.toml"], "is this corpus's own file"),
    (["plot", "c", "-o", f"c/{ARTICLE}"], "is this corpus's own file"),
    (["ics", "c", "-o", "c/./../c/sources.toml"], "is this corpus's own file"),
    (["ics", "c", "-o", "to-sources.toml"], "is this corpus's own file"),
    (["export", "c", "--format", "timelinejs", "-o", "events-again.toml"],
     "is this corpus's own file"),
    (["ics", "c", "-o", "."], "is a directory"),
    (["ics", "c", "-o", "c"], "is a directory"),
    (["ics", "c", "-o", "nowhere/x.ics"], "no such directory"),
    (["ics", "c", "-o", "x" + NUL + ".ics"], "NUL"),
    (["ics", "c", "-o", ""], "expected a file name"),
    (["ics", "c", "-o", "loop"], "symbolic links"),
    (["ics", "nowhere", "-o", "out.ics"], "sources.toml: not found"),
]


@pytest.mark.parametrize("argv, needle", CASES, ids=[repr(c[0])[:60] for c in CASES])
def test_hostile_input_is_one_line_and_writes_nothing(play: Path, argv: list[str],
                                                      needle: str) -> None:  # #13
    assert_refused(play, argv, needle)


USAGE: list[tuple[list[str], str]] = [
    (["ics", "c"], "-o"),
    (["chronology", "c", "--width", "39"], "at least 40"),
    (["chronology", "c", "--width", "9" * 5000], "--width"),
    (["plot", "c", "-o", "x.svg", "--width", "-1"], "--width"),
    (["nope"], "invalid choice"),
    (["init", "c", "--year", NUL], "--year"),
]


@pytest.mark.parametrize("argv, needle", USAGE, ids=[repr(c[0])[:60] for c in USAGE])
def test_bad_usage_exits_2(play: Path, argv: list[str], needle: str) -> None:  # #13
    assert_refused(play, argv, needle, status=2)


ELSEWHERE = [  # found here, fixed in other parts of #13: the time model, the TimeML reader
    ["check", "c", "--as-of", "9999-12-31"],  # the time model's part: fixed
    ["check", "c", "--as-of", "0001-01-01T00:00+14:00"],
    ["tag", "bogus.tml", "--anchor", "2025-02-24"],  # the TimeML reader's part: fixed
]


@pytest.mark.parametrize("argv", ELSEWHERE)
def test_edges_owned_elsewhere_give_no_traceback(play: Path, argv: list[str]) -> None:  # #13
    (play / "bogus.tml").write_bytes(b'<?xml version="1.0" encoding="bogus"?><TimeML/>')
    code, _, err = cli(*argv)
    assert code in (0, 1) and "Traceback" not in err


def test_huge_widths_are_read_as_given(play: Path) -> None:  # #13
    code, out, err = cli("chronology", "c", "--width", str(10 ** 50))
    assert (code, err) == (0, "") and out


# --- -o writes what the name names: through links, FIFOs and devices (#13) ------------------

def test_o_through_a_symlink_replaces_what_it_points_to(play: Path) -> None:  # #13
    (play / "real.ics").write_bytes(b"old")
    (play / "link.ics").symlink_to("real.ics")
    assert cli("ics", "c", "-o", "link.ics")[0] == 0
    assert (play / "link.ics").is_symlink()
    assert (play / "real.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_o_onto_a_hard_link_keeps_the_links(play: Path) -> None:  # #13
    (play / "one.svg").write_bytes(b"old")
    os.link(play / "one.svg", play / "other.svg")
    assert cli("plot", "c", "-o", "one.svg")[0] == 0
    assert (play / "other.svg").read_bytes().startswith(b"<svg")
    assert (play / "one.svg").stat().st_nlink == 2


def test_o_onto_a_fifo_writes_through_it(play: Path) -> None:  # #13
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append((play / "fifo").read_bytes()))
    reader.start()
    before = tree(play)
    assert cli("export", "c", "--format", "json", "-o", "fifo")[0] == 0
    reader.join(timeout=30)
    assert got and got[0].startswith(b"{") and tree(play) == before


def test_o_onto_a_device_writes_through_it(play: Path) -> None:  # #13
    try:  # a null device of our own: the system's /dev/null is never at risk
        os.mknod(play / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot make a device node here")
    before = tree(play)
    assert cli("ics", "c", "-o", "null")[0] == 0
    assert tree(play) == before


def _permissions_hold(folder: Path) -> bool:
    """Whether this process is kept out of a folder it may not write (root is not)."""
    try:
        (folder / ".probe").touch()
    except PermissionError:
        return True
    (folder / ".probe").unlink()
    return False


def test_o_into_a_folder_that_cannot_be_written(play: Path) -> None:  # #13
    (play / "locked").mkdir()
    (play / "locked").chmod(0o500)
    if not _permissions_hold(play / "locked"):
        pytest.skip("this user writes anywhere (root)")
    try:
        assert_refused(play, ["ics", "c", "-o", "locked/out.ics"], "Permission denied")
    finally:
        (play / "locked").chmod(0o700)


def test_a_corpus_that_cannot_be_read(play: Path) -> None:  # #13
    (play / "c" / "sources.toml").chmod(0)
    try:
        (play / "c" / "sources.toml").read_bytes()
    except PermissionError:
        pass
    else:
        pytest.skip("this user reads anything (root)")
    try:
        assert_refused(play, ["check", "c"], "Permission denied")
    finally:
        (play / "c" / "sources.toml").chmod(0o644)


# --- the same as a user runs it: a process, its exit status and its stderr (#13) -------------

SUBPROCESS: list[tuple[list[str], str]] = [
    (["ics", "c", "-o", "c/sources.toml"], "is this corpus's own file"),
    (["check", "fifo-manifest"], "a FIFO"),
    (["tag", "zero"], "a character device"),
    (["chronology", "c", "--zone", "\x1b[2J\u202eUTC"],
     "--zone: unknown zone '\\x1b[2J\\u202eUTC'"),
    (["check", "c", "--as-of", HUGE], "too long"),
    (["plot", "c", "-o", "c"], "is a directory"),
]


@pytest.mark.parametrize("argv, needle", SUBPROCESS, ids=[repr(c[0])[:40] for c in SUBPROCESS])
def test_as_a_process(play: Path, argv: list[str], needle: str) -> None:  # #13
    before = tree(play)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-m", "timeline", *argv], capture_output=True,
                          text=True, errors="backslashreplace", env=env, timeout=120,
                          check=False)
    assert done.returncode == 1 and done.stdout == "", done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("timeline: ") and needle in lines[0]
    assert "\x1b" not in done.stderr
    assert tree(play) == before


def _timeline(*argv: str, stdout: object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-m", "timeline", *argv], stdout=stdout,
                          stderr=subprocess.PIPE, env=env, timeout=120, check=False)


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_o_dev_stdout_to_a_pipe(play: Path, name: str) -> None:  # #13
    if not Path(name).exists():
        pytest.skip(f"no {name} here")
    done = _timeline("ics", "c", "-o", name, stdout=subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"BEGIN:VCALENDAR")


def test_o_dev_stdout_appends_to_a_file_the_shell_opened(play: Path) -> None:  # #13
    """``timeline ics -o /dev/stdout >> all.ics``: the file is written where the shell has
    it open, not replaced by another file behind its back."""
    (play / "all.ics").write_bytes(b"first\n")
    with (play / "all.ics").open("ab") as shell:
        done = _timeline("ics", "c", "-o", "/dev/stdout", stdout=shell)
        shell.write(b"last\n")
    assert done.returncode == 0, done.stderr
    data = (play / "all.ics").read_bytes()
    assert data.startswith(b"first\nBEGIN:VCALENDAR") and data.endswith(b"END:VCALENDAR\r\nlast\n")


def test_o_into_the_default_seed_corpus_is_refused(play: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """No DIR: the seeds are the corpus, and their files are just as much its own (#13)."""
    monkeypatch.setattr("timeline.model.load.seeds_dir", lambda: play / "c")
    assert_refused(play, ["ics", "-o", "c/events.toml"], "is this corpus's own file")
    assert_refused(play, ["plot", "-o", f"c/{ARTICLE}"], "is this corpus's own file")
