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
        raise ValidationError(f"{filename}: the upload could not be read") from None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(filename).name
        path.write_bytes(data)
        yield path


def with_upload(contents: str, filename: str, work: Callable[[Path], T]) -> T:
    with uploaded_file(contents, filename) as path:
        return work(path)
