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


# -- heading and label variants ----------------------------------------------------------------
VARIANTS = """Jaaractieplan 2026 – ELZ Testzone

Strategische doelstelling 1: Een sterk netwerk

Subdoel 1.1: Partners kennen elkaar

A1.1.1 Netwerkdag voor alle partners
Trekker: OCMW Geel | Partners: CAW De Kempen, Huisartsenkring Kempen | Timing: najaar 2026

A 1.1.2 Nieuwsbrief
trekker: OCMW Mol
partners: Familiehulp

Act. 1.1.3 Rondgang bij ontbrekende partners
Trekker(s): OCMW Dessel
Partner(s): Familiehulp

Actiepunt 1.1.4 Vorming
Lead: OCMW Retie
Betrokken partners: Familiehulp

Project 1.1.5 Buddywerking
Eigenaar: OCMW Balen
Samenwerkingspartners: Familiehulp

Actie 1.1.a Zitdag
Verantwoordelijke: OCMW Laakdal
Samen met: Familiehulp

Actie 1.1.b Signaalkaart
Trekker: OCMW Meerhout
Met: Familiehulp

Actie 1.1.c Infomarkt
Trekker: OCMW Kasterlee
Uitvoerders: Familiehulp

Operationele doelstelling 1.2: Zorg dichtbij

Wat\tWie\tMet wie\tWanneer
Huisbezoeken\tOCMW Olen\tFamiliehulp\t2027

Maatregel 1.2.9 Een kop die niet gelezen wordt
"""


def test_heading_and_label_variants_are_read(tmp_path):
    preview = _preview(tmp_path, VARIANTS)
    assert [(g.number, g.title) for g in preview.operational_goals] == [
        ("1.1", "Partners kennen elkaar"),
        ("1.2", "Zorg dichtbij"),
    ]
    actions = _actions(preview)
    leads = {a.title: (a.lead, a.partners) for a in preview.actions}
    assert leads == {
        "Netwerkdag voor alle partners": ("OCMW Geel", ["CAW De Kempen", "Huisartsenkring Kempen"]),
        "Nieuwsbrief": ("OCMW Mol", ["Familiehulp"]),
        "Rondgang bij ontbrekende partners": ("OCMW Dessel", ["Familiehulp"]),
        "Vorming": ("OCMW Retie", ["Familiehulp"]),
        "Buddywerking": ("OCMW Balen", ["Familiehulp"]),
        "Zitdag": ("OCMW Laakdal", ["Familiehulp"]),
        "Signaalkaart": ("OCMW Meerhout", ["Familiehulp"]),
        "Infomarkt": ("OCMW Kasterlee", ["Familiehulp"]),
        "Huisbezoeken": ("OCMW Olen", ["Familiehulp"]),
    }
    assert {"1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.a", "1.1.b"} <= set(actions)
    assert actions["1.1.1"].timing == "najaar 2026"
    assert actions["1.1.a"].operational_goal == "1.1"
    [warning] = [w for w in preview.warnings if "Maatregel" in w]
    assert warning.startswith("regel 43: «Maatregel 1.2.9")
