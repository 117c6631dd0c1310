"""Reading plans: the seed plans, the test corpus's, and big and hostile plans made from them
(500 pages, 5,000 actions, a 1 MB line, 100,000 empty lines, a DOCX of 2,000 tables …),
each read as `graphmap import-plan` reads it (`plan.read_plan`, nothing written). A reader
linear in a plan's size reads each at about the seeds' MB/s; a superlinear spot shows as a
plan far below it.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from bench.measure import guarded
from graphmap.ingest import plan
from graphmap.ingest.documents import read_lines

ROOT = Path(__file__).resolve().parent.parent
# The four real plans (not in the repository); GRAPHMAP_BENCH_PLANS names another folder.
SEEDS = Path(os.environ.get("GRAPHMAP_BENCH_PLANS", "/work/shared/seeds"))
CORPUS = ROOT / "tests" / "data" / "plans"

GOALS = "Strategische doelstelling 1: Samenwerking\nOperationele doelstelling 1.1: Netwerk\n"
HEAD = GOALS + "Actie 1.1.1: Overleg\n"
_GOAL_HEAD = re.compile(
    r"^(\s*(?:Strategische doelstelling|Operationele doelstelling|Actie)\s+)(\d+)", re.M | re.I
)


def _renumbered(text: str, offset: int) -> str:
    """The plan again with its goals and actions numbered `offset` further."""
    return _GOAL_HEAD.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + offset}", text)


def _source_text() -> str:
    """The longest seed plan, or the test corpus's plans when the seeds are elsewhere."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        return max((p.read_text() for p in seeds), key=len)
    return "\n".join(p.read_text() for p in sorted(CORPUS.glob("*.txt")))


def _pages(text: str, pages: int) -> str:
    """About `pages` pages (2,300 characters a page) of the plan, its goals renumbered."""
    copies = max(1, pages * 2300 // len(text))
    return "\n".join(_renumbered(text, 10 * k) for k in range(copies))


def _actions(count: int) -> str:
    parts = ["Meerjarenplan ELZ Testzone\n"]
    for n in range(count):
        sd, od, a = n // 500 + 1, n // 100 % 5 + 1, n % 100 + 1
        if n % 500 == 0:
            parts.append(f"Strategische doelstelling {sd}: De zone werkt aan thema {sd}\n")
        if n % 100 == 0:
            parts.append(f"Operationele doelstelling {sd}.{od}: Onderdeel {od}\n")
        parts.append(
            f"Actie {sd}.{od}.{a}: Overleg met de partners, ronde {a}\n"
            f"Trekker: OCMW Gemeente{a}\n"
            f"Partners: Huisartsenkring {a}, CAW Limburg, Wit-Gele Kruis\n"
            f"Timing: Q{a % 4 + 1} 2026\nIndicator: {a} overlegmomenten\n\n"
        )
    return "".join(parts)


def _docx(path: Path, tables: int) -> None:
    import docx

    document = docx.Document()
    for line in HEAD.splitlines()[:2]:
        document.add_paragraph(line)
    for n in range(1, tables + 1):
        document.add_paragraph(f"Actie 1.1.{n}: Overleg {n}")
        table = document.add_table(rows=3, cols=2)
        for row, (label, value) in enumerate(
            [("Trekker", f"OCMW Dorp{n}"), ("Partners", "CAW Limburg, Samana"), ("Timing", "2026")]
        ):
            table.cell(row, 0).text, table.cell(row, 1).text = label, value
    document.save(path)


def _pdf(path: Path, text: str, pages: int) -> None:
    from fpdf import FPDF

    lines = [ln.encode("latin-1", "replace").decode("latin-1") for ln in text.splitlines()]
    lines = [ln[:110] for ln in lines if ln.strip()]
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for page in range(pages):
        pdf.add_page()
        for n in range(45):
            pdf.cell(0, 5, lines[(page * 45 + n) % len(lines)], new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def generated(folder: Path) -> list[tuple[str, Path]]:
    """The big and hostile plans, written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = _source_text()
    names = ", ".join(f"Organisatie Nummer{n} vzw" for n in range(2000))
    words = " ".join(f"woord{n}" for n in range(130_000))[:1_000_000]
    rows = "\n".join(
        f"| 1.1.{n} | Overleg {n} | OCMW Gemeente{n} | Q{n % 4 + 1} 2026 |" for n in range(1, 3001)
    )
    texts = {
        "500 pages (the longest seed again and again)": ("pages.txt", _pages(text, 500), "utf-8"),
        "5,000 actions": ("actions.txt", _actions(5000), "utf-8"),
        "2,000 partners on one line": ("partners.txt", f"{HEAD}Partners: {names}\n", "utf-8"),
        "a line of 1 MB of words": ("words.txt", f"{HEAD}Partners: {words}\n", "utf-8"),
        "a line of 1 MB of spaces": (
            "spaces.txt",
            f"{HEAD}Partners: a{' ' * 1_000_000}b\n",
            "utf-8",
        ),
        "100,000 empty lines": ("empty.txt", HEAD + "\n" * 100_000 + "Actie 1.1.2: X\n", "utf-8"),
        "a table of 3,000 rows (Markdown)": (
            "table.md",
            f"{GOALS}\n| Nr | Actie | Trekker | Timing |\n|---|---|---|---|\n{rows}\n",
            "utf-8",
        ),
        "bullets nested 1,000 deep": (
            "nested.txt",
            HEAD + "".join(f"{'  ' * d}- punt op niveau {d}\n" for d in range(1000)),
            "utf-8",
        ),
        "right-to-left and zero-width characters": (
            "rtl.txt",
            (HEAD + "Partners: \u05d0\u05d1\u05d2 " * 200 + "\u200b\u200f" * 300 + "\n") * 100,
            "utf-8",
        ),
        "the longest seed in UTF-16": ("utf16.txt", text, "utf-16"),
    }
    out = []
    for label, (name, content, encoding) in texts.items():
        (folder / name).write_bytes(content.encode(encoding))
        out.append((label, folder / name))
    _docx(folder / "tables.docx", 2000)
    out.append(("a DOCX of 2,000 tables", folder / "tables.docx"))
    _pdf(folder / "pages.pdf", text, 100)
    out.append(("a PDF of 100 pages", folder / "pages.pdf"))
    return out


def _read(path: Path) -> dict:
    started = time.perf_counter()
    preview = plan.read_plan(path, "zone")
    seconds = time.perf_counter() - started
    size = path.stat().st_size
    return {
        "file": path.name,
        "bytes": size,
        "lines": len(read_lines(path)),
        "actions": len(preview.actions),
        "s": round(seconds, 3),
        "mb_per_s": round(size / 1024 / 1024 / seconds, 2) if seconds else None,
    }


def measure(folder: Path, progress: Callable[[str], None] = print) -> dict:
    """Seconds to read each plan once (a plan of seconds needs no median)."""
    plans = (
        [(f"seed {p.name[:3]}", p) for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    )
    plans += [
        (f"corpus {p.name}", p)
        for p in sorted(CORPUS.iterdir())
        if p.suffix in (".txt", ".pdf", ".docx")
    ]
    plans += generated(folder)
    figures = {}
    for label, path in plans:
        progress(f"  plan: {label}")
        figures[label] = guarded(lambda p=path: _read(p))
    return figures
