"""Model files: plain arrays and JSON in one ``.npz``, loaded without unpickling anything.

A model file holds the classifier's parameters (``get_params``), its fitted arrays, and a model card
(training data summary, scores, versions). Loading uses ``numpy.load(allow_pickle=False)`` and rebuilds
the estimator from those arrays, so it runs no code from the file and survives scikit-learn upgrades.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from segmenter.labels import LABELS

if TYPE_CHECKING:
    from segmenter.classifier import BlockClassifier

#: Version of the model file's layout and feature schema; 2 dropped the page-mean stage-two columns.
FORMAT_VERSION = 2
_FITTED = ("intercept_", "stack_coef_", "stack_intercept_", "log_start_", "log_trans_")


class ModelError(Exception):
    """A model file that cannot be used; the message names the file and what to do."""


def default_model_path() -> Path:
    """Where the bundled model lives (package data of ``segmenter.models``)."""
    return Path(str(files("segmenter.models").joinpath("default.npz")))


def _json_array(value: dict) -> np.ndarray:
    return np.frombuffer(json.dumps(value, sort_keys=True).encode("utf-8"), dtype=np.uint8)


def _json_value(array: np.ndarray) -> dict:
    return json.loads(array.tobytes().decode("utf-8"))


def save_model(model: BlockClassifier, metadata: dict, path: str | Path) -> Path:
    """Write a fitted classifier and its model card to ``path`` atomically; returns the path."""
    path = Path(path)
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in model.get_params().items()}
    columns = np.flatnonzero(np.any(model.coef_ != 0, axis=0)).astype(np.int32)
    arrays = {
        "params": _json_array(params),
        "metadata": _json_array({**metadata, "format_version": FORMAT_VERSION, "labels": list(LABELS)}),
        "format_version": np.array([FORMAT_VERSION], dtype=np.int32),
        "n_features_in": np.array([model.n_features_in_], dtype=np.int64),
        "coef_columns": columns,
        "coef_values": model.coef_[:, columns].astype(np.float32),
        "transition_weight": np.array([model.transition_weight_]),
        "twin_weight": np.array([model.twin_weight_]),
        "temperature": np.array([model.temperature_]),
    }
    arrays.update({name: np.asarray(getattr(model, name)) for name in _FITTED})
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npz.tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez_compressed(out, **arrays)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a model file is meant to be shared
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_model(path: str | Path) -> tuple[BlockClassifier, dict]:
    """Read a model file written by :func:`save_model`; returns ``(classifier, metadata)``.

    Raises :class:`ModelError` with a one-line message for a missing, corrupt, foreign or newer file.
    """
    from segmenter.classifier import BlockClassifier  # scikit-learn: imported by the processes that segment
    from segmenter.stacking import stack_feature_names

    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as err:
        reason = type(err).__name__
        raise ModelError(f"{path}: not a segmenter model file ({reason}); retrain it with `segmenter train`") from None
    if "format_version" not in arrays or "params" not in arrays:
        raise ModelError(f"{path}: not a segmenter model file (no format version); use one made by `segmenter train`")
    version = int(arrays["format_version"][0])
    if version < FORMAT_VERSION:
        raise ModelError(
            f"{path}: model format {version} was made by an older segmenter whose features differ from this "
            f"one's ({FORMAT_VERSION}); retrain it with `segmenter train`"
        )
    if version > FORMAT_VERSION:
        raise ModelError(
            f"{path}: model format {version} is newer than this segmenter understands ({FORMAT_VERSION}); "
            "upgrade segmenter"
        )
    try:
        params = _json_value(arrays["params"])
        metadata = _json_value(arrays["metadata"])
        model = BlockClassifier(**{k: tuple(v) if isinstance(v, list) else v for k, v in params.items()})
        n_features = int(arrays["n_features_in"][0])
        coef = np.zeros((len(LABELS), n_features), dtype=np.float32)
        coef[:, arrays["coef_columns"]] = arrays["coef_values"]
        model.coef_ = coef
        for name in _FITTED:
            setattr(model, name, arrays[name])
        model.transition_weight_ = float(arrays["transition_weight"][0])
        # Files written before repeats were drawn to their twins, or confidences tempered, decode as they did.
        model.twin_weight_ = float(arrays["twin_weight"][0]) if "twin_weight" in arrays else 0.0
        model.temperature_ = float(arrays["temperature"][0]) if "temperature" in arrays else 1.0
        model.n_features_in_ = n_features
        model.classes_ = np.array(LABELS)
        expected = model.n_lexical_features + len(model.feature_names())
        stage_two = len(stack_feature_names()) if model.stack else 0
        if (expected != n_features or model.intercept_.shape != (len(LABELS),)
                or model.stack_coef_.shape != (len(LABELS), stage_two)):
            raise ValueError("array shapes do not match the parameters")
    except (KeyError, ValueError, TypeError, UnicodeDecodeError, IndexError) as err:
        raise ModelError(f"{path}: damaged model file ({err}); retrain it with `segmenter train`") from None
    return model, metadata
