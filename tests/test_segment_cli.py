"""``segmenter segment``: exit codes, formats, one line per page in order, and surviving a kill."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from handwritten import CHROME, NEWS, OPINION, RELEASE

from segmenter.cli import main

LINES = CHROME + NEWS + RELEASE + OPINION


def page_text(k: int) -> str:
    """A page of a few hand-written lines, different for each k."""
    picks = [LINES[(k * 7 + j * 3) % len(LINES)] for j in range(4 + k % 5)]
    return "\n\n".join(picks + [f"Post number {k}, written for the tests."])


def write_dump(path: Path, n: int, broken: tuple[int, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as dump:
        for k in range(n):
            dump.write("{not json\n" if k in broken else json.dumps({"id": f"page-{k}", "text": page_text(k)}) + "\n")
    return path


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["segment", *args], input=input)


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    return write_dump(tmp_path / "dump.jsonl", 12)


def test_every_page_gives_one_line_in_input_order(dump, tmp_path, tiny_model_path):
    out = tmp_path / "out.jsonl"
    result = invoke(str(dump), "-o", str(out), "-m", str(tiny_model_path))
    assert result.exit_code == 0, result.output
    pages = [json.loads(line) for line in out.read_text().splitlines()]
    assert [p["id"] for p in pages] == [f"page-{k}" for k in range(12)]
    for k, page in enumerate(pages):
        text = page_text(k)
        assert all(text[s["start"] : s["end"]] == s["text"] for s in page["segments"])
    assert "12 pages in: 12 segmented, 0 failed" in result.stderr
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_two_jobs_write_the_same_file_as_one(tmp_path, tiny_model_path):
    dump = write_dump(tmp_path / "dump.jsonl", 150, broken=(40, 41, 99))
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        result = invoke(str(dump), "-o", str(out), "-m", str(tiny_model_path), "--jobs", jobs, "-q")
        assert result.exit_code == 1
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    ids = [json.loads(line)["id"] for line in outputs[1].decode().splitlines()]
    assert ids[:40] == [f"page-{k}" for k in range(40)]
    assert len(ids) == 150


def test_a_failed_page_is_an_error_line_and_exit_status_1(tmp_path, tiny_model_path):
    dump = write_dump(tmp_path / "dump.jsonl", 4, broken=(2,))
    result = invoke(str(dump), "-m", str(tiny_model_path))
    assert result.exit_code == 1
    pages = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["id"] for p in pages] == ["page-0", "page-1", f"{dump}:3", "page-3"]
    assert pages[2]["error"].startswith(f"{dump}:3: invalid JSON")
    assert "4 pages in: 3 segmented, 1 failed" in result.stderr


def test_errors_can_go_to_their_own_file(tmp_path, tiny_model_path):
    dump = write_dump(tmp_path / "dump.jsonl", 4, broken=(2,))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    result = invoke(str(dump), "-o", str(out), "--errors", str(errors), "-m", str(tiny_model_path))
    assert result.exit_code == 1
    assert len(out.read_text().splitlines()) == 3
    assert [json.loads(line)["id"] for line in errors.read_text().splitlines()] == [f"{dump}:3"]


def test_csv_and_only(dump, tmp_path, tiny_model_path):
    result = invoke(str(dump), "--format", "csv", "-m", str(tiny_model_path))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["id"] for row in rows} == {f"page-{k}" for k in range(12)}
    result = invoke(str(dump), "--only", "news, opinion", "-m", str(tiny_model_path))
    assert result.exit_code == 0
    pages = [json.loads(line) for line in result.stdout.splitlines()]
    assert [sorted(p) for p in pages] == [["id", "text"]] * 12


def test_standard_input(tiny_model_path):
    result = invoke("-", "-m", str(tiny_model_path), input=page_text(3))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "stdin"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl"], "input not found: missing.jsonl"),
        (["{dump}", "--only", "sports"], "unknown label 'sports'"),
        (["{dump}", "--jobs", "0"], "give a number of processes"),
        (["{dump}", "--resume"], "--resume needs an output file"),
        (["{dump}", "-o", "{dump}"], "is also an input"),
        (["{dump}", "--encoding", "no-such-codec"], "no-such-codec"),
        (["{dump}", "-m", "{bad_model}"], "not a segmenter model file"),
        (["{dump}", "-m", "{bad_model}", "--jobs", "2", "-o", "{dump}.out"], "not a segmenter model file"),
    ],
)
def test_usage_and_model_errors_exit_2_with_one_line(dump, tmp_path, args, message):
    bad_model = tmp_path / "bad.npz"
    bad_model.write_bytes(b"this is not a model")
    result = invoke(*[a.format(dump=dump, bad_model=bad_model) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not list(tmp_path.glob("*.out*"))  # nothing written


def test_with_workers_the_parent_process_never_loads_the_model(dump, tmp_path, tiny_model_path):
    """It only reads and writes pages: loading scikit-learn would cost it a second of a core."""
    out = tmp_path / "out.jsonl"
    script = (
        "import sys\n"
        "from segmenter.cli import main\n"
        "try:\n"
        f"    main(['segment', {str(dump)!r}, '-o', {str(out)!r}, '-m', {str(tiny_model_path)!r}, '--jobs', '2'])\n"
        "finally:\n"
        "    print(sorted(m for m in ('sklearn', 'segmenter.classifier') if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.stdout.strip() == "[]", run.stderr
    assert "12 pages in: 12 segmented, 0 failed" in run.stderr
    assert len(out.read_text().splitlines()) == 12


def test_an_interrupted_runs_journal_is_not_overwritten(dump, tmp_path, tiny_model_path):
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.partial").write_text("")
    result = invoke(str(dump), "-o", str(out), "-m", str(tiny_model_path))
    assert result.exit_code == 2
    assert "holds an interrupted run: add --resume" in result.stderr


def test_resuming_a_complete_output_does_nothing(dump, tmp_path, tiny_model_path):
    out = tmp_path / "out.jsonl"
    assert invoke(str(dump), "-o", str(out), "-m", str(tiny_model_path)).exit_code == 0
    result = invoke(str(dump), "-o", str(out), "-m", str(tiny_model_path), "--resume")
    assert result.exit_code == 0
    assert "is complete: nothing to resume" in result.stderr


def _stop_midway(command: list[str], dump: Path, partial: Path, how: signal.Signals, lines: int) -> int:
    """Feed ``dump`` to ``command`` on standard input, all but its last record, and send the process
    group ``how`` (as Ctrl-C in a terminal does) once ``partial`` has ``lines`` lines; returns the exit
    status. Holding the last record back means the run cannot finish before the signal arrives, and
    shows that pages are written while the producer of a pipe is still writing."""
    records = dump.read_bytes().splitlines(keepends=True)
    log = partial.with_name("stderr.txt")
    with log.open("wb") as stderr_file:
        run = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=stderr_file, start_new_session=True)
    assert run.stdin is not None

    def feed() -> None:
        with contextlib.suppress(OSError):  # the pipe breaks when the run is stopped
            run.stdin.writelines(records[:-1])
            run.stdin.flush()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        while run.poll() is None and (not partial.exists() or partial.read_bytes().count(b"\n") < lines):
            time.sleep(0.01)
        assert run.poll() is None, log.read_text()
        os.killpg(run.pid, how)
        with contextlib.suppress(OSError):  # Ctrl-C in a terminal stops the producer of the pipe too
            run.stdin.close()
        run.wait(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)  # no worker process outlives the test
        run.wait()
        feeder.join(timeout=10)
    stderr = log.read_text()
    if how == signal.SIGINT:
        assert stderr.strip().endswith(f"kept in {partial}: add --resume to continue"), stderr
    return run.returncode


def test_stopping_a_run_and_resuming_gives_the_uninterrupted_output(tmp_path, tiny_model_path):
    dump = write_dump(tmp_path / "big.jsonl", 600, broken=(5, 400))
    model = str(tiny_model_path)
    reference, out = tmp_path / "reference.jsonl", tmp_path / "out.jsonl"
    partial = tmp_path / "out.jsonl.partial"
    assert invoke("-", "-o", str(reference), "-m", model, "-q", input=dump.read_text()).exit_code == 1
    command = [sys.executable, "-m", "segmenter", "segment", "-", "-o", str(out), "-m", model, "--jobs", "2"]

    assert _stop_midway(command, dump, partial, signal.SIGINT, 30) == 130  # Ctrl-C
    assert not out.exists()
    interrupted = partial.read_bytes().count(b"\n")
    assert _stop_midway(command + ["--resume"], dump, partial, signal.SIGKILL, interrupted + 30) == -signal.SIGKILL
    assert not out.exists()
    assert interrupted + 30 <= partial.read_bytes().count(b"\n") < 600

    assert invoke("-", "-o", str(out), "-m", model, "-q", "--resume", input=dump.read_text()).exit_code == 1
    assert out.read_bytes() == reference.read_bytes()
    assert not partial.exists()
