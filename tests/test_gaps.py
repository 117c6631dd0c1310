"""Gaps on the seeded store, with expectations written out by hand from the plans."""

from __future__ import annotations

import pytest

from graphmap import register
from graphmap.analysis.gaps import IN_PROGRESS, MISSING, gaps
from graphmap.engagement import set_status
from graphmap.errors import ValidationError
from graphmap.ingest import municipalities
from graphmap.settings import Settings
from graphmap.store import Store


def _subjects(found, kind, zone, cluster=None):
    return {
        g.subject: g.status
        for g in found
        if g.kind == kind and g.zone == zone and (cluster is None or g.cluster == cluster)
    }


def _org(id_, category, municipality=None):
    return {
        "id": id_,
        "name": id_.replace("-", " ").title(),
        "category": category,
        "kbo": None,
        "website": None,
        "municipality": municipality,
    }


def test_maasland_od_1_2_targets_missing_then_in_progress_then_present(seeded):
    # Maasland OD 1.2: partners of VAPH, Opgroeien and Pallion in cluster welzijn.
    targets = _subjects(gaps(seeded, zone="maasland"), "target", "maasland", "welzijn")
    assert targets == {
        "vaph-voorziening": MISSING,
        "jeugdhulp": MISSING,
        "palliatief-netwerk": MISSING,
    }

    set_status(seeded, "pallion", "maasland", "welzijn", "contacted", actor="test")
    targets = _subjects(gaps(seeded, zone="maasland"), "target", "maasland", "welzijn")
    assert targets["palliatief-netwerk"] == IN_PROGRESS

    set_status(seeded, "pallion", "maasland", "welzijn", "member", actor="test")
    register.add_organisations(
        seeded, [_org("dvc-demo", "vaph-voorziening"), _org("jeugdhulp-demo", "jeugdhulp")]
    )
    set_status(seeded, "dvc-demo", "maasland", "welzijn", "involved", actor="test")
    set_status(seeded, "jeugdhulp-demo", "maasland", "welzijn", "member", actor="test")
    assert _subjects(gaps(seeded, zone="maasland"), "target", "maasland", "welzijn") == {}


def test_every_gap_is_explained(seeded):
    found = gaps(seeded)
    assert found
    for gap in found:
        assert gap.zone and gap.missing and gap.reason and gap.source
        assert gap.status in {MISSING, IN_PROGRESS}


def test_gap_of_a_target_names_the_plan_section(seeded):
    [gap] = [
        g
        for g in gaps(seeded, zone="maasland", cluster="welzijn")
        if g.subject == "palliatief-netwerk"
    ]
    # Named by the plan's title, not its file name (000_31a8540cc7bf4507.txt).
    assert gap.source == "Beleidsplan ELZ Maasland 2024-2026, OD 1.2"
    assert "Pallion" in gap.reason


def test_kemp_en_duin_sd3_wants_vaph_and_opgroeien_in_av_and_bo(seeded):
    found = [g for g in gaps(seeded, zone="kemp-en-duin", cluster="welzijn") if g.kind == "target"]
    assert {g.subject for g in found} == {"vaph-voorziening", "jeugdhulp"}
    assert all("AV, BO" in g.reason for g in found)


def test_reference_categories_come_from_the_reference_frame(seeded):
    zorg = _subjects(gaps(seeded, zone="maasland", cluster="zorg"), "category", "maasland")
    assert {"huisartsenkring", "apothekersvereniging", "thuisverpleging"} <= set(zorg)
    register.add_organisations(seeded, [_org("hak-maasland-demo", "huisartsenkring")])
    set_status(seeded, "hak-maasland-demo", "maasland", "zorg", "member", actor="test")
    zorg = _subjects(gaps(seeded, zone="maasland", cluster="zorg"), "category", "maasland")
    assert "huisartsenkring" not in zorg


def test_a_municipality_missing_from_lokale_besturen_shows_up(seeded):
    maasland = ["Kinrooi", "Maaseik", "Dilsen-Stokkem", "Maasmechelen", "Lanaken"]
    before = _subjects(gaps(seeded, zone="maasland"), "municipality", "maasland")
    assert before == {municipalities.resolve(n).nis: MISSING for n in maasland}
    for name in maasland[:4]:
        nis = municipalities.resolve(name).nis
        register.add_organisations(seeded, [_org(f"gemeente-{nis}", "gemeente", nis)])
        set_status(seeded, f"gemeente-{nis}", "maasland", "lokale_besturen", "member", actor="test")
    after = _subjects(gaps(seeded, zone="maasland"), "municipality", "maasland")
    assert after == {municipalities.resolve("Lanaken").nis: MISSING}


def test_an_action_with_no_lead_shows_up(seeded):
    # Maasland OD 3.3, third action: the zone only "werkt mee" (no lead in the plan);
    # Noord-Limburg 5.1.1 is a placeholder sheet ("Volgt nog"): not an incomplete action.
    actions = {g.subject: g.missing for g in gaps(seeded) if g.kind == "action"}
    assert "geen trekker" in actions["maasland/3.3-c"]
    assert "noord-limburg/5.1.1" not in actions
    # 1.2-a has a lead, partners and reachable (demo) contacts: no gap.
    assert "maasland/1.2-a" not in actions


def test_organisations_outside_the_network(seeded):
    outside = _subjects(gaps(seeded, zone="maasland"), "outside", "maasland")
    # Partners of Maasland's actions; agencies (VAPH, Opgroeien) and zorgraden are left out.
    assert set(outside) == {
        "noolim",
        "pallion",
        "maasland-plantrekkers",
        "vivel",
        "ziekenhuis-oost-limburg",
    }
    set_status(seeded, "noolim", "maasland", "zorg", "member", actor="test")
    assert "noolim" not in _subjects(gaps(seeded, zone="maasland"), "outside", "maasland")


def test_peer_gap_when_most_other_zones_have_the_category(seeded):
    for zone in ("kemp-en-duin", "noord-limburg"):
        set_status(seeded, "caw-limburg", zone, "welzijn", "member", actor="test")
    peers = {(g.zone, g.subject) for g in gaps(seeded) if g.kind == "peer"}
    assert peers == {("maasland", "caw"), ("kempenland", "caw")}
    # The zones that hold it, by name (qa16: by id, "kemp-en-duin"), as many as are few.
    [gap] = [g for g in gaps(seeded, zone="maasland") if g.kind == "peer"]
    assert gap.reason.endswith("(ELZ Kemp en Duin, ELZ Noord-Limburg).")


def test_a_peer_gaps_reason_names_a_few_zones_and_counts_the_rest():
    from graphmap.analysis.gaps import NAMED
    from graphmap.plural import some

    names = [f"ELZ {n}" for n in range(NAMED + 40)]
    assert some(names[:2], NAMED) == "ELZ 0, ELZ 1"
    assert some(names, NAMED).endswith("ELZ 4 en 40 andere")


def test_filters(seeded):
    found = gaps(seeded, zone="kempenland", cluster="pzon")
    assert found and {(g.zone, g.cluster) for g in found} == {("kempenland", "pzon")}
    with pytest.raises(ValidationError, match="onbekende cluster 'zorgen'"):
        gaps(seeded, cluster="zorgen")


def test_status_change_is_validated(seeded):
    with pytest.raises(ValidationError, match="onbekende status 'lidd'"):
        set_status(seeded, "pallion", "maasland", "welzijn", "lidd", actor="test")
    with pytest.raises(ValidationError, match="onbekende cluster 'zorgen'"):
        set_status(seeded, "pallion", "maasland", "zorgen", "member", actor="test")
    with pytest.raises(ValidationError, match=r"er is geen organisatie 'onbekend'$"):
        set_status(seeded, "onbekend", "maasland", "welzijn", "member", actor="test")
    with pytest.raises(ValidationError, match=r"er is geen zone 'nergens'$"):
        set_status(seeded, "pallion", "nergens", "welzijn", "member", actor="test")
    with pytest.raises(
        ValidationError, match=r"er is geen organisatie 'onbekend' en geen zone 'nergens'$"
    ):
        set_status(seeded, "onbekend", "nergens", "welzijn", "member", actor="test")


def test_status_takes_the_importers_dutch_words(seeded):
    for word, status in [("lid", "member"), ("Betrokken", "involved")]:
        row = set_status(seeded, "pallion", "maasland", "welzijn", word, actor="test")
        assert row["changed"] and row["status"] == status


def test_only_the_asked_kinds(seeded):
    found = gaps(seeded, zone="maasland", kinds=["target"])
    assert found and {g.kind for g in found} == {"target"}
    everything = gaps(seeded, zone="maasland")
    assert [g for g in everything if g.kind == "target"] == found
    with pytest.raises(ValidationError, match="onbekende soort\\(en\\) hiaat: "):
        gaps(seeded, kinds=["ghost"])


def test_gaps_of_several_zones_are_those_of_each(seeded):
    both = gaps(seeded, zones=["maasland", "kempenland"])
    each = gaps(seeded, zone="maasland") + gaps(seeded, zone="kempenland")
    assert sorted(map(repr, both)) == sorted(map(repr, each))
    assert {g.zone for g in both} == {"maasland", "kempenland"}
    assert gaps(seeded, zones=[]) == []


def test_one_zones_peer_gaps_follow_a_change_made_meanwhile(seeded):
    """The peer table is kept between calls, but never past a change of the graph."""
    for zone in ("kemp-en-duin", "noord-limburg"):
        set_status(seeded, "caw-limburg", zone, "welzijn", "member", actor="test")
    assert "caw" in _subjects(gaps(seeded, zone="maasland"), "peer", "maasland")
    set_status(seeded, "caw-limburg", "maasland", "welzijn", "member", actor="test")
    assert "caw" not in _subjects(gaps(seeded, zone="maasland"), "peer", "maasland")
    assert gaps(seeded, zone="maasland", kinds=["peer"]) == [
        g for g in gaps(seeded) if g.zone == "maasland" and g.kind == "peer"
    ]


def test_every_zones_gaps_are_kept_until_the_graph_changes(seeded):
    """All zones at once read every membership and plan of Flanders: the report is kept
    while the graph's revision stays the same, and never past a change."""
    first = gaps(seeded)
    with seeded.traced() as trace:
        again = gaps(seeded)
    assert again == first
    assert [name for name, _ in trace] == ["revision"]
    assert "caw" in _subjects(first, "category", "maasland")
    set_status(seeded, "caw-limburg", "maasland", "welzijn", "member", actor="test")
    assert "caw" not in _subjects(gaps(seeded), "category", "maasland")
    # Each cluster and choice of kinds is its own report.
    assert {g.cluster for g in gaps(seeded, cluster="zorg")} <= {"zorg", None}
    assert {g.kind for g in gaps(seeded, kinds=["action"])} == {"action"}


def test_peer_gaps_follow_a_change_made_by_another_process(seeded, data_dir):
    """Another graphmap process (here a second store on the same server, with a kept table
    of its own) changes a membership: the next call sees it, with no waiting."""
    for zone in ("kemp-en-duin", "noord-limburg"):
        set_status(seeded, "caw-limburg", zone, "welzijn", "member", actor="test")
    assert "caw" in _subjects(gaps(seeded, zone="maasland"), "peer", "maasland")
    settings = Settings.from_env()
    with Store.connect(settings if not settings.embedded else Settings(data_dir=data_dir)) as other:
        before = seeded.revision()
        set_status(other, "caw-limburg", "maasland", "welzijn", "member", actor="elders")
        assert seeded.revision() != before
    assert "caw" not in _subjects(gaps(seeded, zone="maasland"), "peer", "maasland")


def test_the_next_process_reads_the_peer_table_of_the_same_revision(seeded, data_dir):
    """`graphmap gaps --zone Z` is a process of its own: it reads the peer table the one
    before it kept for this revision of the graph, and makes it again after a change."""
    mine = gaps(seeded, zone="maasland", kinds=["peer"])
    settings = Settings.from_env()
    with Store.connect(settings if not settings.embedded else Settings(data_dir=data_dir)) as other:
        with other.traced() as trace:
            assert gaps(other, zone="maasland", kinds=["peer"]) == mine
        assert "gaps_holdings" not in {name for name, _ in trace}
        for zone in ("kemp-en-duin", "noord-limburg", "maasland"):
            set_status(seeded, "caw-limburg", zone, "welzijn", "member", actor="test")
        with other.traced() as trace:
            assert gaps(other, zone="maasland", kinds=["peer"]) == gaps(
                seeded, zone="maasland", kinds=["peer"]
            )
        assert "gaps_holdings" in {name for name, _ in trace}


def test_the_revision_changes_with_every_write_and_only_then(seeded):
    first = seeded.revision()
    assert first is not None  # the seed was written
    gaps(seeded)
    assert seeded.revision() == first  # reading changes nothing
    with pytest.raises(ValidationError):
        set_status(seeded, "caw-limburg", "maasland", "welzijn", "lidd", actor="test")
    assert seeded.revision() == first  # a refused change writes nothing
    set_status(seeded, "caw-limburg", "maasland", "welzijn", "contacted", actor="test")
    assert seeded.revision() not in (None, first)
    # Bookkeeping, not data: no count, statistic or backup shows it, and a reset keeps it
    # (a change like any other).
    assert "Revision" not in {r["label"] for r in seeded.read("stats_nodes")}
    changed = seeded.revision()
    seeded.reset()
    assert seeded.revision() not in (None, changed)
    assert seeded.read("count_nodes") == [{"nodes": 0}]


def test_a_category_the_plan_and_the_frame_both_expect_is_one_gap_the_plan_first(seeded):
    # Maasland OD 2.1 wants local governments in cluster lokale besturen; so does the frame.
    found = gaps(seeded, zone="maasland", cluster="lokale_besturen", kinds=["category", "target"])
    [gap] = [g for g in found if g.subject == "gemeente"]
    assert gap.kind == "target" and gap.status == MISSING
    assert gap.reason.startswith("OD 2.1")
    assert "Ook in het referentiekader: Elke gemeente van de zone" in gap.reason
    sources = [source for _, source in gap.grounds]
    assert len(sources) == 2 and sources[0] == "Beleidsplan ELZ Maasland 2024-2026, OD 2.1"
    assert gap.source == "; ".join(sources)
    # Asked for the frame's gaps alone, the category is not there twice either.
    assert "gemeente" not in _subjects(found, "category", "maasland")
