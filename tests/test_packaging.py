"""Packaging: every package is installed, and the bundled model ships as package data."""

import configparser
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_setup_cfg():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    assert set(find_packages(str(ROOT), include=["segmenter", "segmenter.*"])) | {"segmenter.models"} == listed


def test_models_folder_is_a_package():
    assert (ROOT / "models" / "__init__.py").is_file()
