"""Who is missing? Every gap says what is missing, why it is expected, and on what source.

Five kinds (see the design, "What a gap means"): category/target (an expected partner kind
absent from a cluster, one gap however many expectations ask for it; `target` when the
zone's own plan is one of them), municipality,
action, peer, outside. Every query starts from the zones asked (`UNWIND $zones`, each by its
key), so one zone costs the same in a graph of four zones as in one of sixty; only the peer
table is about every zone, and is kept between calls (see `peer_table`).
"""

from __future__ import annotations

import json
import os
import threading
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import asdict, dataclass
from typing import Any
from weakref import WeakKeyDictionary

from graphmap.analysis import provenance
from graphmap.errors import ValidationError
from graphmap.model import CLUSTER_KEYS
from graphmap.plural import some
from graphmap.store import Store

MISSING, IN_PROGRESS = "missing", "in progress"
KIND_LABELS = {
    "category": "categorie ontbreekt",
    "target": "doel van de zone",
    "municipality": "gemeente niet vertegenwoordigd",
    "action": "actie onvolledig",
    "peer": "andere zones hebben dit wel",
    "outside": "buiten het netwerk",
}
STATUS_LABELS = {MISSING: "ontbreekt", IN_PROGRESS: "in behandeling"}
# Who sits in a cluster: an organisation involved or member there (contacted: in progress).
PRESENT = ("involved", "member")
# Not members of a general assembly: zorgraden (the zone's own too) and government agencies.
# Working on a zone's actions, they are never "outside the network".
NOT_INVITED = ("eerstelijnszone", "agentschap")
# Where an expectation comes from, as a gap explained by more than one names it.
BASIS_LABELS = {"zone": "in het plan van de zone", "reference": "in het referentiekader"}


def _per_zone(rows: list[dict], items: str) -> list[dict]:
    """The rows of a query that returns one row per zone with its `items` as a list (at all
    of Flanders the embedded engine spends more per row returned than on the walk), one
    row per item again, with the zone's id and name."""
    return [
        {"zone": row["zone"], "zone_name": row.get("zone_name"), **item}
        for row in rows
        for item in row[items]
    ]


@dataclass(frozen=True)
class Gap:
    zone: str
    zone_name: str
    cluster: str | None
    cluster_name: str | None
    kind: str
    missing: str
    status: str
    reason: str
    source: str
    subject: str  # the id of what the gap is about: category key, NIS code, action, organisation
    # A missing category: each expectation it fails, (reason, source), the zone's own first.
    grounds: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict:
        return asdict(self)


def _categories(expected: list[dict], holdings: list[dict]) -> list[Gap]:
    """Expected categories that no organisation involved or member brings into the cluster;
    `contacted` organisations of that category make the gap "in progress".

    One gap per category and cluster, however many expectations it fails: a zone's own
    target and the reference frame asking for the same category are one missing partner,
    a `target` (the plan asks for it), explained by both, the plan first."""
    held = {(h["zone"], h["cluster"], h["category"]): h for h in holdings}
    wanted: dict[tuple, list[dict]] = defaultdict(list)
    for row in expected:
        key = (row["zone"], row["cluster"], row["category"])
        if not (held.get(key) or {}).get("held"):
            wanted[key].append(row)
    gaps = []
    for key, rows in wanted.items():
        rows.sort(key=lambda r: (r["basis"] != "zone", r["reason"] or ""))
        grounds = tuple(
            (
                (row["reason"] or "")
                + (f" (organen: {', '.join(row['bodies'])})" if row["bodies"] else ""),
                provenance.label(row["source_document"], row["source_section"]),
            )
            for row in rows
        )
        contacted = [name for name in (held.get(key) or {}).get("contacted", []) if name]
        reason = grounds[0][0]
        for row, (why, _) in zip(rows[1:], grounds[1:], strict=True):
            closed = reason if reason.endswith((".", "!", "?")) else reason + "."
            reason = f"{closed} Ook {BASIS_LABELS.get(row['basis'], 'verwacht')}: {why}"
        if contacted:
            reason += f" Gecontacteerd: {', '.join(sorted(contacted))}."
        first = rows[0]
        gaps.append(
            Gap(
                first["zone"],
                first["zone_name"],
                first["cluster"],
                first["cluster_name"],
                "target" if first["basis"] == "zone" else "category",
                first["category_name"],
                IN_PROGRESS if contacted else MISSING,
                reason,
                "; ".join(dict.fromkeys(source for _, source in grounds if source)),
                first["category"],
                grounds,
            )
        )
    return gaps


def _municipalities(rows: list[dict]) -> list[Gap]:
    gaps = []
    for row in rows:
        contacted = [name for name in row["contacted"] if name]
        reason = (row["reason"] or "Elke gemeente van de zone zetelt in lokale besturen.") + (
            f" Gecontacteerd: {', '.join(sorted(contacted))}." if contacted else ""
        )
        gaps.append(
            Gap(
                row["zone"],
                row["zone_name"],
                row["cluster"],
                row["cluster_name"],
                "municipality",
                f"{row['municipality']} (NIS {row['nis']})",
                IN_PROGRESS if contacted else MISSING,
                reason,
                row["source_document"] or row["covers_source"],
                row["nis"],
            )
        )
    return gaps


def _actions(rows: list[dict]) -> list[Gap]:
    gaps = []
    for row in rows:
        what = [
            label
            for label, lacking in (
                ("trekker", row["leads"] == 0),
                ("partnerorganisatie", row["partners"] == 0),
                ("bereikbare contactpersoon", not row["reachable"]),
            )
            if lacking
        ]
        reason = "Elke actie heeft een trekker, partners en een bereikbare contactpersoon nodig."
        if row["partners"] == 0 and row["partner_groups"]:
            reason += f" Het plan noemt wel groepen: {', '.join(row['partner_groups'])}."
        gaps.append(
            Gap(
                row["zone"],
                row["zone_name"],
                None,
                None,
                "action",
                f"actie {row['code']} ({row['title']}): geen {', geen '.join(what)}",
                MISSING,
                reason,
                provenance.label(row["source_document"], row["source_section"]),
                row["action"],
            )
        )
    return gaps


@dataclass
class PeerTable:
    """Which zones hold which category in which cluster kind, over every zone of the graph."""

    zones: list[dict]  # every zone: {id, name, clusters: [{key, name}]}
    holders: dict[tuple[str, str], set[str]]  # (cluster key, category) -> zone ids
    category_names: dict[str, str]

    @classmethod
    def build(cls, zones: list[dict], holdings: list[dict]) -> PeerTable:
        holders: dict[tuple[str, str], set[str]] = {}
        names = {}
        for row in holdings:
            names[row["category"]] = row["category_name"]
            if row["held"]:
                holders.setdefault((row["cluster"], row["category"]), set()).add(row["zone"])
        return cls(zones, holders, names)

    def gaps(self, zones: list[str], cluster: str | None) -> list[Gap]:
        """A category that more than half of the other zones hold in a cluster kind, and
        this zone not (while it has that cluster)."""
        others = len(self.zones) - 1
        asked = set(zones)
        names = {z["id"]: z["name"] or z["id"] for z in self.zones}
        found = []
        for zone in (z for z in self.zones if z["id"] in asked):
            clusters = {c["key"]: c["name"] for c in zone["clusters"] if c}
            for (key, category), holders in self.holders.items():
                if cluster not in (None, key) or key not in clusters:
                    continue
                if zone["id"] in holders or len(holders) * 2 <= others:
                    continue
                found.append(
                    Gap(
                        zone["id"],
                        zone["name"],
                        key,
                        clusters[key],
                        "peer",
                        self.category_names[category],
                        MISSING,
                        f"{len(holders)} van de {others} andere zones hebben deze categorie "
                        f"in hun cluster ({some(sorted(names[z] for z in holders), NAMED)}).",
                        "vergelijking met andere zones",
                        category,
                    )
                )
        return found


NAMED = 5  # zones a peer gap's reason names; of Flanders' sixty, the rest are counted


# What is about every zone (the peer table, every zone's gaps) costs more as Flanders grows,
# while a zone's own gaps do not. It is kept per store, by what was asked, while the graph's
# revision stays the same (a change made by any process, this one or another, shows at the
# next call; see Store.revision).
_kept_values: WeakKeyDictionary[Store, dict[Hashable, tuple[str, Any]]] = WeakKeyDictionary()
_kept_lock = threading.Lock()


def _kept(store: Store, key: Hashable, revision: str | None) -> Any | None:
    """The value kept under `key` when it is of `revision`, else None."""
    with _kept_lock:
        kept = _kept_values.get(store, {}).get(key)
    if kept and revision is not None and kept[0] == revision:
        return kept[1]
    return None


def _keep(store: Store, key: Hashable, revision: str | None, value: Any) -> None:
    if revision is not None:
        with _kept_lock:
            _kept_values.setdefault(store, {})[key] = (revision, value)


def peer_table(
    store: Store, holdings: list[dict] | None = None, zones=None, revision: str | None = None
) -> PeerTable:
    """The peer table of the whole graph: the one kept, or a fresh one. `holdings` and
    `zones` of every zone, when the caller has just read them (after reading `revision`),
    make it without a query.

    It is kept in this process and in graphmap's folder (`PEER_FILE`), for the next command
    on the same graph: a `graphmap gaps --zone Z` is a process of its own, and reading every
    zone's memberships was a fifth of its second at sixty zones, more on bigger ones."""
    if holdings is None:
        revision = store.revision()  # before reading: a change meanwhile is seen next time
        kept = _kept(store, "peer table", revision)
        if kept is not None:
            return kept
        kept = _stored(store, revision)  # another process's, for this revision
        if kept is not None:
            _keep(store, "peer table", revision, kept)
            return kept
        zones = zones if zones is not None else store.read("gap_zones")
        rows = store.read("gaps_holdings", zones=[z["id"] for z in zones], cluster=None)
        holdings = _per_zone(rows, "holdings")
    table = PeerTable.build(zones, holdings)
    _keep(store, "peer table", revision, table)
    _store(store, revision, table)
    return table


PEER_FILE = "peer-table.json"  # in the store's data folder: zones and categories, nobody


def _stored(store: Store, revision: str | None) -> PeerTable | None:
    """The peer table a process wrote for this `revision` of the graph, if any."""
    if revision is None or store.data_dir is None:
        return None
    try:
        data = json.loads((store.data_dir / PEER_FILE).read_text(encoding="utf-8"))
        if data["revision"] != revision:
            return None
        holders = {(k, c): set(zones) for k, c, zones in data["holders"]}
        return PeerTable(data["zones"], holders, data["category_names"])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # none yet, or cut short: made again


def _store(store: Store, revision: str | None, table: PeerTable) -> None:
    if revision is None or store.data_dir is None:
        return
    data = {
        "revision": revision,
        "zones": table.zones,
        "holders": [[k, c, sorted(zones)] for (k, c), zones in table.holders.items()],
        "category_names": table.category_names,
    }
    path = store.data_dir / PEER_FILE
    part = path.with_name(f".{PEER_FILE}.{os.getpid()}.{threading.get_ident()}")
    try:
        # Readable by graphmap's user only, as everything in its folder.
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(json.dumps(data, ensure_ascii=False))
        os.replace(part, path)  # whole or not at all, for a process reading it meanwhile
    except OSError:
        part.unlink(missing_ok=True)  # a folder not writable: kept in this process only


def outside_the_network(category: str | None, statuses: Iterable[str]) -> bool:
    """Whether an organisation that works on a zone's actions is outside its network: present
    in none of the zone's clusters (`statuses`: its memberships there) and one a general
    assembly could take in. `gaps_outside` asks the same of the graph; the Netwerk page asks
    it of the rows it drew, so that both count the same organisations."""
    return category not in NOT_INVITED and not any(s in PRESENT for s in statuses)


def _outside(rows: list[dict]) -> list[Gap]:
    roles = {"LEADS": "trekker", "PARTNER_IN": "partner"}
    return [
        Gap(
            row["zone"],
            row["zone_name"],
            row["default_cluster"],
            None,
            "outside",
            row["organisation_name"],
            IN_PROGRESS if "contacted" in row["statuses"] else MISSING,
            f"Werkt mee aan {'actie' if len(row['actions']) == 1 else 'acties'} "
            f"{', '.join(sorted(row['actions']))} als "
            f"{' en '.join(sorted(roles[r] for r in row['roles']))}, maar zit in geen cluster: "
            "uit te nodigen in de algemene vergadering.",
            "het plan van de zone",
            row["organisation"],
        )
        for row in _per_zone(rows, "outside")
    ]


def gaps(
    store: Store,
    zone: str | None = None,
    cluster: str | None = None,
    kinds: Iterable[str] | None = None,
    zones: Iterable[str] | None = None,
) -> list[Gap]:
    """Every gap, optionally of one zone (or of the `zones` listed), cluster kind and/or gap
    kinds (see KIND_LABELS), grouped by zone and cluster. Only the queries the asked kinds
    need are run, each anchored on the zones asked."""
    if cluster is not None and cluster not in CLUSTER_KEYS:
        raise ValidationError(f"onbekende cluster {cluster!r}; kies uit {', '.join(CLUSTER_KEYS)}")
    wanted = set(KIND_LABELS if kinds is None else kinds)
    if wanted - set(KIND_LABELS):
        raise ValidationError(
            f"onbekende soort(en) hiaat: {', '.join(sorted(wanted - set(KIND_LABELS)))}; "
            f"kies uit {', '.join(KIND_LABELS)}"
        )
    every = revision = None
    if zone is not None:
        asked = [zone]
    elif zones is not None:
        asked = list(dict.fromkeys(zones))
    else:
        revision = store.revision()  # what is made and kept below is of this revision
        # Every zone's gaps read every membership and plan of Flanders (1 to 2 s at 60 zones
        # of 1,800 organisations), where one zone's take milliseconds.
        kept = _kept(store, ("gaps", cluster, frozenset(wanted)), revision)
        if kept is not None:
            return list(kept)
        every = store.read("gap_zones")
        asked = [z["id"] for z in every]
    found: list[Gap] = []
    if not asked:
        return found
    # The queries the asked kinds need, independent of each other: read at once.
    calls = {}
    if wanted & {"category", "target"}:
        calls["holdings"] = ("gaps_holdings", {"zones": asked, "cluster": cluster})
        calls["expected"] = ("gaps_expectations", {"zones": asked, "cluster": cluster})
    if "municipality" in wanted:
        calls["municipalities"] = ("gaps_municipalities", {"zones": asked, "cluster": cluster})
    if "action" in wanted and cluster is None:
        calls["actions"] = ("gaps_actions", {"zones": asked})
    if "outside" in wanted:
        calls["outside"] = ("gaps_outside", {"zones": asked, "not_invited": list(NOT_INVITED)})
    rows = store.reads(calls)
    if "holdings" in rows:
        holdings = _per_zone(rows["holdings"], "holdings")
        expected = _per_zone(rows["expected"], "expected")
        found += [g for g in _categories(expected, holdings) if g.kind in wanted]
        if every is not None and cluster is None and "peer" in wanted:
            # All zones at once: the same rows make the peer table, without a second pass.
            peer_table(store, holdings, every, revision)
    found += _municipalities(rows.get("municipalities", []))
    if "peer" in wanted:
        found += peer_table(store).gaps(asked, cluster)
    found += _actions(rows.get("actions", []))
    outside = _outside(rows.get("outside", []))
    found += [g for g in outside if cluster is None or g.cluster == cluster]
    order = {kind: i for i, kind in enumerate(KIND_LABELS)}
    found = sorted(
        found, key=lambda g: (g.zone, g.cluster or "~", order[g.kind], g.missing, g.subject)
    )
    if every is not None:
        _keep(store, ("gaps", cluster, frozenset(wanted)), revision, tuple(found))
    return found
