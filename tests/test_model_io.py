"""Model files round-trip exactly and bad files fail with one clear line."""

import json
import zipfile

import numpy as np
import pytest

from segmenter.model_io import FORMAT_VERSION, ModelError, load_model
from segmenter.segmenter import Segmenter


def test_round_trip_gives_identical_predictions(tiny_segmenter, tiny_model_path, sample_page_text):
    loaded = Segmenter.load(tiny_model_path)
    assert loaded.segment(sample_page_text) == tiny_segmenter.segment(sample_page_text)
    assert loaded.model.get_params() == tiny_segmenter.model.get_params()
    assert loaded.metadata["format_version"] == FORMAT_VERSION
    assert loaded.metadata["training_data"]["tiny"]["pages"] == 12


def test_model_file_holds_no_pickles(tiny_model_path):
    with np.load(tiny_model_path, allow_pickle=False) as data:
        assert all(data[name].dtype != object for name in data.files)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a segmenter model file"),
        (bytes(range(256)) * 40, "not a segmenter model file"),
        (b"PK\x03\x04 truncated zip", "not a segmenter model file"),
    ],
)
def test_corrupt_files_are_refused(tmp_path, content, message):
    path = tmp_path / "bad.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        load_model(path)


def test_missing_file(tmp_path):
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "absent.npz")


def test_foreign_npz_is_refused(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(path, weights=np.zeros(3))
    with pytest.raises(ModelError, match="no format version"):
        load_model(path)


def _rewrite(source, target, **changes):
    with np.load(source, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    arrays.update(changes)
    np.savez(target, **arrays)


def test_newer_format_is_refused(tiny_model_path, tmp_path):
    newer = tmp_path / "newer.npz"
    _rewrite(tiny_model_path, newer, format_version=np.array([FORMAT_VERSION + 1], dtype=np.int32))
    with pytest.raises(ModelError, match="newer than this segmenter"):
        load_model(newer)


def test_damaged_arrays_are_refused(tiny_model_path, tmp_path):
    damaged = tmp_path / "damaged.npz"
    params = json.dumps({"C": 1.0, "word_features": 7}).encode()
    _rewrite(tiny_model_path, damaged, params=np.frombuffer(params, dtype=np.uint8))
    with pytest.raises(ModelError, match="damaged model file"):
        load_model(damaged)


def test_pickled_payload_is_not_loaded(tmp_path):
    path = tmp_path / "pickled.npz"
    np.savez(path, format_version=np.array([1]), params=np.array([{"evil": 1}], dtype=object))
    with pytest.raises(ModelError):
        load_model(path)
    assert zipfile.is_zipfile(path)


def test_older_format_is_refused(tiny_model_path, tmp_path):
    older = tmp_path / "older.npz"
    _rewrite(tiny_model_path, older, format_version=np.array([FORMAT_VERSION - 1], dtype=np.int32))
    with pytest.raises(ModelError, match="made by an older segmenter"):
        load_model(older)


def test_decoding_settings_round_trip_and_older_files_decode_without_them(tiny_segmenter, tiny_model_path, tmp_path):
    model, _ = load_model(tiny_model_path)
    assert model.twin_weight_ == tiny_segmenter.model.twin_weight_
    assert model.temperature_ == tiny_segmenter.model.temperature_
    older = tmp_path / "older.npz"
    with np.load(tiny_model_path, allow_pickle=False) as data:
        np.savez(older, **{name: data[name] for name in data.files if name not in ("twin_weight", "temperature")})
    model, _ = load_model(older)
    assert (model.twin_weight_, model.temperature_) == (0.0, 1.0)
