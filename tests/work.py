"""How much work a function does in Python, whatever the machine: for the tests that show a
step is linear (or no longer quadratic) without timing it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def python_lines(module: ModuleType, function: Callable[[], object]) -> int:
    """Lines of `module` run by `function`."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename == module.__file__:
            if event == "line":
                count += 1
            return tracer
        return None

    sys.settrace(tracer)
    try:
        function()
    finally:
        sys.settrace(None)
    return count
