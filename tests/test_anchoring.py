"""Per-zone queries are anchored: what one zone costs does not grow with the other zones.

The same zone (synth-01 of `graphmap generate`, identical in every generated network) is
queried in a network of 2 zones and in one of 6; the engine's PROFILE counts the rows each
step touched. An anchored query touches exactly as many rows in both; one that starts from
a label (every action, every person) touches three times as many in the larger network.
No timing: rows, which do not depend on the machine.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from graphmap import audit, queries
from graphmap.generate import Shape, generate
from graphmap.ingest import seed

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("NEO4J_URI")), reason="reads the embedded engine's PROFILE"
)

DATA = Path(__file__).resolve().parent / "data"
ZONE = "synth-01"
SMALL = {"orgs_per_zone": 40, "persons_per_zone": 40, "actions_per_zone": 8}
ROWS = re.compile(r"([\d,]+) rows\b")
# A step that reads every node of a label (no index, no bound node) in either of the
# engine's plan forms.
LABEL_SCAN = re.compile(r"NodeByLabelScan\((\w+):(\w+)\)|MATCH NODE \((\w+):(\w+)\)(?! \[index)")


def per_zone_queries(store) -> dict[str, dict]:
    actions = [row["id"] for row in store.read("actions", zone=ZONE)][:3]
    return {
        "gaps_actions": {"zones": [ZONE]},
        "gaps_holdings": {"zones": [ZONE], "cluster": None},
        "gaps_expectations": {"zones": [ZONE], "cluster": None},
        "gaps_municipalities": {"zones": [ZONE], "cluster": None},
        "gaps_outside": {"zones": [ZONE], "not_invited": ["eerstelijnszone", "agentschap"]},
        "plan_tree": {"zone": ZONE},
        "zone_clusters": {"zones": [ZONE]},
        "zone_presence": {"zones": [ZONE]},
        "zone_network": {"zones": [ZONE]},
        "actions": {"zone": ZONE},
        "zone_action_choices": {"zones": [ZONE]},
        "action_ids_for": {"actions": actions[:1], "goals": ["1"], "zone": ZONE},
        "contacts_action_links": {"actions": actions},
        "contacts_of_organisations": {"organisations": ["pallion", f"elz-{ZONE}"], "zones": [ZONE]},
        "contacts_for_cluster": {"cluster": f"{ZONE}/welzijn"},
        "zone_category_organisations": {"zone": ZONE, "category": "woonzorgcentrum"},
        "register_rows": {"ids": [f"elz-{ZONE}", "pallion"]},
        "register_zone": {"zone": ZONE, "words": [], "skip": 0, "limit": 100},
        "audit_zone_entries": {
            "zone": ZONE,
            "since": "",
            "action": "",
            "changes": False,
            "skip": 0,
            "limit": 100,
        },
        "audit_zone_count": {"zone": ZONE, "since": "", "action": "", "changes": False},
    }


def touched(profile: str) -> int:
    counts = [int(n.replace(",", "")) for n in ROWS.findall(profile)]
    assert counts, f"no row counts in the profile:\n{profile}"
    return sum(counts)


def profiles(store, tmp_path, zones: int) -> dict[str, tuple[int, list[str]]]:
    folder = tmp_path / f"net-{zones}"
    generate(folder, Shape(zones, **SMALL))
    store.reset()
    seed.load(store, folder)
    zones = [z["id"] for z in store.read("zones")]
    # Every zone's audit holds as much: one zone's Logboek reads its own.
    entries = [audit.entry(by="an", action="export", zones=[z]) for z in zones for _ in range(5)]
    store.transaction(lambda tx: audit.record_all(tx, entries))
    found = {}
    for name, params in per_zone_queries(store).items():
        profile = store.profile(name, **params)
        scans = [m.group(0) for m in LABEL_SCAN.finditer(profile)]
        found[name] = (touched(profile), scans)
    return found


def test_one_zone_costs_the_same_rows_among_two_or_six_zones(store, tmp_path):
    small = profiles(store, tmp_path, 2)
    large = profiles(store, tmp_path, 6)
    grown = {
        name: f"{small[name][0]} rows among 2 zones, {large[name][0]} among 6"
        for name in small
        if large[name][0] != small[name][0]
    }
    assert grown == {}
    scans = {name: found[1] for name, found in large.items() if found[1]}
    assert scans == {}


def test_the_check_catches_the_gaps_actions_of_before(store, tmp_path):
    """gaps_actions as it was (`WHERE $zone IS NULL OR z.id = $zone`, written from the
    action, reach counted per row from every person) touches more rows among more zones,
    and reads every action: the check above would fail on it."""
    old = queries.parse(DATA / "unanchored_gaps_actions.cypher")
    counts = []
    for zones in (2, 6):
        folder = tmp_path / f"old-{zones}"
        generate(folder, Shape(zones, **SMALL))
        store.reset()
        seed.load(store, folder)
        _, summary, _ = store.driver.execute_query(
            f"PROFILE {old.statements[0]}", {"zone": ZONE}, database_=store.database
        )
        profile = summary.profile["args"]["string-representation"]
        assert LABEL_SCAN.search(profile)
        counts.append(touched(profile))
    assert counts[1] > counts[0]


def test_a_lookup_by_a_missing_value_reads_no_label(store, tmp_path):
    """On this engine `MATCH (e:EngagementChange {id: null})` reads every node of the label:
    the Logboek did that for each entry without an engagement change (20 s for 5,000 entries
    among 120,000). The audit of all zones reads only its own entries; a zone's, its log."""
    generate(tmp_path / "net", Shape(2, **SMALL))
    store.reset()
    seed.load(store, tmp_path / "net")
    store.transaction(
        lambda tx: audit.record_all(
            tx, [audit.entry(by="an", action="export", zones=[ZONE]) for _ in range(3)]
        )
    )
    reads = {"since": "", "action": "", "changes": False, "skip": 0, "limit": 10}
    for name, params in {
        "audit_entries": reads,
        "audit_zone_entries": {**reads, "zone": ZONE},
    }.items():
        scans = [m.group(0) for m in LABEL_SCAN.finditer(store.profile(name, **params))]
        assert scans == (["MATCH NODE (a:AuditEntry)"] if name == "audit_entries" else []), name


def _wide_partner(folder: Path, people: int) -> None:
    """Pallion a partner of every action of ZONE, with `people` contact persons."""
    import json

    def edit(path: Path, change) -> None:
        head, body = path.read_text(encoding="utf-8").split("\n", 1)
        data = json.loads(body)
        change(data)
        path.write_text(head + "\n" + json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def partner(data):
        for action in data["actions"]:
            if action.get("lead") != "pallion" and all(
                p["organisation"] != "pallion" for p in action.get("partners", [])
            ):
                action.setdefault("partners", []).append({"organisation": "pallion"})

    def staff(data):
        data["people"] += [
            {
                "id": f"pallion-{n}",
                "name": f"Medewerker {n} (synthetisch)",
                "email": f"pallion.{n}@example.org",
                "organisation": "pallion",
            }
            for n in range(people)
        ]

    edit(folder / "zones" / f"{ZONE}.yaml", partner)
    edit(folder / "demo" / "contacts.yaml", staff)


def _contact_rows_touched(store, actions: list[str]) -> int:
    """Rows the contact lists of `actions` touch, over the queries contacts.action_rows runs."""
    links = store.read("contacts_action_links", actions=actions)
    organisations = sorted(
        {k["organisation"] for a in links for k in a["links"] if k["organisation"]}
    )
    return touched(store.profile("contacts_action_links", actions=actions)) + touched(
        store.profile("contacts_of_organisations", organisations=organisations, zones=[ZONE])
    )


def test_an_organisations_people_are_read_once_however_many_actions_it_works_on(store, tmp_path):
    """A zone's contact lists read each organisation's people and memberships once: 30 more
    people at a partner of all of the zone's actions are 30 more rows or so, where the
    query of before read them again for every action and walked the partner's memberships
    for each (an organisation of 60 zones with 40 people made a goal's list 0.3 s)."""
    grown = {}
    for people in (2, 32):
        folder = tmp_path / f"net-{people}"
        generate(folder, Shape(2, **SMALL))
        _wide_partner(folder, people)
        store.reset()
        seed.load(store, folder)
        actions = [row["id"] for row in store.read("actions", zone=ZONE)]
        old = queries.parse(DATA / "contacts_per_person_row.cypher")
        _, summary, _ = store.driver.execute_query(
            f"PROFILE {old.statements[0]}", {"actions": actions}, database_=store.database
        )
        grown[people] = (
            _contact_rows_touched(store, actions),
            touched(summary.profile["args"]["string-representation"]),
            len(actions),
        )
    (now_few, old_few, actions), (now_many, old_many, _) = grown[2], grown[32]
    assert now_many - now_few <= 30 * 3
    # The check would catch the query of before: the 30 people again on every action.
    assert old_many - old_few >= 30 * actions


GROUP_KEYS = re.compile(r"GROUP BY AGGREGATION \[([^\]]*)\]")


def _lists_in_group_keys(profile: str) -> list[str]:
    """The collected lists of an organisation's record that an aggregation groups by."""
    keys = {key.strip() for found in GROUP_KEYS.findall(profile) for key in found.split(",")}
    return sorted(keys & {"memberships", "contacts", "actions"})


def test_an_organisations_record_groups_by_none_of_its_lists(store, tmp_path):
    """The register's record of an organisation (and Netwerk's summary of it) collects its
    memberships, contacts and actions each apart: collected one after the other, each row of
    a later list carried the lists before it as its group key, which the engine compares row
    by row (a regional body of 60 zones, 2,000 contacts and 700 actions took half a second).
    No timing: the plan."""
    folder = tmp_path / "net"
    generate(folder, Shape(2, **SMALL))
    _wide_partner(folder, 5)
    store.reset()
    seed.load(store, folder)
    for name in ("register_organisation", "organisation_summary"):
        assert _lists_in_group_keys(store.profile(name, organisation="pallion")) == [], name
    # The check would catch the query of before.
    old = queries.parse(DATA / "register_organisation_grouped.cypher")
    _, summary, _ = store.driver.execute_query(
        f"PROFILE {old.statements[0]}", {"organisation": "pallion"}, database_=store.database
    )
    before = summary.profile["args"]["string-representation"]
    assert _lists_in_group_keys(before) == ["contacts", "memberships"]
