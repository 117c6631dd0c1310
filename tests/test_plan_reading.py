"""Reading plans written in other zones' styles: heading and label variants, Word's numbering,
content controls and tracked changes, PDF tables, page furniture, tables of contents,
Windows-1252 text, words broken over a line, and hostile long lines."""

from __future__ import annotations

import json
import resource
import subprocess
import sys

from graphmap.ingest import plan


def _preview(tmp_path, text: str, name: str = "plan.txt", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return plan.read_plan(path, "testzone")


def _actions(preview) -> dict:
    return {a.id_code: a for a in preview.actions}


# -- hostile long lines ------------------------------------------------------------------------
_LONG_LINES = """
import json, sys
from graphmap.ingest.organisations import names_with_evidence
from graphmap.ingest.outline import logical_lines
words = "Organisatie " * 40_000
chain = "A-" * 100_000 + " en AZ Turnhout"
dots = "Inleiding " + "." * 100_000 + " 3"
tabs = "Inleiding" + "\\t" * 100_000 + "x"
sentence = words + "met Thuiszorg Mol vzw"
found = names_with_evidence([(sentence, ""), (chain, "")])
lines = [line.text for line in logical_lines([dots, tabs])]
json.dump({"names": [name for name, _ in found], "lines": lines}, sys.stdout)
"""


def _cpu_limit() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


def test_long_lines_of_capitalised_words_or_dots_are_read_in_one_pass():
    """Lines of hundreds of KB (repeated capitalised words, a hyphenated chain, dot leaders)
    once took minutes of CPU each: the name patterns and the leader pattern backtracked over
    the whole line from every word. The CPU limit is a guard against a hang, not a measure."""
    done = subprocess.run(
        [sys.executable, "-c", _LONG_LINES],
        capture_output=True,
        text=True,
        preexec_fn=_cpu_limit,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["names"] == ["Thuiszorg Mol vzw", "AZ Turnhout"]
    assert result["lines"][0] == "Inleiding"
