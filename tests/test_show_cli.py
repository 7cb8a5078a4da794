"""``segmenter show``, ``explain``, ``info`` and ``export`` through the command line, with the tiny model."""

from __future__ import annotations

import json
import re

import click
import pytest
from click.testing import CliRunner

from segmenter.cli import main
from segmenter.formats import read_pages
from segmenter.model_io import FORMAT_VERSION


@pytest.fixture()
def page_file(tmp_path, sample_page_text):
    path = tmp_path / "thread.txt"
    path.write_text(sample_page_text, encoding="utf-8")
    return path


def _run(*args: str, env: dict | None = None, color: bool = False):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, color=color)


def _gutter(output: str) -> list[str]:
    """The labels named in the gutter, top to bottom."""
    return re.findall(r"^([a-z_]+) +\d\.\d\d │", click.unstyle(output), flags=re.MULTILINE)


# -- show -----------------------------------------------------------------------------------------


def test_show_prints_the_page_with_a_gutter_legend_and_totals(page_file, tiny_model_path):
    result = _run("show", page_file, "--model", tiny_model_path, "--width", "100")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == ["thread.txt", "█ news  █ press_release  █ opinion  █ boilerplate"]
    assert _gutter(result.output) == ["boilerplate", "news", "opinion"]
    assert "\x1b[" not in result.output  # not a terminal: no colour
    assert re.search(r"^total +3 +\d", result.output, flags=re.MULTILINE)


def test_show_colours_on_request_and_no_color_wins(page_file, tiny_model_path):
    coloured = _run("show", page_file, "-m", tiny_model_path, "--color", color=True)
    assert click.style("█ news", fg="cyan") in coloured.output
    plain = _run("show", page_file, "-m", tiny_model_path, env={"NO_COLOR": "1"}, color=True)
    assert "\x1b[" not in plain.output
    assert _gutter(plain.output) == _gutter(coloured.output)


def test_show_html_writes_a_standalone_page(page_file, tiny_model_path, tmp_path):
    out = tmp_path / "view.html"
    result = _run("show", page_file, "-m", tiny_model_path, "--html", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert re.findall(r'class="seg" data-label="([a-z_]+)"', html) == ["boilerplate", "news", "opinion"]
    assert "<title>thread.txt · segmenter</title>" in html
    assert "model tiny.npz" in html


def test_show_picks_a_record_of_a_jsonl_dump(tmp_path, tiny_model_path, sample_page_text):
    dump = tmp_path / "dump.jsonl"
    rows = [{"id": "a", "text": "Reply"}, {"id": "b", "text": sample_page_text}]
    dump.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = _run("show", dump, "--id", "b", "-m", tiny_model_path)
    assert result.output.splitlines()[0] == "b"
    assert _gutter(result.output) == ["boilerplate", "news", "opinion"]
    missing = _run("show", dump, "--id", "zz", "-m", tiny_model_path)
    assert missing.exit_code == 1
    assert missing.output == f"Error: {dump}: no page with id 'zz'\n"


def test_show_refuses_a_missing_page_in_one_line(tmp_path):
    result = _run("show", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert result.output == f"Error: input not found: {tmp_path / 'nope.txt'}\n"


# -- explain --------------------------------------------------------------------------------------


def test_explain_a_line_shows_probabilities_and_features_per_label(page_file, tiny_model_path):
    result = _run("explain", page_file, "--line", "13", "--top", "3", "-m", tiny_model_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Block 7 · line 13 · characters ")
    assert lines[1].startswith("  “HARBOURTON (Wire) -- Ferry operators")
    assert lines[2].startswith("Decoded label: news (probability ")
    stage_one = result.output.split("Stage one")[1].split("Stage two")[0]
    assert re.findall(r"^  ([a-z_]+)   intercept", stage_one, flags=re.MULTILINE)[0] == "news"
    assert len(re.findall(r"^ +[+-]\d+\.\d{3}  = ", stage_one, flags=re.MULTILINE)) == 4 * 3


def test_explain_by_block_matches_explain_by_line_and_has_json(page_file, tiny_model_path):
    by_line = _run("explain", page_file, "--line", "13", "--json", "-m", tiny_model_path)
    by_block = _run("explain", page_file, "--block", "7", "--json", "-m", tiny_model_path)
    assert by_line.output == by_block.output
    data = json.loads(by_line.output)
    assert data["line"] == 13 and data["block"]["index"] == 6 and data["decoded_label"] == "news"
    assert set(data["contributions"]) == {"news", "press_release", "opinion", "boilerplate"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--line", "2"], "Invalid value for --line: line 2 is blank; it has no block"),
        (["--line", "99"], "Invalid value for --line: the page has 23 lines"),
        (["--block", "99"], "Invalid value for --block: the page has 12 blocks"),
        ([], "give exactly one of --line or --block"),
    ],
)
def test_explain_refuses_lines_without_a_block(page_file, tiny_model_path, args, message):
    result = _run("explain", page_file, "-m", tiny_model_path, *args)
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == f"Error: {message}"


# -- info -----------------------------------------------------------------------------------------


def test_info_shows_the_model_card(tiny_model_path):
    result = _run("info", tiny_model_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Model           {tiny_model_path} ({tiny_model_path.stat().st_size / 1000:.1f} kB)"
    assert f"Format version  {FORMAT_VERSION}" in lines
    assert "Labels          news, press_release, opinion, boilerplate" in lines
    assert re.search(r"^ +tiny +12 ", result.output, flags=re.MULTILINE)
    assert re.search(r"^Trained with +segmenter [\d.]+, scikit-learn [\d.]+", result.output, flags=re.MULTILINE)


def test_info_json_is_the_stored_metadata_plus_the_file(tiny_model_path):
    data = json.loads(_run("info", tiny_model_path, "--json").output)
    assert data["path"] == str(tiny_model_path) and data["size_bytes"] == tiny_model_path.stat().st_size
    assert data["format_version"] == FORMAT_VERSION and data["training_data"]["tiny"]["pages"] == 12
    assert {"created", "sklearn_version", "features", "labels"} <= set(data)


def test_info_refuses_a_file_that_is_not_a_model(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    result = _run("info", bad)
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {bad}: not a segmenter model file")


# -- export ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "segmenter"])
def test_export_writes_the_model_output_in_the_tool_format(page_file, tiny_model_path, tmp_path, fmt):
    out = tmp_path / "out.jsonl"
    result = _run("export", page_file, "--format", fmt, "-o", out, "-m", tiny_model_path)
    assert result.exit_code == 0, result.output
    assert result.output == f"export: wrote 1 pages ({fmt}) to {out}\n"
    (page,) = read_pages(out)
    assert page.id == str(page_file)
    assert [s.label for s in page.spans] == ["boilerplate", "news", "opinion"]


def test_export_label_studio_predictions_carry_scores_and_a_config(page_file, tiny_model_path, tmp_path):
    out, config = tmp_path / "tasks.json", tmp_path / "config.xml"
    label_map = "NEWS=news,PR=press_release,COMMENT=opinion,CHROME=boilerplate"
    result = _run("export", page_file, "-f", "labelstudio", "-o", out, "-m", tiny_model_path,
                  "--label-map", label_map, "--label-config", config)
    assert result.exit_code == 0, result.output
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    regions = task["predictions"][0]["result"]
    assert [r["value"]["labels"] for r in regions] == [["CHROME"], ["NEWS"], ["COMMENT"]]
    assert all(0 <= r["score"] <= 1 for r in regions)
    labels_offered = re.findall(r'<Label value="([A-Z]+)"', config.read_text(encoding="utf-8"))
    assert labels_offered == ["NEWS", "PR", "COMMENT", "CHROME"]
    skipped: list[str] = []
    assert list(read_pages(out, label_map=label_map, on_skip=skipped.append)) == []
    assert skipped == [f"{out}[0]: skipped, only predictions, no annotation"]


def test_export_label_studio_annotations_read_back_for_training(page_file, tiny_model_path, tmp_path):
    out = tmp_path / "tasks.json"
    _run("export", page_file, "-f", "labelstudio", "--as", "annotations", "-o", out, "-m", tiny_model_path)
    (page,) = read_pages(out)
    assert [s.label for s in page.spans] == ["boilerplate", "news", "opinion"]


def test_export_reports_unreadable_records_and_exits_1(tmp_path, tiny_model_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text('{"id": "a", "text": "Reply"}\n{"id": "b"}\n', encoding="utf-8")
    result = _run("export", dump, "-f", "prodigy", "-o", tmp_path / "out.jsonl", "-m", tiny_model_path)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(f"export: skipped {dump}:2: no \"text\" or \"html\" field")
    assert len(list(read_pages(tmp_path / "out.jsonl"))) == 1


def test_export_refuses_a_bad_label_map(page_file):
    result = _run("export", page_file, "-f", "doccano", "--label-map", "PR=gossip")
    assert result.exit_code == 2
    assert "Invalid value for --label-map: label map: 'PR' maps to 'gossip'" in result.output


def test_every_command_has_help_with_an_example():
    assert {"segment", "train", "compose", "evaluate", "show", "explain", "info", "export"} <= set(main.commands)
    for name in main.commands:
        result = _run(name, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output


def test_show_annotated_displays_a_users_spans_through_the_label_map(tmp_path):
    export = tmp_path / "doccano.jsonl"
    rows = [
        {"id": 1, "text": "Menu\nWe hereby announce it.\n", "label": [[0, 4, "CHROME"], [5, 27, "PR"]]},
        {"id": 2, "text": "Menu\nI disagree.\n", "label": [[0, 4, "CHROME"], [5, 16, "COMMENT"]]},
    ]
    export.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    label_map = "PR=press_release,COMMENT=opinion,CHROME=boilerplate"
    result = _run("show", export, "--annotated", "--id", "2", "--label-map", label_map)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "2"
    assert _gutter(result.output) == ["boilerplate", "opinion"]
    unmapped = _run("show", export, "--annotated")
    assert unmapped.exit_code == 1
    assert unmapped.output.startswith(f"Error: {export}:1: label 'CHROME' is not one of")
