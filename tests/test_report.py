"""The zorgraad report and the follow-up commands, through the CLI on the real store."""

from __future__ import annotations

import getpass
import io
import json
from datetime import timedelta

import docx
import icalendar
import pdfplumber
from click.testing import CliRunner

from graphmap import access, dates, followup
from graphmap.analysis import gaps
from graphmap.cli import cli
from graphmap.report import picture, zorgraad


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _status(*args):
    result = run("status", *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_status_history_and_followups_on_the_command_line(seeded, embedded_env, tmp_path):
    today = dates.today()
    days = [(today - timedelta(days=n)).isoformat() for n in (20, 10, 1)]
    for status, on in zip(("contacted", "involved", "member"), days, strict=True):
        _status("pallion", status, "--zone", "maasland", "--cluster", "welzijn", "--on", on,
                "--note", f"stap {status}")  # fmt: skip
    assert "al lid" in _status("pallion", "member", "--zone", "maasland", "--cluster", "welzijn")
    history = json.loads(run("history", "--organisation", "pallion", "--format", "json").output)
    assert [(h["to_status"], h["on"]) for h in history] == [
        ("member", days[2]),
        ("involved", days[1]),
        ("contacted", days[0]),
    ]
    assert all(h["by"].startswith("cli:") for h in history)
    table = run("history", "--zone", "maasland").output
    assert "gecontacteerd -> betrokken" in table and "3 wijzigingen" in table
    # The table names the source as the CSV and the JSON do: here the register, that day.
    header, _, first = table.splitlines()[:3]
    assert header.split()[-1] == "bron"
    assert first.rstrip().endswith(history[0]["source"]) and history[0]["source"]
    assert run("status", "pallion", "member", "--zone", "maasland", "--cluster", "welzijn",
               "--on", "morgen").exit_code == 2  # fmt: skip

    followup.record_moment(
        seeded,
        "pallion",
        "maasland",
        {"kind": "telefoon", "what": "Verslag sturen", "due": (today + timedelta(days=3))},
        actor="cli:test",
    )
    target = tmp_path / "opvolging.ics"
    assert run("followups", "--zone", "maasland", "--format", "ics", "-o", target).exit_code == 0
    [event] = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == today + timedelta(days=3)
    assert run("followups", "--overdue").output.strip().endswith("0 open stappen")


def test_status_takes_an_id_or_a_name_only_one_organisation_has(seeded, embedded_env):
    # "Gemeente Zulte" was refused as no organisation, without a word that an id was wanted.
    where = ("lid", "--zone", "maasland", "--cluster", "welzijn")
    assert "pallion in maasland/welzijn: lid" in _status(
        "pallion (PALLIATIEF netwerk limburg)", *where
    )
    # An id is taken case aside ("Pallion" is pallion); a part of the name is not a name.
    result = run("status", "Pallio", *where)
    assert result.exit_code == 1
    assert "geen organisatie met id of naam 'Pallio'" in result.output
    assert "bedoelt u: pallion (Pallion (palliatief netwerk Limburg))?" in result.output
    assert "graphmap import organisations" in result.output  # where ids are shown
    from graphmap import register

    twins = [
        {"id": f"tweeling-{n}", "name": "Tweeling vzw", "category": "caw", "kbo": None,
         "website": None}
        for n in (1, 2)
    ]  # fmt: skip
    register.add_organisations(seeded, twins)
    result = run("status", "tweeling vzw", *where)
    assert result.exit_code == 1
    assert "2 organisaties heten 'tweeling vzw': tweeling-1" in result.output
    assert "tweeling-2" in result.output
    changes = json.loads(run("history", "--zone", "maasland", "--format", "json").output)
    assert [c["organisation"] for c in changes] == ["pallion"]  # the refused ones wrote nothing


def test_the_report_in_both_formats_holds_the_gaps_and_the_changes(seeded, embedded_env, tmp_path):
    today = dates.today()
    since = today - timedelta(days=30)
    _status(
        "caw-limburg",
        "member",
        "--zone",
        "maasland",
        "--cluster",
        "welzijn",
        "--on",
        (today - timedelta(days=5)).isoformat(),
        "--note",
        "lid sinds de AV",
    )
    _status("pallion", "contacted", "--zone", "maasland", "--cluster", "welzijn",
            "--on", (today - timedelta(days=60)).isoformat())  # fmt: skip
    followup.record_moment(
        seeded,
        "pallion",
        "maasland",
        {"kind": "overleg", "note": "Kennismaking", "what": "Uitnodiging AV", "due": since},
        actor="cli:test",
        today=since,
    )
    open_gaps = gaps.gaps(seeded, zone="maasland", kinds=["category", "target"])
    assert open_gaps

    written = {}
    for suffix in ("docx", "pdf"):
        target = tmp_path / f"zorgraad.{suffix}"
        result = run("report", "--zone", "maasland", "--since", since, "-o", target)
        assert result.exit_code == 0, result.output
        written[suffix] = target

    document = docx.Document(written["docx"])
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "Voortgangsrapport ELZ Maasland" in text
    assert document.inline_shapes  # the network picture
    with pdfplumber.open(written["pdf"]) as pdf:
        pages = "\n".join(page.extract_text() or "" for page in pdf.pages)
        # Cells wrap over lines beside other columns: read the tables cell by cell too.
        pages += "\n".join(
            cell or ""
            for page in pdf.pages
            for table in page.extract_tables()
            for row in table
            for cell in row
        )
        assert pdf.pages[0].extract_text().startswith("Voortgangsrapport ELZ Maasland")
        assert any(page.images for page in pdf.pages)
    for content in (text + cells, pages):
        flat = " ".join(content.split())
        for gap in open_gaps:
            assert gap.missing in flat, gap.missing
        assert "Welzijn: van nieuw naar lid" in flat  # CAW Limburg, 5 days ago
        assert "lid sinds de AV" in flat
        assert "van nieuw naar gecontacteerd" not in flat  # Pallion, before --since
        assert "Uitnodiging AV" in flat  # an open step, overdue
        # Dutch throughout: the changes of engagement were "wijziging(en) in engagement";
        # a count of one is singular, its verb too.
        assert "1 wijziging in betrokkenheid, 1 contactmoment, 0 afgeronde volgende stappen" in (
            flat
        )
        assert "1 volgende stap staat open, waarvan 1 te laat" in flat
        assert "1 organisatie is lid van of betrokken bij een cluster" in flat
        assert "Betrokkenheid" in flat
        assert "engagement" not in flat.lower()
        # Made on the command line: its user by name, not as the audit keys them (qa16).
        assert f"door {getpass.getuser()} (op de opdrachtregel) met graphmap" in flat
        assert "door cli:" not in flat


def test_report_refuses_an_unknown_zone_and_format(seeded, embedded_env, tmp_path):
    result = run("report", "--zone", "atlantis", "-o", tmp_path / "r.pdf")
    assert result.exit_code == 1 and "onbekende zone 'atlantis'" in result.output
    result = run("report", "--zone", "maasland", "-o", tmp_path / "r.odt")
    # An error as the README promises (exit 1, one line), naming what it takes: not click's
    # usage error (exit 2) it was.
    assert (result.exit_code, result.output.count("\n")) == (1, 1)
    assert "r.odt: het rapport is een .docx of .pdf-bestand, geen .odt" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_gap_groups_share_one_line_per_reason_and_source(seeded):
    report = zorgraad.collect(seeded, "maasland", user=access.User("test", "admin"))
    zorg = next(c for c in report.clusters if c.key == "zorg")
    [reference] = [g for g in zorg.gaps if g.kind == "category"]
    assert len(reference.missing) == len(
        [g for g in gaps.gaps(seeded, zone="maasland", cluster="zorg") if g.kind == "category"]
    )
    assert {name for name, _ in zorg.ghosts} == set(reference.missing)


def test_every_count_of_missing_categories_counts_each_category_once(seeded):
    from dashboard.elements import network_elements
    from graphmap import engagement
    from graphmap.analysis import network

    zone = "kemp-en-duin"
    found = gaps.gaps(seeded, zone=zone, kinds=["category", "target"])  # the Hiaten rows
    missing = {(g.cluster, g.subject) for g in found}
    assert len(found) == len(missing)
    assert ("lokale_besturen", "gemeente") in missing  # the frame's and the plan's (OD 2.1)
    drawing = network_elements(network.load(seeded, [zone], [zone], total_zones=4))
    nodes = {e["data"]["id"]: e["data"] for e in drawing.elements}
    ghosts = [n for n in nodes.values() if n["kind"] == "ghost"]
    assert sorted((g["cluster"], g["category"]) for g in ghosts) == sorted(missing)
    assert drawing.counts["ghosts"] == len(missing)
    report = zorgraad.collect(seeded, zone, user=access.User("test", "admin"))
    points = engagement.progress(seeded, zone)
    for part in report.clusters:
        here = len([key for key in missing if key[0] == part.key])
        assert nodes[f"cluster:{zone}/{part.key}"]["ghosts"] == here, part.key
        assert part.open_now == len(part.ghosts) == here, part.key
        assert [p for p in points if p.cluster == part.key][-1].open_gaps == here, part.key


def test_a_day_before_the_zones_history_shows_no_figures_rather_than_zeros(seeded):
    today = dates.today()
    admin = access.User("test", "admin")
    # The seed was recorded today: graphmap knows nothing of the zone three months ago.
    report = zorgraad.collect(seeded, "maasland", since=today - timedelta(days=91), user=admin)
    assert all(c.members_then is None and c.open_then is None for c in report.clusters)
    content = zorgraad.blocks(report, b"")
    table = next(b for b in content if isinstance(b, zorgraad.Table))
    assert [(row[1], row[3]) for row in table.rows] == [("—", "—")] * 4
    notes = [b.text for b in content if isinstance(b, zorgraad.Text)]
    assert any(note.startswith("—: geen gegevens vóór") for note in notes)
    since_today = zorgraad.collect(seeded, "maasland", since=today, user=admin)
    assert all(c.open_then == c.open_now for c in since_today.clusters)


def test_names_that_look_like_markup_are_drawn_as_they_are(seeded, embedded_env, tmp_path):
    # A zone named "<Evil & Co>" made Graphviz read its label as HTML: the report crashed.
    zone_name = '<Evil & Co> "x" \\'
    result = run("zone", "add", "evil", "--name", zone_name, "--municipality", "Gent")
    assert result.exit_code == 0, result.output
    from graphmap import register

    organisation = {"id": "kwaad", "name": "<b>Kwaad</b> & zo \\", "category": "caw",
                    "kbo": None, "website": None}  # fmt: skip
    register.add_organisations(seeded, [organisation])
    _status("kwaad", "member", "--zone", "evil", "--cluster", "welzijn")
    for suffix in ("docx", "pdf"):
        target = tmp_path / f"kwaad.{suffix}"
        result = run("report", "--zone", "evil", "-o", target)
        assert result.exit_code == 0, result.output
    document = docx.Document(tmp_path / "kwaad.docx")
    assert document.inline_shapes
    assert f"Voortgangsrapport {zone_name}" in "\n".join(p.text for p in document.paragraphs)
    with pdfplumber.open(tmp_path / "kwaad.pdf") as pdf:
        assert pdf.pages[0].extract_text().startswith(f"Voortgangsrapport {zone_name}")
        assert any(page.images for page in pdf.pages)
    # Every text the picture writes is a plain one: a category's name too, and no name
    # becomes part of a node's id (a trailing backslash there ended the DOT file's quote).
    report = zorgraad.collect(seeded, "evil", user=access.User("test", "admin"))
    welzijn = next(c for c in report.clusters if c.key == "welzijn")
    welzijn.members[0].category = "<i>Soort</i> \\"
    welzijn.ghosts = [("<Geest> \\", True)]
    source = picture.source(report).source
    assert "Kwaad" in source and "Soort" in source and "Geest" in source
    for text in (zone_name, welzijn.members[0].name, "<i>Soort</i>", "<Geest>"):
        assert text not in source, text
    assert picture.png(report).startswith(b"\x89PNG")


def test_the_summary_counts_an_organisation_of_two_clusters_once(seeded):
    """The summary's "N organisaties zijn lid van of betrokken bij een cluster" counts
    organisations, as Netwerk's "N organisaties in een cluster" does: one in two clusters is
    one, where the report added up the clusters' figures."""
    from dashboard.elements import network_elements
    from graphmap import engagement
    from graphmap.analysis import network

    for cluster in ("zorg", "welzijn"):
        engagement.set_status(seeded, "pallion", "maasland", cluster, "member", actor="test")
    report = zorgraad.collect(seeded, "maasland", user=access.User("test", "admin"))
    drawing = network_elements(network.load(seeded, ["maasland"], ["maasland"], total_zones=4))
    organisations = drawing.counts["organisations"]
    assert sum(c.members_now for c in report.clusters) > organisations  # pallion twice
    bullets = next(b for b in zorgraad.blocks(report, b"") if isinstance(b, zorgraad.Bullets))
    noun = "organisatie is" if organisations == 1 else "organisaties zijn"
    assert bullets.items[0].startswith(f"{organisations} {noun} lid"), bullets.items[0]


def test_a_heading_stays_on_the_page_of_the_picture_under_it(tmp_path):
    # Maasland's report ended its first page with "Het netwerk per cluster" alone: the
    # picture under it did not fit and went to the next page without it.
    from PIL import Image

    from graphmap.report import pdf

    drawn = io.BytesIO()
    Image.new("RGB", (900, 600), "white").save(drawn, format="PNG")
    filler = [zorgraad.Text("Een regel tekst die de pagina vult. " * 8) for _ in range(12)]
    blocks = [
        *filler,
        zorgraad.Heading("Het netwerk per cluster"),
        zorgraad.Picture(drawn.getvalue(), "Onderschrift van de figuur."),
        zorgraad.Heading("Hiaten per cluster"),
        zorgraad.Text("Wat ontbreekt."),
    ]
    (tmp_path / "r.pdf").write_bytes(pdf.render(blocks, "Rapport"))
    with pdfplumber.open(tmp_path / "r.pdf") as document:
        pages = [(page.extract_text(), bool(page.images)) for page in document.pages]
    assert len(pages) == 2
    heading = next(i for i, (text, _) in enumerate(pages) if "Het netwerk per cluster" in text)
    assert pages[heading][1] and "Onderschrift van de figuur." in pages[heading][0]
    assert "Een regel tekst" in pages[0][0]  # the filler's page comes first


def _net(changes: list[dict], cluster: str) -> int:
    """What the listed changes did to a cluster's count of members and involved partners."""
    into = sum(
        1
        for c in changes
        if c["cluster"] == cluster
        and c["to_status"] in gaps.PRESENT
        and c["from_status"] not in gaps.PRESENT
    )
    out = sum(
        1
        for c in changes
        if c["cluster"] == cluster
        and c["from_status"] in gaps.PRESENT
        and c["to_status"] not in gaps.PRESENT
    )
    return into - out


def test_the_figures_then_are_before_the_changes_the_report_lists(seeded):
    """A change on the day given counted in "then" as well as among the changes since:
    with a partner become member that day, "since" that day read 1 then, 1 now and one
    change to member; then plus the changes listed must make now."""
    from graphmap import engagement

    today = dates.today()
    day = today - timedelta(days=10)
    admin = access.User("test", "admin")
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="t",
                          on=day - timedelta(days=5))  # fmt: skip
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="t", on=day)
    engagement.set_status(seeded, "noolim", "maasland", "zorg", "involved", actor="t", on=today)
    for since in (day - timedelta(days=5), day, day + timedelta(days=1), today):
        report = zorgraad.collect(seeded, "maasland", since=since, user=admin)
        for part in report.clusters:
            assert part.members_then is not None, (since, part.key)
            assert part.members_then + _net(report.changes, part.key) == part.members_now, (
                since,
                part.key,
            )
    welzijn = lambda r: next(c for c in r.clusters if c.key == "welzijn")  # noqa: E731
    on_the_day = zorgraad.collect(seeded, "maasland", since=day, user=admin)
    assert (welzijn(on_the_day).members_then, welzijn(on_the_day).members_now) == (0, 1)
    table = next(b for b in zorgraad.blocks(on_the_day, b"") if isinstance(b, zorgraad.Table))
    assert table.headers[1] == f"Leden en betrokken vóór {dates.short(day)}"
    day_after = zorgraad.collect(seeded, "maasland", since=day + timedelta(days=1), user=admin)
    assert (welzijn(day_after).members_then, welzijn(day_after).members_now) == (1, 1)


def test_the_picture_counts_a_cluster_as_the_summary_and_netwerk_do(seeded):
    """The picture's cluster title counted every organisation drawn in it: "Welzijn (3)"
    above a summary of 1 member, with one partner contacted and one dropped back to
    missing."""
    from graphmap import engagement

    today = dates.today()
    for organisation, status, days in (
        ("pallion", "member", 20),
        ("caw-limburg", "contacted", 15),
        ("vaph", "involved", 12),
        ("vaph", "missing", 3),
    ):
        engagement.set_status(seeded, organisation, "maasland", "welzijn", status, actor="t",
                              on=today - timedelta(days=days))  # fmt: skip
    report = zorgraad.collect(seeded, "maasland", user=access.User("test", "admin"))
    welzijn = next(c for c in report.clusters if c.key == "welzijn")
    assert welzijn.members_now == 1
    assert picture.cluster_label(welzijn) == "Welzijn · 1 organisatie · 1 gecontacteerd"
    source = picture.source(report).source
    for part in report.clusters:
        assert picture.cluster_label(part).startswith(f"{part.name} · {part.members_now} "), part
        assert picture.cluster_label(part) in source


def test_a_day_to_come_is_refused_in_the_words_of_the_page(seeded):
    import pytest

    from graphmap.errors import ValidationError

    later = dates.today() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        zorgraad.collect(seeded, "maasland", since=later, user=access.User("t", "admin"))
    assert str(refused.value) == f"sinds: {later.isoformat()} ligt in de toekomst"


def test_a_zone_without_a_plan_says_so_rather_than_that_its_actions_are_complete(
    seeded, embedded_env
):
    """A zone added without its plan read "0 acties van het plan zijn onvolledig" and "Alle
    acties hebben een trekker, partners en een bereikbare contactpersoon": a plan in order."""
    result = run("zone", "add", "zonderplan", "--name", "ELZ Zonder Plan", "-m", "Gent")
    assert result.exit_code == 0, result.output
    admin = access.User("test", "admin")
    for zone, planned in (("zonderplan", False), ("maasland", True)):
        report = zorgraad.collect(seeded, zone, user=admin)
        content = zorgraad.blocks(report, b"")
        texts = [b.text for b in content if isinstance(b, zorgraad.Text)]
        bullets = next(b for b in content if isinstance(b, zorgraad.Bullets)).items
        assert (zorgraad.NO_PLAN in texts) is not planned, zone
        assert (zorgraad.NO_PLAN in bullets) is not planned, zone
        if not planned:
            assert not any(t.startswith(("Alle acties", "Elke organisatie")) for t in texts)
