"""What the zorgraad report says, gathered once and laid out twice (DOCX to edit, PDF to send).

`collect` reads the zone from the graph into a `Report` of plain values; `render` lays it out.
Persons, authors and notes pass through `graphmap.access` first, like every page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from graphmap import access, dates, engagement, followup
from graphmap.analysis import gaps, network
from graphmap.errors import ValidationError
from graphmap.model import CLUSTER_KEYS
from graphmap.plural import counted
from graphmap.store import Store
from graphmap.style import CLUSTER_COLOURS, CLUSTER_NAMES, STATUS_LABELS

FORMATS = ("docx", "pdf")
DEFAULT_PERIOD = timedelta(days=91)  # a quarter: the zorgraad meets about four times a year
NO_DATA = "—"  # a figure of a day before the zone's history in graphmap begins


@dataclass
class Member:
    name: str
    category: str  # the category's name
    status: str  # key of STATUS_LABELS


@dataclass
class GapGroup:
    """Gaps of one cluster that share kind, status, reason and source: one line in the report."""

    kind: str
    status: str
    missing: list[str]
    reason: str
    source: str


@dataclass
class ClusterPart:
    key: str
    name: str
    colour: str
    members: list[Member]
    ghosts: list[tuple[str, bool]]  # missing expected categories: (name, the zone's own target)
    gaps: list[GapGroup]
    # As the day `since` began, before its changes (the report lists those); None: graphmap
    # knew nothing of the zone then.
    members_then: int | None
    members_now: int
    open_then: int | None
    open_now: int


@dataclass
class Report:
    zone: str
    zone_name: str
    since: date
    today: date
    user: str
    clusters: list[ClusterPart]
    actions: list[dict]  # incomplete actions: code, title, lacking, source
    outside: list[dict]  # working on actions, in no cluster: name, work (actions and role)
    changes: list[dict] = field(default_factory=list)  # engagement changes since
    moments: list[dict] = field(default_factory=list)  # contact moments since
    done: list[dict] = field(default_factory=list)  # next steps done since
    steps: list[dict] = field(default_factory=list)  # open next steps, overdue first
    known_since: date | None = None  # the first day of the zone's history in graphmap
    # Organisations involved in or member of one of the zone's clusters (or more), each once:
    # the clusters' own figures count one in two clusters twice.
    present_now: int = 0
    # Whether it names contact persons and holds the follow-up's notes: personal data that
    # the zone's editors may see, its viewers (the board) not.
    personal: bool = False
    planned: int = 0  # actions of the zone's plan: none when no plan was read for it

    @property
    def title(self) -> str:
        return f"Voortgangsrapport {self.zone_name}"

    @property
    def period(self) -> str:
        return f"{dates.dutch(self.since)} tot {dates.dutch(self.today)}"

    @property
    def overdue(self) -> list[dict]:
        return [s for s in self.steps if s["overdue"]]


def _groups(found: list[gaps.Gap]) -> list[GapGroup]:
    grouped: dict[tuple, list[str]] = defaultdict(list)
    for gap in found:
        grouped[(gap.kind, gap.status, gap.reason, gap.source)].append(gap.missing)
    order = list(gaps.KIND_LABELS)
    return [
        GapGroup(kind, status, sorted(missing), reason, source)
        for (kind, status, reason, source), missing in sorted(
            grouped.items(), key=lambda item: (order.index(item[0][0]), item[0][1], item[0][2])
        )
    ]


def _work(reason: str) -> str:
    """ "actie 1.2 als partner" from an outside gap's reason: the report says the rest once."""
    return reason.removeprefix("Werkt mee aan ").split(", maar zit in geen cluster")[0]


def _at(points: list[engagement.Point], cluster: str, day: date) -> engagement.Point | None:
    """The state of a cluster on a day: the last point on or before it."""
    earlier = [p for p in points if p.cluster == cluster and p.day <= day]
    return earlier[-1] if earlier else None


def _before(points: list[engagement.Point], cluster: str, day: date) -> engagement.Point | None:
    """The state of a cluster as `day` began: before that day's changes, which the report
    lists among the changes since `day` (counted in the figure as well, a change of that day
    was in both, and then plus the changes did not make now). The zone's first point holds
    no dated change (see `engagement.replay`): a report since that day starts from it."""
    mine = [p for p in points if p.cluster == cluster]
    earlier = [p for p in mine if p.day < day]
    if earlier:
        return earlier[-1]
    return mine[0] if mine and mine[0].day == day else None


def collect(
    store: Store,
    zone: str,
    since: date | None = None,
    user: access.User | None = None,
    today: date | None = None,
    personal: bool = True,
) -> Report:
    """Everything the report says about `zone`, with what changed from `since` to `today`,
    as `user` may see it (default: the CLI's user): a viewer's report names no one.
    `personal=False`: as a viewer of the zone sees it, for the board (whose members are
    viewers) — the persons, authors, notes and steps read *(afgeschermd)*, as on the pages."""
    user = user or access.cli_principal()
    reader = user if personal else access.User(user.name, "viewer", {zone})
    today = today or dates.today()
    since = since or today - DEFAULT_PERIOD
    # Named as Opvolging's field names it, which the CLI's --since reads as well: the page
    # said "--since …", an option its users never typed.
    dates.not_to_come(since, "sinds", today)
    zones = network.zone_names(store)
    if zone not in zones:
        known = ", ".join(sorted(zones)) or "(geen)"
        raise ValidationError(f"onbekende zone {zone!r}; bekende zones: {known}")
    categories = {k["key"]: k["name"] for k in network.categories(store)}
    found = gaps.gaps(store, zone=zone)
    points = engagement.progress(store, zone, today=today)
    members = defaultdict(list)
    present = set()
    for row in network.zone_network(store, [zone]):
        if row["organisation"] and row["status"] in gaps.PRESENT:
            present.add(row["organisation"])
        if row["organisation"]:
            members[row["cluster"]].append(
                Member(
                    row["name"],
                    categories.get(row["category"], "overige"),
                    row["status"],
                )
            )
    clusters = []
    for key in CLUSTER_KEYS:
        mine = [g for g in found if g.cluster == key and g.kind != "outside"]
        ghosts = {}
        for gap in mine:
            if gap.kind in ("category", "target"):
                ghosts[gap.missing] = ghosts.get(gap.missing, False) or gap.kind == "target"
        then, now = _before(points, key, since), _at(points, key, today)
        clusters.append(
            ClusterPart(
                key=key,
                name=CLUSTER_NAMES[key],
                colour=CLUSTER_COLOURS[key],
                members=sorted(members[key], key=lambda m: (m.category, m.name)),
                ghosts=sorted(ghosts.items()),
                gaps=_groups(mine),
                members_then=then.members if then else None,
                members_now=now.members if now else 0,
                open_then=then.open_gaps if then else None,
                open_now=now.open_gaps if now else 0,
            )
        )
    actions = {a["id"]: a for a in network.actions(store, zone)}
    incomplete = []
    for gap in found:
        if gap.kind == "action":
            action = actions.get(gap.subject, {"code": "", "title": gap.missing})
            prefix = f"actie {action['code']} ({action['title']}): "
            incomplete.append(
                {
                    "code": action["code"],
                    "title": action["title"],
                    "lacking": gap.missing.removeprefix(prefix),
                    "source": gap.source,
                }
            )
    outside = sorted(
        ({"name": g.missing, "work": _work(g.reason)} for g in found if g.kind == "outside"),
        key=lambda o: o["name"],
    )
    changes = [
        engagement.labelled(c)
        for c in access.shown(engagement.history(store, zone=zone, since=since), reader)
    ]
    seen = access.shown(followup.moments(store, zone=zone), reader)
    moments = [m for m in seen if m["on"] >= since.isoformat()]
    done = [m for m in seen if m["done_on"] and m["done_on"] >= since.isoformat()]
    steps = access.shown(followup.open_steps(store, zone, today=today), reader)
    return Report(
        zone=zone,
        zone_name=zones[zone],
        since=since,
        today=today,
        user=user.name,
        clusters=clusters,
        actions=sorted(incomplete, key=lambda a: a["code"] or ""),
        outside=outside,
        changes=changes,
        moments=moments,
        done=sorted(done, key=lambda m: m["done_on"], reverse=True),
        steps=[followup.labelled_step(s) for s in steps],
        known_since=min((p.day for p in points), default=None),
        present_now=len(present),
        personal=access.may_see_personal_data(reader, zone),
        planned=len(actions),
    )


def status_label(key: str) -> str:
    return STATUS_LABELS.get(key, key)


def render(report: Report, fmt: str) -> bytes:
    """The report as a .docx or .pdf file's bytes."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown report format {fmt!r}; one of {', '.join(FORMATS)}")
    # Imported here: the layout libraries are needed only when a report is written, and
    # every CLI command imports this module.
    from graphmap.report import pdf, picture, word

    content = blocks(report, picture.png(report))
    return word.render(content) if fmt == "docx" else pdf.render(content, report.title)


# -- what the report says, as blocks both layouts render --------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Text:
    text: str
    muted: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # shares of the page width
    alert: frozenset[int] = frozenset()  # rows to set apart (an overdue step)
    colour: str | None = None  # the cluster's colour, for its header


@dataclass(frozen=True)
class Picture:
    png: bytes
    caption: str


Block = Heading | Text | Bullets | Table | Picture


def _table(headers, rows, widths, empty: str, **extra) -> list[Block]:
    if not rows:
        return [Text(empty, muted=True)]
    return [Table(tuple(headers), tuple(tuple(r) for r in rows), tuple(widths), **extra)]


def _author(name: str) -> str:
    """Who made the report, as the board reads it: a command line's user (`cli:NAME` in the
    audit, see access.cli_user) is NAME "op de opdrachtregel", not "cli:root"."""
    system = name.removeprefix(access.CLI_PREFIX)
    return name if system == name else f"{system} (op de opdrachtregel)"


def _summary(report: Report) -> list[Block]:
    since, then = dates.dutch(report.since), dates.short(report.since)
    open_now = sum(c.open_now for c in report.clusters)
    unknown = any(c.members_then is None for c in report.clusters)
    # A count with its noun and verb as the sentence needs them: 1 actie is, 2 acties zijn.
    members = counted(report.present_now, "organisatie is", "organisaties zijn")
    missing = counted(
        open_now, "verwachte soort partner ontbreekt", "verwachte soorten partners ontbreken"
    )
    changes = counted(len(report.changes), "wijziging", "wijzigingen")
    moments = counted(len(report.moments), "contactmoment", "contactmomenten")
    done = counted(len(report.done), "afgeronde volgende stap", "afgeronde volgende stappen")
    steps = counted(len(report.steps), "volgende stap staat", "volgende stappen staan")
    actions = counted(len(report.actions), "actie van het plan is", "acties van het plan zijn")
    outside = counted(
        len(report.outside),
        "organisatie werkt mee aan acties maar zit",
        "organisaties werken mee aan acties maar zitten",
    )
    by = f" door {_author(report.user)}" if report.user else ""
    return [
        Heading(report.title, 0),
        Text(
            f"Voor de vergadering van de zorgraad. Periode: {report.period}. Opgemaakt op "
            f"{dates.dutch(report.today)}{by} met graphmap.",
            muted=True,
        ),
        Text(PERSONAL if report.personal else WITHOUT_PERSONAL, muted=True),
        Heading("Samenvatting"),
        Bullets(
            (
                f"{members} lid van of betrokken bij een cluster; {missing} nog in de clusters.",
                f"Sinds {since}: {changes} in betrokkenheid, {moments}, {done}.",
                f"{steps} open, waarvan {len(report.overdue)} te laat.",
                f"{actions} onvolledig; {outside} in geen cluster."
                if report.planned
                else NO_PLAN,
            )
        ),
        *_table(
            ("Cluster", f"Leden en betrokken vóór {then}", "Nu",
             f"Ontbrekende soorten vóór {then}", "Nu"),
            [
                (c.name, _count(c.members_then), str(c.members_now), _count(c.open_then),
                 str(c.open_now))
                for c in report.clusters
            ],
            (0.24, 0.24, 0.1, 0.32, 0.1),
            "",
        ),
        *([Text(_unknown_then(report), muted=True)] if unknown else []),
    ]  # fmt: skip


# Said under the title: the report is handed out, and its PDF sent, beyond those who may see
# what it holds. The board's members are the zone's viewers (README, "For a team").
PERSONAL = (
    "Bevat persoonsgegevens: de contactpersonen, wie wat deed en de notities van de opvolging. "
    "Alleen voor de medewerkers van de zone; voor het bestuur is er het rapport zonder "
    "persoonsgegevens."
)
WITHOUT_PERSONAL = (
    "Zonder persoonsgegevens: contactpersonen, wie wat deed, notities en volgende stappen "
    f"lezen {access.HIDDEN}."
)


# A zone made without its plan (`graphmap zone add`) has no actions: "every action has a
# lead, partners and a contact" and "0 actions incomplete" read as a plan in order.
NO_PLAN = "Voor deze zone is geen plan ingeladen: er zijn geen acties om op te volgen."


def _count(value: int | None) -> str:
    return NO_DATA if value is None else str(value)


def _unknown_then(report: Report) -> str:
    """Why a figure of the day given is missing: the zone's history starts later."""
    start = f"begint op {dates.short(report.known_since)}" if report.known_since else "is leeg"
    return (
        f"{NO_DATA}: geen gegevens vóór {dates.short(report.since)}; de geschiedenis van deze "
        f"zone in graphmap {start}."
    )


def _news(report: Report) -> list[Block]:
    """What the meeting discusses: what changed since the last one, and what is due."""
    since = dates.dutch(report.since)
    return [
        Heading(f"Wat is er veranderd sinds {since}"),
        Heading("Betrokkenheid", 2),
        *_table(
            ("Datum", "Organisatie", "Wijziging", "Door", "Notitie"),
            [
                (dates.short(c["on"]), c["organisation_name"],
                 f"{c['cluster_name']}: van {c['from_label']} naar {c['to_label']}",
                 c["by"] or "", c["note"] or "")
                for c in report.changes
            ],
            (0.13, 0.22, 0.24, 0.17, 0.24),
            f"Geen wijzigingen in betrokkenheid sinds {since}.",
        ),
        Heading("Contactmomenten", 2),
        *_table(
            ("Datum", "Organisatie", "Soort", "Met", "Door", "Notitie"),
            [
                (dates.short(m["on"]), m["organisation_name"], m["kind"],
                 m["person_name"] or "", m["by"] or "", m["note"] or "")
                for m in report.moments
            ],
            (0.13, 0.22, 0.1, 0.16, 0.17, 0.22),
            f"Geen contactmomenten sinds {since}.",
        ),
        Heading("Afgeronde volgende stappen", 2),
        *_table(
            ("Afgerond", "Organisatie", "Stap", "Door"),
            [
                (dates.short(m["done_on"]), m["organisation_name"], m["what"] or "",
                 m["done_by"] or "")
                for m in report.done
            ],
            (0.13, 0.3, 0.4, 0.17),
            f"Geen volgende stappen afgerond sinds {since}.",
        ),
        Heading("Open volgende stappen"),
        *_table(
            ("Tegen", "Te laat", "Organisatie", "Volgende stap", "Eigenaar"),
            [
                (dates.short(s["due"]), s["late"], s["organisation_name"], s["what"] or "",
                 s["owner"] or "")
                for s in report.steps
            ],
            (0.13, 0.1, 0.26, 0.34, 0.17),
            "Geen open volgende stappen.",
            alert=frozenset(i for i, s in enumerate(report.steps) if s["overdue"]),
        ),
    ]  # fmt: skip


def _network(report: Report, picture_png: bytes) -> list[Block]:
    out: list[Block] = [
        Heading("Het netwerk per cluster"),
        Picture(
            picture_png,
            "Per cluster de soorten partners, met hun organisaties of hun aantal: volle kleur "
            "als er een lid of betrokken partner bij is, een gestreepte rand als ze alleen "
            "gecontacteerd zijn. Wit met een gestreepte rand: een verwachte soort die "
            "ontbreekt (rood: een doel uit het plan van de zone).",
        ),
        Heading("Hiaten per cluster"),
        Text(
            "Wat ontbreekt, waarom het verwacht wordt en waar die verwachting vandaan komt. "
            "'In behandeling': een organisatie van die soort is gecontacteerd."
        ),
    ]
    for part in report.clusters:
        out.append(Heading(part.name, 2))
        out += _table(
            ("Wat ontbreekt", "Soort", "Status", "Waarom verwacht", "Bron"),
            [
                (", ".join(g.missing), gaps.KIND_LABELS[g.kind], gaps.STATUS_LABELS[g.status],
                 g.reason, g.source)
                for g in part.gaps
            ],
            (0.25, 0.17, 0.13, 0.24, 0.21),
            "Geen hiaten in deze cluster.",
            colour=part.colour,
        )  # fmt: skip
    out.append(Heading("Onvolledige acties"))
    out += _table(
        ("Actie", "Titel", "Ontbreekt", "Bron"),
        [(a["code"], a["title"], a["lacking"], a["source"]) for a in report.actions],
        (0.09, 0.47, 0.2, 0.24),
        "Alle acties hebben een trekker, partners en een bereikbare contactpersoon."
        if report.planned
        else NO_PLAN,
    )
    out.append(Heading("Buiten het netwerk"))
    if report.outside:
        out.append(
            Text(
                "Deze organisaties werken mee aan acties van het plan maar zitten in geen "
                "cluster: de eersten om uit te nodigen in de algemene vergadering."
            )
        )
    out += _table(
        ("Organisatie", "Werkt mee aan"),
        [(o["name"], o["work"]) for o in report.outside],
        (0.45, 0.55),
        "Elke organisatie die aan een actie meewerkt, zit in een cluster."
        if report.planned
        else NO_PLAN,
    )
    return out


def blocks(report: Report, picture_png: bytes) -> list[Block]:
    """The report from top to bottom: the summary, what changed and what is due (what the
    meeting discusses), then the network, its gaps and the plan's incomplete actions."""
    return [*_summary(report), *_news(report), *_network(report, picture_png)]
