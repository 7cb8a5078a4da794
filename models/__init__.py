"""The bundled default model (package data: `segmenter.models`)."""
