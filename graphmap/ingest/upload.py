"""Files uploaded through the dashboard, handed to the importers as the real files they are."""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from graphmap import limits
from graphmap.errors import ValidationError

T = TypeVar("T")


@contextmanager
def uploaded_file(contents: str, filename: str) -> Iterator[Path]:
    """A dcc.Upload `contents` (a data URL) as a file with its own name, for as long as needed.

    The name matters: it is the document every imported fact cites as its source. A file
    over the size limit is refused before it is decoded (the request itself is refused by
    the dashboard's server when it is larger still).
    """
    if isinstance(contents, str) and len(contents) > limits.UPLOAD_REQUEST_BYTES:
        raise limits.too_big(filename, len(contents) * 3 // 4)
    try:
        _, encoded = contents.split(",", 1)
        data = base64.b64decode(encoded, validate=True)
    except (ValueError, AttributeError):
        raise ValidationError(f"{filename}: de upload kon niet gelezen worden") from None
    name = _name(filename)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


NAME_BYTES = 255  # what a file system takes as one name


def _name(filename: str) -> str:
    """The file's own name, as it can be written (and cited): its last part, without control
    characters; a name that is none, or too long to write, is refused in words."""
    name = Path(limits.clean(str(filename or "")).replace("\\", "/")).name.strip()
    if name in ("", ".", ".."):
        raise ValidationError(f"{filename!r}: het bestand heeft geen bruikbare naam")
    if len(name.encode()) > NAME_BYTES:
        raise ValidationError(
            f"{name[:60]}…: de bestandsnaam is te lang ({len(name)} tekens); geef het bestand "
            "een kortere naam en kies het opnieuw"
        )
    return name


def with_upload(contents: str, filename: str, work: Callable[[Path], T]) -> T:
    with uploaded_file(contents, filename) as path:
        return work(path)
