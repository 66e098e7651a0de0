"""``timeline --version`` (issue 12)."""

from __future__ import annotations

import io
import subprocess
import sys

import timeline
from timeline.cli import run


def test_version_prints_the_package_version() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["--version"], out=out, err=err) == 0
    assert out.getvalue() == f"timeline {timeline.__version__}\n"
    assert err.getvalue() == ""


def test_version_from_the_shell() -> None:
    done = subprocess.run([sys.executable, "-m", "timeline", "--version"], capture_output=True,
                          text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, f"timeline {timeline.__version__}")
    assert "--version" in subprocess.run([sys.executable, "-m", "timeline", "--help"],
                                         capture_output=True, text=True, check=True).stdout
