"""The train command: annotated pages in, a loadable model out."""

from click.testing import CliRunner
from handwritten import tiny_pages

from segmenter.cli import main
from segmenter.cli.train_cmd import weighted_path
from segmenter.pages import write_annotated
from segmenter.segmenter import Segmenter


def test_train_writes_a_model_with_its_card(tmp_path):
    pages = tmp_path / "pages.jsonl"
    write_annotated(tiny_pages(), pages)
    dev = tmp_path / "dev.jsonl"
    write_annotated(tiny_pages()[:2], dev)
    model = tmp_path / "model.npz"
    result = CliRunner().invoke(main, ["train", f"{pages}=2", "-o", str(model), "--no-stack", "--dev", str(dev)])
    assert result.exit_code == 0, result.output
    loaded = Segmenter.load(model)
    assert loaded.metadata["training_data"]["pages.jsonl"]["weight"] == 2.0
    assert 0.0 <= loaded.metadata["dev_scores"]["dev.jsonl"]["accuracy"] <= 1.0
    assert loaded.segment(tiny_pages()[0].text)


def test_train_needs_some_pages(tmp_path):
    result = CliRunner().invoke(main, ["train", "-o", str(tmp_path / "m.npz")])
    assert result.exit_code == 2
    assert "give annotated PAGES" in result.output


def test_train_names_a_bad_record(tmp_path):
    pages = tmp_path / "bad.jsonl"
    pages.write_text('{"id": "x", "text": "abc", "spans": [{"start": 0, "end": 9, "label": "news"}]}\n')
    result = CliRunner().invoke(main, ["train", str(pages), "-o", str(tmp_path / "m.npz")])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output
    assert "Traceback" not in result.output


def test_weighted_path(tmp_path):
    assert weighted_path("a.jsonl=2.5", 1.0) == (tmp_path.__class__("a.jsonl"), 2.5)
    assert weighted_path("a.jsonl", 4.0)[1] == 4.0
