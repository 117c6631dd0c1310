"""Where the project's data folders are: beside the package in a checkout, inside it in a wheel."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_folder(name: str) -> Path:
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"graphmap's {name}/ folder is missing from the installation")


def cypher_dir() -> Path:
    return _data_folder("cypher")


def seed_dir() -> Path:
    return _data_folder("seed")
