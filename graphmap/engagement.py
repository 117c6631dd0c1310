"""The history of every partner relationship: who changed an engagement, when, and why.

Every change of an organisation's engagement in a cluster is an `EngagementChange` node
(from → to, `on` the day it happened, `at` the moment it was recorded, `by` whom, a note,
its Source), linked to the organisation (`ABOUT`) and the cluster (`IN_CLUSTER`). The seed
and the spreadsheet importer record their facts the same way, with their own source.

One fact in one place: the history is the record; `MEMBER_OF.status` holds the current
status only as the latest change's `to_status`, written in the same transaction as the
change, because every gap query and the network read the current status from there.
"Latest" is by the day it happened, then by when it was recorded; a seed fact without a
date comes before everything dated.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from graphmap import access, audit, dates
from graphmap.analysis import provenance
from graphmap.errors import ConflictError, ValidationError
from graphmap.ingest import normalise
from graphmap.model import CLUSTER_KEYS
from graphmap.register import _source as register_source
from graphmap.store import Store, Transaction
from graphmap.style import CLUSTER_NAMES, STATUS_LABELS

# The default of set_status's `shown`: the caller showed no status to choose over (the command
# line, an import, a test), so none is compared.
UNCHECKED = object()
NOTE_MAX = 500  # characters: a short note, not a report
PRESENT = ("involved", "member")  # what counts as being in the cluster (see the gaps)
# A zone that works with an organisation keeps its register and contacts (graphmap/access.py).
WORKING = ("contacted", *PRESENT)


class StaleStatusError(ConflictError):
    """The membership's status changed after the page that chose the new one showed it."""

    def __init__(self, name: str, where: str, now: str, by: str | None, at: str | None):
        when = f" ({dates.moment(at)})" if at else ""
        super().__init__(
            f"De status van {name} in {where} is intussen gewijzigd door "
            f"{by or 'iemand anders'}{when}: nu {now}. Niet opgeslagen: de pagina toont nu de "
            "huidige status; kies opnieuw."
        )


def new_id() -> str:
    """Ids of follow-up records are random: never derived from what they say or who said it."""
    return uuid.uuid4().hex


def order_key(on: str | None, at: str | None) -> tuple[str, str]:
    """The order of changes: the day it happened, then the moment it was recorded."""
    return (on or "", at or "")


def check_note(note: str | None, what: str = "notitie") -> str | None:
    note = (note or "").strip() or None
    if note is not None and len(note) > NOTE_MAX:
        raise ValidationError(f"{what}: te lang ({len(note)} tekens, hoogstens {NOTE_MAX})")
    return note


def check_day(on: date | str | None, today: date, what: str = "datum") -> date:
    return dates.not_to_come(dates.parse(on, what) or today, what, today)


def _unknown(tx: Transaction, organisation: str, zone: str, cluster: str) -> str:
    """Which of organisation, zone and cluster the graph does not hold, in a sentence."""
    found = tx.run(
        "status_subjects", organisation=organisation, zone=zone, cluster=f"{zone}/{cluster}"
    )[0]
    missing = [] if found["organisation"] else [f"geen organisatie {organisation!r}"]
    if not found["zone"]:
        missing.append(f"geen zone {zone!r}")
    elif not found["cluster"]:
        missing.append(f"geen cluster {cluster!r} in zone {zone!r}")
    # None missing: it was deleted and made again meanwhile; the same words serve.
    missing = missing or [f"geen organisatie {organisation!r} in cluster {cluster!r}"]
    return f"status niet vastgelegd: er is {' en '.join(missing)}"


def set_status(
    store: Store,
    organisation: str,
    zone: str,
    cluster: str,
    status: str,
    *,
    actor: str,
    on: date | str | None = None,
    note: str | None = None,
    today: date | None = None,
    shown: str | None | object = UNCHECKED,
) -> dict:
    """Record a change of an organisation's engagement in a zone's cluster.

    `status` and `cluster` are read as the spreadsheet importer reads them (`member` or
    `lid`, …). `on` is the day it happened (default today, never later); `actor` who
    records it.
    Returns the organisation, cluster, the membership's current status, `changed` (False
    when the status on that day already was `status`: nothing is recorded), the id of the
    recorded `change`, `replaced` (see below; else None), and `later`: the day of the later
    change whose status stays current when that is another than `status` (else None).

    A change dated before changes recorded already joins the history, and the change after
    it now starts from its status, so that the history reads without a jump. When that
    change reached the same status (lid on the 15th, while lid was recorded from the 20th),
    it would read lid → lid: the coordinator is correcting the day that status was reached,
    so the back-dated change takes its place. The later change is removed (`replaced`: its
    id and day), and its note, when this change has none, goes with the fact. Refusing
    would leave no way to correct a day, since a change is never edited. Either way the
    later change's audit entries keep saying what was recorded then (`audit_keep_change`).

    `shown` is the membership's status as the user's page showed it when they chose (None: it
    showed no membership). When another writer changed it since, StaleStatusError names who
    and when, and nothing is recorded: the user chose over a status that is no longer there.
    """
    # The words the spreadsheet importer takes (member or lid …), from its one definition.
    status = normalise.status(status)
    cluster = normalise.cluster(cluster)
    if not actor:
        raise ValidationError("every change needs a user who makes it")
    today = today or dates.today()
    day = check_day(on, today).isoformat()
    note = check_note(note)
    source = register_source(today)
    cluster_id = f"{zone}/{cluster}"

    def work(tx: Transaction) -> dict:
        # Lock the organisation, then take the time, then read its history: a change that
        # committed meanwhile is in what this one reads and comes before it in time (Neo4j
        # waits at the lock; ArcadeDB fails this attempt at commit and runs it again).
        tx.run("lock_organisations", ids=[organisation])
        at = dates.now()
        rows = tx.run("engagement_events", organisation=organisation, cluster=cluster_id)
        if not rows:
            raise ValidationError(_unknown(tx, organisation, zone, cluster))
        changes = [r for r in rows if r["at"] is not None]
        if shown is not UNCHECKED and rows[0]["current"] != shown:
            raise _stale(tx, rows[0], changes, zone)
        before = [c for c in changes if order_key(c["on"], c["at"]) <= (day, at)]
        if before:
            previous = max(before, key=lambda c: order_key(c["on"], c["at"]))["to_status"]
        else:
            # A membership from before history was kept has its status but no change yet.
            previous = rows[0]["current"] if not changes else None
        summary = {
            "organisation": organisation,
            "organisation_name": rows[0]["organisation_name"],
            "cluster": cluster_id,
            "status": rows[0]["current"],
            "changed": False,
            "replaced": None,
        }
        if previous == status:
            return summary
        later = [c for c in changes if order_key(c["on"], c["at"]) > (day, at)]
        replaced = _follow(tx, zone, later, status)
        if replaced is not None:
            later.remove(replaced)
        stated = note if note is not None or replaced is None else replaced["note"]
        # A change dated before a later one joins the history; the later one stays current.
        latest = max(later, key=lambda c: order_key(c["on"], c["at"])) if later else None
        current = latest["to_status"] if latest else status
        written = tx.run(
            "set_status",
            organisation=organisation,
            cluster=cluster_id,
            id=new_id(),
            from_status=previous,
            to_status=status,
            on=day,
            at=at,
            by=actor,
            note=stated,
            source=source["id"],
            document=source["document"],
            section=source["section"],
            current=current,
        )
        # The audit entry points at the change instead of copying it.
        theirs = frozenset()
        if takes_up(rows[0]["current"], current):
            theirs = access.organisation_zones(tx, [organisation]).get(organisation, frozenset())
        audit.record(
            tx,
            by=actor,
            action=audit.CHANGE,
            entity="Organisation",
            key=organisation,
            zones=sorted({zone} | theirs),
            change=written[0]["change"],
            at=at,
        )
        return {
            **summary,
            "status": written[0]["status"],
            "changed": True,
            "change": written[0]["change"],
            "replaced": {"id": replaced["id"], "on": replaced["on"]} if replaced else None,
            # The day of the later change that keeps the status another (None: this one's).
            "later": latest["on"] if latest and current != status else None,
        }

    return store.transaction(work)


def takes_up(was: str | None, now: str | None) -> bool:
    """Whether a membership going from `was` to `now` starts the zone working with the
    organisation: its register and contacts become the zone's too (graphmap/access.py), an
    act the Logboek of every zone the organisation belongs to records. Its later changes are
    the zone's own (a regional body's every step in 60 zones would fill every zone's log)."""
    return was not in WORKING and now in WORKING


def status_of(store: Store, organisation: str, zone: str, cluster: str) -> str | None:
    """The organisation's status in the zone's cluster, as a form shows it before a change is
    chosen over it (`set_status(shown=…)`); None when it is not in that cluster."""
    rows = store.read("membership_status", organisation=organisation, cluster=f"{zone}/{cluster}")
    return rows[0]["status"] if rows else None


def _stale(tx: Transaction, row: dict, changes: list[dict], zone: str) -> StaleStatusError:
    """The refusal of a change chosen over a status another writer changed since: the latest
    change says who and when (none for a status from before history was kept)."""
    latest = max(changes, key=lambda c: order_key(c["on"], c["at"])) if changes else {}
    cluster = row["cluster"].partition("/")[2]
    return StaleStatusError(
        row["organisation_name"] or row["organisation"],
        f"{CLUSTER_NAMES.get(cluster, cluster)} ({access.zone_name(tx, zone)})",
        STATUS_LABELS.get(row["current"] or "", "geen status"),
        latest.get("by"),
        latest.get("at"),
    )


def _follow(tx: Transaction, zone: str, later: list[dict], status: str) -> dict | None:
    """The change after a back-dated one now starts from `status`; when it reached `status`
    itself it is removed instead, and returned (see set_status). Its audit entries take
    what it says first: they point at it, and must keep saying what was recorded then."""
    if not later:
        return None
    following = min(later, key=lambda c: order_key(c["on"], c["at"]))
    tx.run("audit_keep_change", zone=zone, id=following["id"])
    if following["to_status"] == status:
        tx.run("engagement_remove", id=following["id"])
        return following
    tx.run("engagement_set_from", id=following["id"], from_status=status)
    return None


def _readable(row: dict) -> dict:
    source = provenance.label(row.pop("source_document"), row.pop("source_section"))
    return {**row, "source": source}


def history(
    store: Store,
    zone: str | None = None,
    organisation: str | None = None,
    since: date | str | None = None,
) -> list[dict]:
    """Engagement changes, newest first: of a zone, of an organisation, or everywhere;
    with `since`, only those that happened on or after that day."""
    first = dates.parse(since, "since")
    day = first.isoformat() if first is not None else None
    if organisation is not None:
        rows = store.read("history_organisation", organisation=organisation)
        if zone is not None:
            rows = [r for r in rows if r["zone"] == zone]
        if day is not None:
            rows = [r for r in rows if r["on"] and r["on"] >= day]
    elif zone is not None:
        # The query leaves out what came before: a zone's history grows every year, and a
        # page asks for its last 90 days.
        rows = store.read("history_zone", zone=zone, since=day)
    else:
        rows = store.read("history_all", since=day)
    return [_readable(r) for r in rows]


def expected_cluster(store: Store, zone: str, category: str | None) -> str | None:
    """The cluster of `zone` that expects organisations of `category`: where the zone's own
    plan wants them, else where the reference frame does; None when no cluster does."""
    found = {
        row["basis"]: row["cluster"]
        for row in store.read("zone_expectations", zone=zone)
        if row["category"] == category
    }
    return found.get("zone") or found.get("reference")


def labelled(change: dict) -> dict:
    """A change with the words staff read: the cluster's name, the statuses in Dutch."""
    return {
        **change,
        "cluster_name": CLUSTER_NAMES[change["cluster"]],
        "from_label": STATUS_LABELS.get(change["from_status"], "nieuw"),
        "to_label": STATUS_LABELS[change["to_status"]],
    }


# -- progress over time ----------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """The state of one cluster on one day: organisations in it, and expectations unmet."""

    day: date
    cluster: str
    members: int  # involved or member
    contacted: int
    open_gaps: int  # expected categories (reference or the zone's target) with nobody in


def replay(memberships: Iterable[dict], expectations: Iterable[dict], today: date) -> list[Point]:
    """Members and open category gaps per cluster: at the start, on each day a change
    happened, and today.

    `memberships`: rows of `replay_rows` (one per change; a membership without any
    change counts with its current status from the start). `expectations`: rows of
    `zone_expectations`. A change without a date (a seed fact) counts from the first day.
    Pure: the same rules as the gap queries, so today's point equals today's gaps.
    """
    changes, category = [], {}
    for row in memberships:
        pair = (row["cluster"], row["organisation"])
        category[pair] = row["category"]
        if row["at"] is None:
            changes.append(("", "", pair, row["current"]))
        else:
            changes.append((row["on"] or "", row["at"], pair, row["to_status"]))
    changes.sort(key=lambda change: change[:2])
    # A category the reference frame and the zone's plan both expect is one gap, not two.
    expected = defaultdict(set)
    for row in expectations:
        expected[row["cluster"]].add(row["category"])
    dated = sorted({dates.parse(c[0], "on") for c in changes if c[0]})
    # The line starts before the first dated change, or on the day graphmap learnt the facts
    # without a date (a seed), whichever is earlier; those facts count from there.
    recorded = [dates.parse(c[1], "at") for c in changes if c[1] and not c[0]]
    first = min([*(d - timedelta(days=1) for d in dated[:1]), *recorded, today])
    days = sorted({first, *dated, today})
    points, tally, done = [], _Tally(category), 0
    for day in days:
        while done < len(changes) and (changes[done][0] or first.isoformat()) <= day.isoformat():
            tally.set(changes[done][2], changes[done][3])
            done += 1
        for cluster in CLUSTER_KEYS:
            points.append(
                Point(
                    day,
                    cluster,
                    members=tally.members[cluster],
                    contacted=tally.contacted[cluster],
                    open_gaps=sum(1 for k in expected[cluster] if not tally.present[cluster, k]),
                )
            )
    return points


class _Tally:
    """Each membership's status on the day replayed, and the counts a Point reads, kept up to
    date change by change: recounting every membership on every day of a zone's history was
    quadratic (2,500 memberships over 700 days of changes: half a second)."""

    def __init__(self, category: dict):
        self.category = category
        self.status: dict[tuple, str] = {}
        self.members: Counter = Counter()  # cluster → involved or member
        self.contacted: Counter = Counter()  # cluster → contacted
        self.present: Counter = Counter()  # (cluster, category) → involved or member

    def set(self, pair: tuple, status: str) -> None:
        self._count(pair, self.status.get(pair), -1)
        self.status[pair] = status
        self._count(pair, status, 1)

    def _count(self, pair: tuple, status: str | None, step: int) -> None:
        if status in PRESENT:
            self.members[pair[0]] += step
            self.present[pair[0], self.category[pair]] += step
        elif status == "contacted":
            self.contacted[pair[0]] += step


def replay_rows(clusters: list[dict]) -> list[dict]:
    """The rows `replay` takes, from those of `engagement_replay` (one per cluster): one per
    change of each membership, or one with its current status for a membership without any.
    A change of an organisation that is no longer in the cluster is left out, as its
    membership is."""
    found = []
    for cluster in clusters:
        changes = defaultdict(list)
        for organisation, on, at, to_status in cluster["changes"]:
            changes[organisation].append({"on": on, "at": at, "to_status": to_status})
        for organisation, category, current in cluster["memberships"]:
            membership = {
                "cluster": cluster["cluster"],
                "organisation": organisation,
                "category": category,
                "current": current,
            }
            for change in changes.get(organisation) or [
                {"on": None, "at": None, "to_status": None}
            ]:
                found.append({**membership, **change})
    return found


def progress(store: Store, zone: str, today: date | None = None) -> list[Point]:
    """Per cluster of `zone`, members and open category gaps over time, from the history."""
    return replay(
        replay_rows(store.read("engagement_replay", zone=zone)),
        store.read("zone_expectations", zone=zone),
        today or dates.today(),
    )
