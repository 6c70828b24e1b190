"""Where the app's bundled files (icons, translations, templates) are, from source or a bundle.

Qt-free, so the command line and the self-test can find resources too.
"""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES_DIRNAME = "resources"


def resources_dir() -> Path:
    """The ``resources`` folder: beside the package in a checkout, inside a PyInstaller bundle.

    PyInstaller unpacks data files under ``sys._MEIPASS`` (the bundle's ``_internal`` folder
    for a one-dir build); ``build.spec`` copies ``resources/`` there under the same name.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / RESOURCES_DIRNAME
    return Path(__file__).resolve().parent.parent / RESOURCES_DIRNAME


def resource_path(*parts: str) -> Path:
    """A file inside the resources folder, e.g. ``resource_path("icons", "app.svg")``."""
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path:
    return resource_path("translations")


def icons_dir() -> Path:
    return resource_path("icons")
