"""Follow-up on the real store: engagement history, contact moments, next steps, progress."""

from __future__ import annotations

from datetime import date

import icalendar
import pytest
from work import python_lines

from graphmap import access, dates, engagement, followup, register
from graphmap.analysis import gaps
from graphmap.errors import ValidationError
from graphmap.generate import Shape, generate
from graphmap.ingest import seed, spreadsheet
from graphmap.register import FormError

ACTOR = "test:staff"
DAY = date(2026, 3, 10)


def _pallion_gap(store) -> list[gaps.Gap]:
    return [
        g
        for g in gaps.gaps(store, zone="maasland", cluster="welzijn", kinds=["target"])
        if g.subject == "palliatief-netwerk"
    ]


def test_three_changes_give_three_events_in_order_and_the_current_status(seeded):
    [gap] = _pallion_gap(seeded)
    assert gap.status == gaps.MISSING
    steps = [
        ("contacted", date(2026, 1, 5), "eerste telefoon"),
        ("involved", date(2026, 2, 2), "komt naar de clustervergadering"),
        ("member", date(2026, 3, 1), None),
    ]
    recorded = []
    for status, on, note in steps:
        result = engagement.set_status(
            seeded,
            "pallion",
            "maasland",
            "welzijn",
            status,
            actor=ACTOR,
            on=on,
            note=note,
            today=DAY,
        )
        assert result["changed"] and result["status"] == status
        recorded.append(result["change"])
        if status == "contacted":
            assert _pallion_gap(seeded)[0].status == gaps.IN_PROGRESS

    events = engagement.history(seeded, zone="maasland", organisation="pallion")
    assert [(e["from_status"], e["to_status"], e["on"]) for e in events] == [
        ("involved", "member", "2026-03-01"),
        ("contacted", "involved", "2026-02-02"),
        (None, "contacted", "2026-01-05"),
    ]
    assert {e["by"] for e in events} == {ACTOR}
    assert [e["id"] for e in events] == recorded[::-1]
    assert events[1]["note"] == "komt naar de clustervergadering"
    assert all(e["source"].startswith("graphmap-register") for e in events)
    assert _pallion_gap(seeded) == []  # a member now: the target is met
    assert [e["id"] for e in engagement.history(seeded, zone="maasland")[:3]] == [
        e["id"] for e in events
    ]


def test_a_zones_history_since_a_day_is_read_from_that_day_only(seeded):
    for status, on in (("contacted", date(2026, 1, 5)), ("involved", date(2026, 2, 2))):
        engagement.set_status(
            seeded, "pallion", "maasland", "welzijn", status, actor=ACTOR, on=on, today=DAY
        )
    # The query leaves the older changes out (and undated facts), so that a page of the last
    # 90 days does not read a zone's whole history.
    rows = seeded.read("history_zone", zone="maasland", since="2026-02-01")
    assert [(r["organisation"], r["to_status"], r["on"]) for r in rows] == [
        ("pallion", "involved", "2026-02-02")
    ]
    assert len(seeded.read("history_all", since="2026-02-01")) == 1
    assert len(seeded.read("history_zone", zone="maasland", since=None)) == 2
    since = engagement.history(seeded, zone="maasland", since="2026-01-05")
    assert [r["on"] for r in since] == ["2026-02-02", "2026-01-05"]
    assert [r["on"] for r in engagement.history(seeded, since="2026-01-05")] == [
        "2026-02-02",
        "2026-01-05",
    ]


def test_the_same_status_again_is_no_change(seeded):
    engagement.set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor=ACTOR)
    again = engagement.set_status(
        seeded, "pallion", "maasland", "welzijn", "contacted", actor=ACTOR
    )
    assert not again["changed"]
    assert len(engagement.history(seeded, organisation="pallion")) == 1


def test_a_back_dated_change_joins_the_history_and_the_latest_stays_current(seeded):
    engagement.set_status(
        seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR, on="2026-03-01", today=DAY
    )
    late = engagement.set_status(
        seeded, "pallion", "maasland", "welzijn", "contacted", actor=ACTOR, on="2026-01-10",
        today=DAY,
    )  # fmt: skip
    assert late["changed"] and late["status"] == "member"
    history = engagement.history(seeded, organisation="pallion")
    assert [e["to_status"] for e in history] == ["member", "contacted"]
    # The history reads without a jump: the later change now starts from the earlier one.
    assert [(e["from_status"], e["to_status"]) for e in history] == [
        ("contacted", "member"),
        (None, "contacted"),
    ]
    assert _pallion_gap(seeded) == []


def test_a_back_dated_change_to_the_status_a_later_one_reached_takes_its_place(seeded):
    """Recording on an earlier day the status a later change reached corrects that change's
    day: the later change would read lid → lid, so it goes, and its note stays with the fact."""
    set_status = engagement.set_status
    set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor=ACTOR, on="2026-02-01",
               today=DAY)  # fmt: skip
    later = set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="test:other",
                       note="getekend", today=DAY)  # fmt: skip
    moved = set_status(seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR,
                       on="2026-02-15", today=DAY)  # fmt: skip
    assert moved["changed"] and moved["status"] == "member"
    assert moved["replaced"] == {"id": later["change"], "on": DAY.isoformat()}
    history = engagement.history(seeded, organisation="pallion")
    assert [(e["from_status"], e["to_status"], e["on"]) for e in history] == [
        ("contacted", "member", "2026-02-15"),
        (None, "contacted", "2026-02-01"),
    ]
    assert history[0]["note"] == "getekend"
    # "What changed" of the follow-up page reads the same history: no lid → lid.
    texts = [i["text"] for i in followup.changes_since(seeded, "maasland", "2026-01-01")]
    assert "Welzijn: gecontacteerd → lid" in texts
    assert not any(t.endswith("lid → lid") for t in texts)


def test_a_back_dated_change_leaves_a_following_real_change_in_place(seeded):
    """Only a change the back-dated one empties goes; one that still changes something stays
    and starts from the back-dated status."""
    set_status = engagement.set_status
    set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor=ACTOR, on="2026-02-01",
               today=DAY)  # fmt: skip
    set_status(seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR, today=DAY)
    moved = set_status(seeded, "pallion", "maasland", "welzijn", "involved", actor=ACTOR,
                       on="2026-02-15", today=DAY)  # fmt: skip
    assert moved["replaced"] is None
    history = engagement.history(seeded, organisation="pallion")
    assert [(e["from_status"], e["to_status"]) for e in history] == [
        ("involved", "member"),
        ("contacted", "involved"),
        (None, "contacted"),
    ]


def test_a_change_is_checked_before_anything_is_written(seeded):
    before = engagement.history(seeded, zone="maasland")
    with pytest.raises(ValidationError, match="toekomst"):
        engagement.set_status(
            seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR,
            on="2026-04-01", today=DAY,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="te lang"):
        engagement.set_status(
            seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR, note="x" * 501
        )
    with pytest.raises(ValidationError, match="user"):
        engagement.set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="")
    with pytest.raises(ValidationError, match="geen organisatie 'onbekend'"):
        engagement.set_status(seeded, "onbekend", "maasland", "welzijn", "member", actor=ACTOR)
    assert engagement.history(seeded, zone="maasland") == before


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    """A generated two-zone network: the seed itself states no memberships."""
    folder = tmp_path_factory.mktemp("network")
    generate(folder, Shape(zones=2, orgs_per_zone=80, persons_per_zone=20, actions_per_zone=6))
    return folder


def test_the_seed_records_its_memberships_as_sourced_events_once(store, network):
    seed.load(store, network)
    first = engagement.history(store, zone="synth-01")
    seed.load(store, network)
    again = engagement.history(store, zone="synth-01")
    assert first and [e["id"] for e in again] == [e["id"] for e in first]
    assert {e["by"] for e in first} == {access.SEED}
    assert all(e["source"] and e["on"] is None for e in first)
    members = {
        (r["organisation"], f"synth-01/{r['cluster']}"): r["status"]
        for r in store.read("zone_network", zones=["synth-01"])
        if r["organisation"]
    }
    assert {(e["organisation"], f"synth-01/{e['cluster']}"): e["to_status"] for e in first} == (
        members
    )
    assert {e["zone"] for e in engagement.history(store)} == {"synth-01", "synth-02"}


def test_a_staff_change_survives_seeding_again(store, network):
    seed.load(store, network)
    row = next(
        r for r in store.read("zone_network", zones=["synth-02"]) if r["status"] == "contacted"
    )
    organisation, cluster = row["organisation"], row["cluster"]
    engagement.set_status(store, organisation, "synth-02", cluster, "member", actor=ACTOR)
    seed.load(store, network)
    [change, stated] = engagement.history(store, organisation=organisation, zone="synth-02")
    assert (stated["to_status"], change["from_status"], change["to_status"]) == (
        "contacted",
        "contacted",
        "member",
    )
    current = {
        r["status"]
        for r in store.read("zone_network", zones=["synth-02"])
        if r["organisation"] == organisation and r["cluster"] == cluster
    }
    assert current == {"member"}


def test_contact_moment_with_next_step_is_open_then_overdue_then_done(seeded):
    person = register.add_contact(
        seeded, "pallion", {"name": "Lies Demo", "function": "coördinator"}
    )
    written = followup.record_moment(
        seeded,
        "pallion",
        "maasland",
        {
            "kind": "telefoon",
            "on": "2026-03-10",
            "person": person,
            "note": "Interesse in de cluster welzijn",
            "what": "Uitnodiging clustervergadering sturen",
            "due": "2026-03-20",
        },
        actor=ACTOR,
        today=DAY,
    )
    [step] = followup.open_steps(seeded, "maasland", today=DAY)
    assert step["id"] == written["step"]
    assert (step["organisation_name"], step["owner"], step["person_name"]) == (
        "Pallion (palliatief netwerk Limburg)",
        ACTOR,
        "Lies Demo",
    )
    assert not step["overdue"]
    assert followup.open_steps(seeded, "maasland", today=DAY, overdue=True) == []
    assert followup.open_steps(seeded, "maasland", today=DAY, owner="iemand anders") == []

    later = date(2026, 3, 23)
    [late] = followup.open_steps(seeded, today=later, overdue=True)
    assert late["overdue"] and late["days_late"] == 3

    followup.complete_step(seeded, step["id"], actor="test:other", today=later)
    assert followup.open_steps(seeded, "maasland", today=later) == []
    with pytest.raises(ValidationError, match="al afgerond"):
        followup.complete_step(seeded, step["id"], actor=ACTOR, today=later)
    changes = followup.changes_since(seeded, "maasland", "2026-03-01")
    assert [(c["kind"], c["on"]) for c in changes] == [
        ("done", "2026-03-23"),
        ("moment", "2026-03-10"),
    ]
    assert changes[0]["by"] == "test:other"


def test_a_moment_form_names_each_wrong_field_and_writes_nothing(seeded):
    with pytest.raises(FormError) as error:
        followup.record_moment(
            seeded,
            "pallion",
            "maasland",
            {"kind": "fax", "on": "gisteren", "note": "x" * 501},
            actor=ACTOR,
        )
    assert set(error.value.fields) == {"kind", "on", "note"}
    with pytest.raises(FormError) as error:
        followup.record_moment(
            seeded,
            "pallion",
            "maasland",
            {"kind": "overleg", "on": "2026-03-10", "what": "Terugbellen", "due": "2026-03-01"},
            actor=ACTOR,
            today=DAY,
        )
    assert "vóór" in error.value.fields["due"]
    with pytest.raises(FormError, match="person"):
        followup.record_moment(
            seeded, "pallion", "maasland", {"kind": "overleg", "person": "niemand"}, actor=ACTOR
        )
    assert followup.moments(seeded, zone="maasland") == []


def test_erasing_a_person_removes_them_from_every_moment(seeded):
    person = register.add_contact(
        seeded, "pallion", {"name": "Wis Mij", "email": "wis@example.org"}
    )
    for kind in ("telefoon", "overleg"):
        followup.record_moment(
            seeded, "pallion", "maasland", {"kind": kind, "person": person}, actor=ACTOR
        )
    assert {m["person_name"] for m in followup.moments(seeded, organisation="pallion")} == {
        "Wis Mij"
    }
    register.remove_contact(seeded, person)
    kept = followup.moments(seeded, organisation="pallion")
    assert len(kept) == 2 and {(m["person"], m["person_name"]) for m in kept} == {(None, None)}


def test_a_viewer_or_another_zones_editor_sees_no_persons_or_notes(seeded):
    followup.record_moment(
        seeded, "pallion", "maasland", {"kind": "telefoon", "note": "sprak met Jan"}, actor=ACTOR
    )
    rows = followup.moments(seeded, zone="maasland")
    assert access.shown(rows, access.DEMO) == rows  # the local demo user sees everything
    assert access.shown(rows, access.User("an", "editor", {"maasland"})) == rows
    for user in (
        access.User("bo", "viewer", {"maasland"}),
        access.User("cas", "editor", {"kempenland"}),  # another zone's editor
    ):
        [hidden] = access.shown(rows, user)
        assert hidden["note"] == hidden["by"] == access.HIDDEN
        assert hidden["organisation_name"] == rows[0]["organisation_name"]


def test_ics_holds_one_entry_per_open_step(seeded):
    for due in ("2026-03-20", "2026-04-02"):
        followup.record_moment(
            seeded,
            "pallion",
            "maasland",
            {"kind": "e-mail", "what": f"Opvolgen tegen {due}", "due": due},
            actor=ACTOR,
            today=DAY,
        )
    steps = followup.open_steps(seeded, "maasland", today=DAY)
    calendar = icalendar.Calendar.from_ical(followup.ics_bytes(steps))
    events = calendar.walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [date(2026, 3, 20), date(2026, 4, 2)]
    assert {str(e["uid"]) for e in events} == {f"{s['id']}@graphmap" for s in steps}
    assert str(events[0]["summary"]).startswith("Pallion")


def test_progress_replays_the_history_to_todays_gaps(seeded):
    engagement.set_status(
        seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR, on="2026-02-01", today=DAY
    )
    points = engagement.progress(seeded, "maasland", today=DAY)
    welzijn = [p for p in points if p.cluster == "welzijn"]
    assert [p.day for p in welzijn][-2:] == [date(2026, 2, 1), DAY]
    assert welzijn[-1].members == welzijn[0].members + 1
    assert welzijn[-1].open_gaps == welzijn[0].open_gaps - 1
    for cluster in ("zorg", "welzijn", "pzon", "lokale_besturen"):
        today_point = next(p for p in reversed(points) if p.cluster == cluster)
        open_now = gaps.gaps(seeded, zone="maasland", cluster=cluster, kinds=["category", "target"])
        assert today_point.open_gaps == len(open_now), cluster


def test_a_partner_of_several_zones_is_replayed_from_the_zones_own_clusters(seeded):
    # Pallion in a cluster of three zones, with a change in each: a zone's replay is read
    # per cluster of the zone (one row each), never through every change of the partner.
    for zone, on in (("maasland", "2026-01-10"), ("kempenland", "2026-02-10")):
        engagement.set_status(
            seeded, "pallion", zone, "welzijn", "contacted", actor=ACTOR, on=on, today=DAY
        )
    engagement.set_status(
        seeded, "pallion", "maasland", "welzijn", "member", actor=ACTOR, on="2026-03-01", today=DAY
    )
    rows = seeded.read("engagement_replay", zone="maasland")
    assert sorted(r["cluster"] for r in rows) == ["lokale_besturen", "pzon", "welzijn", "zorg"]
    welzijn = next(r for r in rows if r["cluster"] == "welzijn")
    assert sorted(c[1] for c in welzijn["changes"] if c[0] == "pallion") == [
        "2026-01-10",
        "2026-03-01",
    ]
    replayed = [r for r in engagement.replay_rows(rows) if r["organisation"] == "pallion"]
    assert sorted((r["cluster"], r["on"], r["to_status"], r["current"]) for r in replayed) == [
        ("welzijn", "2026-01-10", "contacted", "member"),
        ("welzijn", "2026-03-01", "member", "member"),
    ]
    points = engagement.progress(seeded, "maasland", today=DAY)
    assert [p.day for p in points if p.cluster == "welzijn"][-3:] == [
        date(2026, 1, 10),
        date(2026, 3, 1),
        DAY,
    ]


def test_progress_on_a_generated_zone_ends_at_todays_members_and_gaps(store, network):
    seed.load(store, network)
    row = next(
        r for r in store.read("zone_network", zones=["synth-01"]) if r["status"] == "contacted"
    )
    engagement.set_status(
        store, row["organisation"], "synth-01", row["cluster"], "member", actor=ACTOR
    )
    points = engagement.progress(store, "synth-01")
    assert len({p.day for p in points}) == 2  # the seed's day and today's change
    members = store.read("zone_network", zones=["synth-01"])
    for cluster in ("zorg", "welzijn", "pzon", "lokale_besturen"):
        now = next(p for p in reversed(points) if p.cluster == cluster)
        present = [
            r for r in members if r["cluster"] == cluster and r["status"] in ("involved", "member")
        ]
        assert now.members == len(present), cluster
        open_now = gaps.gaps(store, zone="synth-01", cluster=cluster, kinds=["category", "target"])
        assert now.open_gaps == len(open_now), cluster


def test_an_import_records_each_membership_as_a_change_with_its_row_as_source(seeded, tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text(
        "naam;categorie;cluster;status\n"
        "Pallion (palliatief netwerk Limburg);palliatief netwerk;welzijn;lid\n"
    )
    report = spreadsheet.plan_import(seeded, path, "organisations", zone="maasland")
    spreadsheet.apply_import(seeded, report, actor=ACTOR)
    [change] = engagement.history(seeded, zone="maasland")
    assert (change["organisation"], change["from_status"], change["to_status"]) == (
        "pallion",
        None,
        "member",
    )
    assert (change["by"], change["source"], change["on"]) == (
        ACTOR,
        "partners.csv, rij 2",
        dates.today().isoformat(),
    )
    assert _pallion_gap(seeded) == []
    # A Source as imports wrote it before ("row 2") is shown in Dutch too, and kept as is.
    old = {"id": "partners.csv#row 2", "document": "partners.csv", "section": "row 2"}
    seeded.write("import_sources", rows=[old])
    [change] = engagement.history(seeded, zone="maasland")
    assert change["source"] == "partners.csv, rij 2"
    assert seeded.read("import_provenance", document="partners.csv")[0]["section"] == "row 2"


def _history(memberships: int, days: int, seed_: int = 3) -> tuple[list[dict], list[dict]]:
    """replay's rows for `memberships` memberships, each changed on one of `days` days."""
    import random

    chance = random.Random(seed_)
    clusters = ("zorg", "welzijn", "pzon", "lokale_besturen")
    categories = ("caw", "woonzorgcentrum", "gemeente", "ocmw", "huisartsenkring")
    rows = []
    for n in range(memberships):
        cluster, category = clusters[n % 4], categories[n % 5]
        for _ in range(1 + n % 3):  # one to three changes, or none on the first of five
            day = date(2024, 1, 1).toordinal() + chance.randrange(days)
            on = date.fromordinal(day).isoformat()
            rows.append(
                {
                    "cluster": cluster,
                    "organisation": f"o{n}",
                    "category": category,
                    "current": "member",
                    "on": None if n % 5 == 0 else on,
                    "at": None if n % 5 == 0 else on + "T10:00:00+00:00",
                    "to_status": chance.choice(("contacted", "involved", "member", "missing")),
                }
            )
    expected = [
        {"cluster": c, "category": k} for c in clusters for k in categories if hash(c + k) % 2
    ]
    return rows, expected


def _recounted(rows: list[dict], expected: list[dict], today: date) -> list[tuple]:
    """What replay says, recounted from scratch on every day (as it once did)."""
    changes = sorted(
        (
            ("", "", (r["cluster"], r["organisation"]), r["current"])
            if r["at"] is None
            else (r["on"], r["at"], (r["cluster"], r["organisation"]), r["to_status"])
        )
        for r in rows
    )
    category = {(r["cluster"], r["organisation"]): r["category"] for r in rows}
    points = engagement.replay(rows, expected, today)
    found = []
    for day in dict.fromkeys(p.day for p in points):
        first = points[0].day.isoformat()
        status = {}
        for on, _, pair, to in changes:
            if (on or first) <= day.isoformat():
                status[pair] = to
        for cluster in ("zorg", "welzijn", "pzon", "lokale_besturen"):
            present = {
                category[p]
                for p, s in status.items()
                if p[0] == cluster and s in engagement.PRESENT
            }
            found.append(
                (
                    day,
                    cluster,
                    sum(
                        1 for p, s in status.items() if p[0] == cluster and s in engagement.PRESENT
                    ),
                    sum(1 for p, s in status.items() if p[0] == cluster and s == "contacted"),
                    sum(
                        1
                        for e in expected
                        if e["cluster"] == cluster and e["category"] not in present
                    ),
                )
            )
    return found


def test_progress_counts_what_a_recount_of_every_day_counts():
    rows, expected = _history(300, 90)
    points = engagement.replay(rows, expected, date(2024, 6, 1))
    assert [(p.day, p.cluster, p.members, p.contacted, p.open_gaps) for p in points] == (
        _recounted(rows, expected, date(2024, 6, 1))
    )


def test_progress_grows_with_the_history_not_with_its_square():
    # Each day of a zone's history recounted every membership: a zone of 2,500 memberships
    # with changes on 700 days took half a second on Opvolging. Twice the memberships on
    # twice the days is about twice the work, not four times.
    small = _history(200, 100)
    large = _history(400, 200)
    today = date(2025, 1, 1)
    ratio = python_lines(engagement, lambda: engagement.replay(*large, today)) / python_lines(
        engagement, lambda: engagement.replay(*small, today)
    )
    assert ratio < 2.6
