"""docs/seeds.ipynb runs in a real kernel without error and draws the timeline.

The notebook is executed with nbclient in a fresh ``python3`` kernel (ipykernel), from an
empty temporary working directory so it uses the seeds shipped inside the package, never a
``seeds/`` folder that happens to be beside it. The kernel must import the same
``timeline`` as these tests: a probe cell, added in memory only, reports what it imported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import timeline

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "seeds.ipynb"
PROBE = "import timeline as _probe\nprint('timeline from', _probe.__file__)"


def _read() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)


def _texts(output: Any) -> list[str]:
    """Every text an output carries: stream text and each rich representation."""
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    data = output.get("data", {})
    return [value if isinstance(value, str) else "".join(value) for value in data.values()]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook, probe cell appended, after running every cell; raises on any error."""
    nb = _read()
    nb.cells.append(nbformat.v4.new_code_cell(PROBE))
    workdir = tmp_path_factory.mktemp("notebook")
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(workdir)}})
    # The tests may import the checkout while the venv holds an installed copy (the
    # README's `pip install '.[test]'`): point the kernel at the package under test.
    package_root = str(Path(timeline.__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    client.execute(env=env)
    return nb


def test_the_notebook_is_valid_and_stored_without_outputs() -> None:
    nb = _read()
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert len(code) >= 8
    for cell in code:
        assert cell.outputs == [], f"stored with outputs: {cell.source[:60]!r}"
        assert cell.execution_count is None, f"stored executed: {cell.source[:60]!r}"


def test_the_notebook_covers_the_table_picture_views_and_exports() -> None:
    source = "\n".join(cell.source for cell in _read().cells if cell.cell_type == "code")
    for needle in ('timeline.load("seeds")', "to_dataframe(", "to_svg(", ".as_of(",
                   ".changes(", ".chronology(", ".to_ics(", "tempfile", "timeline.draft("):
        assert needle in source, needle


def test_every_cell_runs_without_error(executed: Any) -> None:
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        assert errors == [], json.dumps(errors)[:2000]
        assert cell.execution_count is not None


def test_the_kernel_imports_the_same_timeline_as_the_tests(executed: Any) -> None:
    probe = executed.cells[-1]
    printed = "".join(t for o in probe.outputs for t in _texts(o)).strip()
    assert printed.startswith("timeline from ")
    assert Path(printed.removeprefix("timeline from ")).resolve() == Path(
        timeline.__file__).resolve()


def test_the_picture_is_drawn(executed: Any) -> None:
    texts = [t for cell in executed.cells if cell.cell_type == "code"
             for o in cell.outputs for t in _texts(o)]
    assert any("<svg" in t for t in texts)
    svg_outputs = [o for cell in executed.cells if cell.cell_type == "code"
                   for o in cell.outputs if "image/svg+xml" in o.get("data", {})]
    assert svg_outputs, "SVG(tl.to_svg()) showed no image/svg+xml output"


def test_the_outputs_show_the_seeds(executed: Any) -> None:
    text = "\n".join(t for cell in executed.cells if cell.cell_type == "code"
                     for o in cell.outputs for t in _texts(o))
    assert "Chronology of 24 events from 5 articles" in text
    assert "sc-vote is unconfirmed" in text
    assert "BEGIN:VCALENDAR" in text
    assert "General Assembly" in text
    assert "Draft: 4 events from 5 articles" in text  # the draft's own HTML
    assert "Members vote at United Nations Security Council" in text
