"""The curated seed data in the real store, checked against counts taken from the plans."""

from __future__ import annotations

import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from graphmap import dates, engagement, register
from graphmap.analysis import directory, stats
from graphmap.errors import ValidationError
from graphmap.ingest import municipalities, seed
from graphmap.paths import seed_dir

# Counted by hand from shared/seeds/*.txt (Noord-Limburg: the 2025 action plan).
PLANS = {
    "maasland": {"municipalities": 5, "strategic_goals": 5, "operational_goals": 14, "actions": 36},
    "kemp-en-duin": {
        "municipalities": 5,
        "strategic_goals": 5,
        "operational_goals": 20,
        "actions": 54,
    },
    "noord-limburg": {
        "municipalities": 6,
        "strategic_goals": 5,
        "operational_goals": 11,
        "actions": 12,
    },
    "kempenland": {
        "municipalities": 10,
        "strategic_goals": 6,
        "operational_goals": 6,
        "actions": 13,
    },
}


def test_seeding_twice_gives_identical_counts(store):
    seed.load(store)
    first = stats.counts(store)
    seed.load(store)
    assert stats.counts(store) == first
    assert first["nodes"]["Zone"] == 4
    assert first["nodes"]["Cluster"] == 16
    assert first["relationships"]["HAS_CLUSTER"] == 16


def test_each_zone_holds_its_plan(seeded):
    summary = {
        row["zone"]: {k: row[k] for k in PLANS["maasland"]} for row in stats.zone_summary(seeded)
    }
    assert summary == PLANS


def test_municipalities_come_with_current_nis_codes(seeded):
    assert municipalities.resolve("Genk").nis == "71016"
    assert municipalities.resolve("Lommel").nis == "72020"
    assert municipalities.resolve("dilsen stokkem").name == "Dilsen-Stokkem"
    assert municipalities.resolve("Tongeren-Borgloon").nis == "73111"  # a 2025 merger
    assert stats.counts(seeded)["nodes"]["Municipality"] == sum(
        p["municipalities"] for p in PLANS.values()
    )


def test_unknown_municipality_is_refused_by_name():
    with pytest.raises(ValidationError, match="'Atlantis'"):
        municipalities.resolve("Atlantis")


def test_every_goal_action_and_organisation_has_a_source(seeded):
    rows = seed.build_rows()
    assert all(row["source"] for row in rows.goals + rows.actions + rows.leads + rows.partners)
    assert all(row["source"] for row in rows.organisations.values())
    assert all(row["source"] for row in rows.covers + rows.expectations)


def test_noord_limburg_municipalities_cite_the_press_not_the_plan():
    rows = seed.build_rows()
    sources = {row["source"] for row in rows.covers if row["nis"] in {"72020", "72043"}}
    assert len(sources) == 1 and sources.pop().startswith("Het Belang van Limburg")


def test_demo_contacts_are_fictitious():
    for person in seed.build_rows().persons:
        assert person["demo"] is True
        assert person["email"].endswith("@example.org")
        assert "(demo)" in person["name"]


def _copy_seed(tmp_path: Path) -> Path:
    folder = tmp_path / "seed"
    shutil.copytree(seed_dir(), folder)
    return folder


def test_bad_seed_file_names_file_field_and_value_and_writes_nothing(store, tmp_path):
    folder = _copy_seed(tmp_path)
    path = folder / "zones" / "maasland.yaml"
    data = yaml.safe_load(path.read_text())
    data["organisations"][0]["category"] = "geen-categorie"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ValidationError, match="maasland.yaml.*'geen-categorie'"):
        seed.load(store, folder)
    assert store.read("stats_nodes") == []


def test_wrong_field_type_is_reported_with_its_path(tmp_path):
    folder = _copy_seed(tmp_path)
    path = folder / "zones" / "kempenland.yaml"
    data = yaml.safe_load(path.read_text())
    data["memberships"] = [
        {"organisation": "pallion", "cluster": "zorg", "status": "lid", "source": "1"}
    ]
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ValidationError, match=r"kempenland.yaml: memberships.0.status.*'lid'"):
        seed.build_rows(folder)


# -- corrections checked against the plans (issue 15) ----------------------------------------
def _zone_file(zone: str) -> dict:
    return yaml.safe_load((seed_dir() / "zones" / f"{zone}.yaml").read_text(encoding="utf-8"))


def test_targets_of_a_cluster_meeting_name_no_body():
    # Maasland OD 1.2 speaks of the cluster welzijn and its clusteroverleg, not of the AV.
    maasland = {t["category"]: t for t in _zone_file("maasland")["targets"]}
    for category in ("vaph-voorziening", "jeugdhulp", "palliatief-netwerk"):
        assert maasland[category]["bodies"] == [] and maasland[category]["source"] == "OD 1.2"
    # Kemp en Duin OD 2.1 asks for the same kind of wider cluster meeting as Maasland OD 2.1.
    kemp = [t for t in _zone_file("kemp-en-duin")["targets"] if t["source"] == "OD 2.1"]
    assert {(t["cluster"], t["category"]) for t in kemp} == {
        ("lokale_besturen", "gemeente"),
        ("lokale_besturen", "ocmw"),
    }
    assert all(t["bodies"] == [] and "breder" in " ".join(k["reason"] for k in kemp) for t in kemp)


def test_noord_limburg_corrections(seeded):
    from graphmap.analysis import gaps, plans

    plan = plans.plan_tree(seeded, "noord-limburg")
    placeholder = plan.action("noord-limburg/5.1.1")
    assert placeholder.placeholder and placeholder.title.startswith("Volgt nog")
    found = gaps.gaps(seeded, zone="noord-limburg")
    assert not any(g.kind == "action" and g.subject == "noord-limburg/5.1.1" for g in found)
    [dentists] = [g for g in found if g.kind == "target"]
    assert (dentists.cluster, dentists.subject) == ("zorg", "tandartsenkring")
    assert "onvoldoende aansluiting bij de tandartsen" in dentists.reason
    # The plan's own source first; the reference frame expects a tandartsenkring too.
    assert dentists.grounds[0][1].endswith("Actie 5.2.1")
    assert dentists.source.startswith(dentists.grounds[0][1])
    # 3.2.1: "De zorgraad samen met de cluster PZON"; 4.1.1: "in trekker voor topic 1,2 en 3"
    leads = {o["id"]: o for o in plan.action("noord-limburg/3.2.1").leads}
    assert set(leads) == {"elz-noord-limburg", "noord-limburg-cluster-pzon"}
    [lead] = plan.action("noord-limburg/4.1.1").leads
    assert (lead["id"], lead["scope"]) == ("elz-noord-limburg", "topics 1–3")
    # a co-lead that is a body of the zorgraad is not "outside the network"
    assert not any(g.subject == "noord-limburg-cluster-pzon" for g in found)


def test_organisations_several_plans_name_are_defined_once_in_the_reference():
    defined: dict[str, list[str]] = {}
    for path in sorted((seed_dir() / "zones").glob("*.yaml")):
        for org in yaml.safe_load(path.read_text(encoding="utf-8"))["organisations"]:
            defined.setdefault(org["id"], []).append(path.name)
    reference = yaml.safe_load((seed_dir() / "reference" / "organisations.yaml").read_text())
    for org in reference["organisations"]:
        defined.setdefault(org["id"], []).append("reference")
    twice = {org: files for org, files in defined.items() if len(files) > 1}
    assert twice == {}
    assert defined["elz-kemp-en-duin"] == ["reference"]
    assert defined["koning-boudewijnstichting"] == ["reference"]


def test_a_placeholder_action_with_a_lead_is_refused(tmp_path):
    folder = tmp_path / "seed"
    shutil.copytree(seed_dir(), folder)
    path = folder / "zones" / "noord-limburg.yaml"
    text = re.sub(
        r"(placeholder: true[^\n]*\n    )lead: null", r"\1lead: self", path.read_text("utf-8")
    )
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match="placeholder"):
        seed.build_rows(folder)


# -- loading into a graph staff have worked on ------------------------------------------------
def _edit_zone(folder: Path, zone: str, change) -> None:
    path = folder / "zones" / f"{zone}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _organisations(data: dict) -> dict[str, dict]:
    return {org["id"]: org for org in data["organisations"]}


def test_seeding_again_keeps_what_staff_did(seeded):
    pallion = register.organisation(seeded, "pallion")
    form = {"name": "Pallion (hernoemd)", "category": "steunpunt", "municipality": "Genk"}
    register.save_organisation(seeded, form, "pallion", version=pallion["version"], editor="an")
    register.unlink_action(seeded, "pallion", "maasland/1.2-a", actor="an")
    [erased] = register.organisation(seeded, "ziekenhuis-oost-limburg")["contacts"]
    register.remove_contact(seeded, erased["id"], actor="an")
    edited = register.organisation(seeded, "pallion")
    counts = stats.counts(seeded)

    seed.load(seeded)

    again = register.organisation(seeded, "pallion")
    assert (again["name"], again["website"], again["version"]) == (
        "Pallion (hernoemd)",
        None,
        edited["version"],
    )
    # One category and one seat: the edited ones, not the seed's beside them.
    [state] = seeded.read("organisation_state", organisations=["pallion"])[0]["states"]
    assert (state["category"], state["municipality"]) == ("steunpunt", "Genk")
    assert "maasland/1.2-a" not in {a["action"] for a in again["actions"]}
    assert register.organisation(seeded, "ziekenhuis-oost-limburg")["contacts"] == []
    assert stats.counts(seeded) == counts


def test_a_known_organisation_gets_only_the_kind_of_link_it_lacks(store, tmp_path):
    earlier = _copy_seed(tmp_path / "earlier")
    _edit_zone(earlier, "maasland", lambda d: _organisations(d)["noolim"].update(name="Noolim oud"))
    seed.load(store, earlier)
    later = _copy_seed(tmp_path / "later")
    _edit_zone(later, "maasland", lambda d: _organisations(d)["noolim"].update(municipality="Genk"))

    seed.load(store, later)

    [state] = store.read("organisation_state", organisations=["noolim"])[0]["states"]
    assert (state["name"], state["category"], state["municipality"]) == (
        "Noolim oud",
        "ggz-netwerk-volwassenen",
        "Genk",
    )


def test_seeding_again_writes_no_second_engagement_change(store, tmp_path):
    seed.load(store)
    engagement.set_status(store, "pallion", "maasland", "welzijn", "member", actor="an")
    stating = _copy_seed(tmp_path)
    membership = {"organisation": "pallion", "cluster": "welzijn", "status": "contacted"}
    _edit_zone(
        stating, "maasland", lambda d: d["memberships"].append({**membership, "source": "1"})
    )

    seed.load(store, stating)

    [change] = engagement.history(store, organisation="pallion")
    assert (change["by"], change["to_status"]) == ("an", "member")
    statuses = [
        r["status"]
        for r in store.read("zone_network", zones=["maasland"])
        if r["organisation"] == "pallion" and r["cluster"] == "welzijn"
    ]
    assert statuses == ["member"]


def test_a_folder_that_is_no_seed_folder_is_named_in_one_line(store, tmp_path, embedded_env):
    from click.testing import CliRunner

    from graphmap.cli import cli

    (tmp_path / "zones").mkdir()
    result = CliRunner().invoke(cli, ["seed", "--path", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path} is geen seedmap: reference/clusters.yaml ontbreekt\n"
    )
    assert store.read("stats_nodes") == []


def test_a_membership_of_self_is_the_zorgraad_of_the_zone(store, tmp_path):
    # `self` names the zone's zorgraad wherever a zone file names an organisation; a
    # membership of `self` was accepted and then written for no organisation at all.
    folder = _copy_seed(tmp_path)
    membership = {"organisation": "self", "cluster": "zorg", "status": "involved", "source": "1"}
    _edit_zone(folder, "maasland", lambda d: d["memberships"].append(membership))

    seed.load(store, folder)

    statuses = [
        (r["cluster"], r["status"])
        for r in store.read("zone_network", zones=["maasland"])
        if r["organisation"] == "elz-maasland"
    ]
    assert statuses == [("zorg", "involved")]


def test_a_municipality_merged_away_is_the_one_it_joined(store, tmp_path):
    # A plan written before 1 January 2025 names Kruibeke and Zwijndrecht; the seed names
    # municipalities by name, as `graphmap zone add` and the imports read them.
    folder = _copy_seed(tmp_path)
    merged = [{"name": "Kruibeke", "source": "1"}, {"name": "Zwijndrecht", "source": "1"}]
    _edit_zone(folder, "maasland", lambda d: d["municipalities"].extend(merged))

    seed.load(store, folder)

    [maasland] = [row for row in stats.zone_summary(store) if row["zone"] == "maasland"]
    assert maasland["municipalities"] == PLANS["maasland"]["municipalities"] + 1


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (
            lambda d: d["municipalities"].append({"name": "Atlantis", "source": "1"}),
            "zones/maasland.yaml: municipalities.5.name: .*'Atlantis'",
        ),
        (
            lambda d: d["organisations"][0].update(municipality="Atlantis"),
            "zones/maasland.yaml: organisatie ziekenhuis-oost-limburg: municipality: .*'Atlantis'",
        ),
        (
            lambda d: d["memberships"].append(
                {"organisation": "niemand", "cluster": "zorg", "status": "member", "source": "1"}
            ),
            "zones/maasland.yaml: memberships.0.organisation: .*'niemand'",
        ),
        (
            lambda d: d["actions"][1].update(partners=[{"organisation": "niemand"}]),
            r"zones/maasland.yaml: actie 1.1-b: partners.0.organisation: .*'niemand'",
        ),
        (
            lambda d: d["organisations"][0].pop("source"),
            "zones/maasland.yaml: organisatie ziekenhuis-oost-limburg: source: elk feit heeft",
        ),
        # The graph holds one goal per number, and one zone per id: given twice, the second
        # was merged into the first without a word.
        (
            lambda d: d["goals"].append({**d["goals"][0], "title": "Een tweede SD 1"}),
            r"zones/maasland.yaml: goals.19.number: doelstelling 1 komt twee keer voor",
        ),
        (
            lambda d: d["memberships"].extend(
                {"organisation": "pallion", "cluster": "zorg", "status": status, "source": "1"}
                for status in ("member", "contacted")
            ),
            "zones/maasland.yaml: memberships.1.organisation: 'pallion' komt twee keer voor",
        ),
        # A role as long as the register's forms allow, no longer (it was any length).
        (
            lambda d: d["actions"][1].update(
                partners=[{"organisation": "pallion", "role": "r" * 2001}]
            ),
            "zones/maasland.yaml: actions.1.partners.0.role: mag hoogstens 2000 tekens",
        ),
        (
            lambda d: d["zone"].update(id="kempenland"),
            "zones/maasland.yaml: zone.id: zone 'kempenland' heeft nog een bestand",
        ),
    ],
)
def test_a_refusal_names_file_entry_and_field_and_writes_nothing(store, tmp_path, change, where):
    folder = _copy_seed(tmp_path)
    _edit_zone(folder, "maasland", change)
    with pytest.raises(ValidationError, match=where):
        seed.load(store, folder)
    assert store.read("stats_nodes") == []


def test_a_neighbour_that_is_a_zone_of_the_seed_is_its_zorgraad(tmp_path):
    # A zone's id need not be its name made a slug: a neighbour named as another zone of the
    # seed is that zone's zorgraad, not a second organisation of the same name.
    folder = _copy_seed(tmp_path)
    name = "Eerstelijnszone Maasland-Maaskant"
    _edit_zone(folder, "maasland", lambda d: d["zone"].update(name=name))
    _edit_zone(
        folder, "kempenland", lambda d: d["neighbours"].append({"name": name, "source": "1"})
    )

    rows = seed.build_rows(folder)

    named = [org for org in rows.organisations.values() if org["name"] == name]
    assert [(org["id"], org["zorgraad_of"]) for org in named] == [("elz-maasland", "maasland")]


def _edit_reference_organisation(folder: Path, id_: str, **fields) -> None:
    path = folder / "reference" / "organisations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(org for org in data["organisations"] if org["id"] == id_).update(fields)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_reference_organisation_cites_a_reference_source_by_its_id(tmp_path):
    # Reference files cite reference/sources.yaml by id; an organisation's id was dropped
    # without a word and the organisation cited VVSG 2019 instead.
    folder = _copy_seed(tmp_path)
    _edit_reference_organisation(folder, "pallion", source="artsenkrant-2020")

    rows = seed.build_rows(folder)

    assert rows.organisations["pallion"]["source"].startswith("Artsenkrant, ")


def test_a_reference_organisation_citing_an_unknown_source_is_refused(tmp_path):
    folder = _copy_seed(tmp_path)
    _edit_reference_organisation(folder, "pallion", source="geen-bron")
    where = "reference/organisations.yaml: organisatie pallion: source: .*'geen-bron'"
    with pytest.raises(ValidationError, match=where):
        seed.build_rows(folder)


def test_a_kbo_number_and_website_are_kept_as_the_register_keeps_them(store, tmp_path):
    # A KBO number as the KBO writes it (0403.170.701) was kept so, and the register's search
    # by number (which compares digits with the 10 digits it keeps) never found it.
    folder = _copy_seed(tmp_path)
    org = {"kbo": "BE 0403.170.701", "website": "www.zol.be"}
    _edit_zone(folder, "maasland", lambda d: d["organisations"][0].update(org))

    seed.load(store, folder)

    [found] = directory.page(store, "0403.170.701", 0, 10).rows
    assert found["id"] == "ziekenhuis-oost-limburg"
    kept = register.organisation(store, "ziekenhuis-oost-limburg")
    assert (kept["kbo"], kept["website"]) == ("0403170701", "https://www.zol.be")


def test_a_wrong_kbo_number_is_refused_naming_the_organisation(tmp_path):
    folder = _copy_seed(tmp_path)
    _edit_zone(folder, "maasland", lambda d: d["organisations"][0].update(kbo="0403.170.700"))
    where = "zones/maasland.yaml: organisatie ziekenhuis-oost-limburg: kbo: '0403.170.700'"
    with pytest.raises(ValidationError, match=where):
        seed.build_rows(folder)


def test_a_membership_since_a_day_is_kept_as_that_day(store, tmp_path):
    # `since: 2024-03-01` is a date to YAML: it was refused as "not a valid string".
    folder = _copy_seed(tmp_path)
    path = folder / "zones" / "maasland.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "memberships: []",
        "memberships:\n  - {organisation: pallion, cluster: welzijn, status: member,"
        " since: 2024-03-01, source: '4.1'}",
    )
    path.write_text(text, encoding="utf-8")

    seed.load(store, folder)

    [change] = engagement.history(store, organisation="pallion")
    assert change["on"] == "2024-03-01"


def test_a_membership_since_no_day_is_refused_naming_the_field(tmp_path):
    folder = _copy_seed(tmp_path)
    membership = {"organisation": "pallion", "cluster": "welzijn", "status": "member"}
    since = {**membership, "since": "maart 2024", "source": "1"}
    _edit_zone(folder, "maasland", lambda d: d["memberships"].append(since))
    with pytest.raises(ValidationError, match="memberships.0.since: .*'maart 2024'"):
        seed.build_rows(folder)


def test_a_membership_since_a_day_to_come_is_refused_as_the_status_command_refuses_it(tmp_path):
    folder = _copy_seed(tmp_path)
    tomorrow = (dates.today() + timedelta(days=1)).isoformat()
    membership = {"organisation": "pallion", "cluster": "welzijn", "status": "member"}
    since = {**membership, "since": tomorrow, "source": "1"}
    _edit_zone(folder, "maasland", lambda d: d["memberships"].append(since))
    with pytest.raises(ValidationError, match=f"memberships.0.since: .*{tomorrow} ligt in de"):
        seed.build_rows(folder)


def test_a_zone_with_nothing_yet_may_leave_its_sections_out_or_empty(store, tmp_path):
    # `memberships:` with nothing after it is null to YAML, and a zone with no plan yet has
    # no goals or actions: both were refused ("Input should be a valid list", "Field required").
    folder = _copy_seed(tmp_path)
    (folder / "zones" / "leeg.yaml").write_text(
        "zone:\n  id: leeg\n  name: ELZ Leeg\n  plan: {document: leeg.pdf, title: Nog geen plan}\n"
        "municipalities:\nmemberships:\n",
        encoding="utf-8",
    )

    seed.load(store, folder)

    [leeg] = [row for row in stats.zone_summary(store) if row["zone"] == "leeg"]
    assert (leeg["municipalities"], leeg["actions"]) == (0, 0)


def test_a_missing_field_is_named_without_the_whole_entry(tmp_path):
    folder = _copy_seed(tmp_path)
    _edit_zone(folder, "maasland", lambda d: d["goals"][0].pop("title"))
    with pytest.raises(ValidationError) as refused:
        seed.build_rows(folder)
    assert str(refused.value) == "zones/maasland.yaml: goals.0.title: ontbreekt"


def test_a_demo_person_given_twice_is_refused(tmp_path):
    folder = _copy_seed(tmp_path)
    path = folder / "demo" / "contacts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["people"].append({**data["people"][0], "organisation": "vaph"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(
        ValidationError,
        match="demo/contacts.yaml: demo-an-peeters: id: de persoon komt twee keer voor",
    ):
        seed.build_rows(folder)


# -- the refusals in Dutch, each naming the file, the entry or field, and the value --------------
@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["zone"].update(colour="blauw"),
            "zones/maasland.yaml: zone.colour: onbekend veld (waarde: 'blauw')",
        ),
        (
            lambda d: d["zone"].update(name=["ELZ", "Maasland"]),
            "zones/maasland.yaml: zone.name: moet tekst zijn (waarde: ['ELZ', 'Maasland'])",
        ),
        (
            lambda d: d.update(goals="geen"),
            "zones/maasland.yaml: goals: moet een lijst zijn (waarde: 'geen')",
        ),
        (
            lambda d: d.update(zone="maasland"),
            "zones/maasland.yaml: zone: moet een mapping (sleutel: waarde) zijn "
            "(waarde: 'maasland')",
        ),
        (
            lambda d: d["actions"][0].update(placeholder="misschien"),
            "zones/maasland.yaml: actions.0.placeholder: moet true of false zijn "
            "(waarde: 'misschien')",
        ),
        (
            lambda d: d["memberships"].append(
                {"organisation": "pallion", "cluster": "zorg", "status": "lid", "source": "1"}
            ),
            "zones/maasland.yaml: memberships.0.status: moet een van deze zijn: 'missing', "
            "'contacted', 'involved' of 'member' (waarde: 'lid')",
        ),
        (
            lambda d: d["zone"].update(id="Maas Land"),
            r"zones/maasland.yaml: zone.id: heeft niet de vorm ^[a-z0-9]+(-[a-z0-9]+)*$ "
            "(waarde: 'Maas Land')",
        ),
        (
            lambda d: d["goals"][0].update(parent="2"),
            "zones/maasland.yaml: goals.0.parent: een strategische doelstelling heeft geen "
            "parent (waarde: '2')",
        ),
        (
            lambda d: d["goals"][5].update(parent="9"),
            "zones/maasland.yaml: doelstelling 1.1: parent: onbekende doelstelling 9",
        ),
        (
            lambda d: d["actions"][0].update(goal="9.9"),
            "zones/maasland.yaml: actie 1.1-a: goal: onbekende doelstelling 9.9",
        ),
        (
            lambda d: d["actions"][1].update(code="1.1-a"),
            "zones/maasland.yaml: actie 1.1-a: code: de code komt twee keer voor",
        ),
        (
            lambda d: d["actions"][0].update(placeholder=True),
            "zones/maasland.yaml: actie 1.1-a: placeholder: een actie die nog volgt heeft nog "
            "geen trekker of partners",
        ),
        (
            lambda d: d["actions"][0].update(lead="niemand"),
            "zones/maasland.yaml: actie 1.1-a: lead: onbekende organisatie 'niemand'",
        ),
        (
            lambda d: d["organisations"][0].update(category="geen-categorie"),
            "zones/maasland.yaml: organisatie ziekenhuis-oost-limburg: onbekende categorie "
            "'geen-categorie'",
        ),
        (
            lambda d: d["targets"].append(
                {"cluster": "zorg", "category": "geen-categorie", "reason": "r", "source": "1"}
            ),
            "zones/maasland.yaml: targets.5.category: verwachting van onbekende categorie "
            "'geen-categorie'",
        ),
    ],
)
def test_a_refusal_of_a_zone_file_is_in_dutch(tmp_path, change, message):
    folder = _copy_seed(tmp_path)
    _edit_zone(folder, "maasland", change)
    with pytest.raises(ValidationError) as refused:
        seed.build_rows(folder)
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"zone:\n  name: Ma\xefsland\n", "maasland.yaml: geen UTF-8-tekst"),
        (b"zone: [maasland\n", "maasland.yaml: geen geldige YAML: "),
    ],
)
def test_a_zone_file_that_cannot_be_read_is_named(tmp_path, content, message):
    folder = _copy_seed(tmp_path)
    (folder / "zones" / "maasland.yaml").write_bytes(content)
    with pytest.raises(ValidationError) as refused:
        seed.build_rows(folder)
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda people: people[0].update(organisation="niemand"),
            "demo/contacts.yaml: demo-an-peeters: organisation: onbekende organisatie 'niemand'",
        ),
        (
            lambda people: people[0].update(contact_for=["maasland/9.9"]),
            "demo/contacts.yaml: demo-an-peeters: contact_for: onbekende actie 'maasland/9.9'",
        ),
        (
            lambda people: people.append({**people[0], "organisation": "vaph"}),
            "demo/contacts.yaml: demo-an-peeters: id: de persoon komt twee keer voor",
        ),
    ],
)
def test_a_refusal_of_the_demo_file_is_in_dutch(tmp_path, change, message):
    folder = _copy_seed(tmp_path)
    path = folder / "demo" / "contacts.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["people"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        seed.build_rows(folder)
    assert str(refused.value) == message


def test_an_unknown_reference_source_is_refused_in_dutch(tmp_path):
    folder = _copy_seed(tmp_path)
    _edit_reference_organisation(folder, "pallion", source="geen-bron")
    with pytest.raises(ValidationError) as refused:
        seed.build_rows(folder)
    assert str(refused.value) == (
        "reference/organisations.yaml: organisatie pallion: source: "
        "onbekende referentiebron 'geen-bron'"
    )


def test_an_unknown_municipality_is_refused_in_dutch(tmp_path):
    folder = _copy_seed(tmp_path)
    _edit_zone(
        folder,
        "maasland",
        lambda d: d["municipalities"].append({"name": "Atlantis", "source": "1"}),
    )
    with pytest.raises(ValidationError) as refused:
        seed.build_rows(folder)
    assert str(refused.value) == (
        "zones/maasland.yaml: municipalities.5.name: onbekende gemeente 'Atlantis' "
        "(geen huidige Belgische gemeente)"
    )


def _graph(store) -> list[str]:
    """The graph as a backup has it, but for the revision node (bookkeeping)."""
    from graphmap import backup

    return [line for line in list(backup.dump(store))[1:] if '"Revision"' not in line]


def test_a_seeded_graph_is_kept_for_the_next_test_only_while_nothing_wrote_to_it(seeded):
    """The `seeded` fixture keeps the last test's graph when it is still the seed
    (conftest.seed_afresh): a write of any kind makes the next test load it again."""
    from conftest import seed_afresh

    fresh, revision = _graph(seeded), seeded.revision()
    assert seed_afresh(seeded) == "kept"
    assert _graph(seeded) == fresh and seeded.revision() != revision  # caches start cold
    engagement.set_status(seeded, "caw-limburg", "maasland", "welzijn", "member", actor="test")
    assert _graph(seeded) != fresh
    assert seed_afresh(seeded) == "loaded"
    assert _graph(seeded) == fresh
    # A write past the Store, through the driver, gives no new revision: the count tells.
    seeded.driver.execute_query("CREATE (:Stray {id: 'x'})", database_=seeded.database)
    assert seed_afresh(seeded) == "loaded"
    assert _graph(seeded) == fresh
    assert seed_afresh(seeded) == "kept"


@pytest.mark.parametrize("user", ["kemp-en-duin", "noord-limburg"])
def test_a_zone_file_may_name_an_organisation_another_zone_file_defines(tmp_path, user):
    # An organisation defined in one zone file (Kempenland's ICHO) and named in another
    # zone's memberships was taken when the defining file sorted first and refused
    # ("onbekende organisatie") when it sorted after: renaming a file decided whether the
    # seed loaded. Kemp en Duin sorts before kempenland.yaml, Noord-Limburg after it.
    folder = _copy_seed(tmp_path)
    membership = {
        "organisation": "icho",
        "cluster": "welzijn",
        "status": "contacted",
        "source": "1",
    }
    _edit_zone(folder, user, lambda d: d["memberships"].append(membership))

    rows = seed.build_rows(folder)

    assert {"organisation": "icho", "cluster": f"{user}/welzijn", "status": "contacted"} in [
        {key: row[key] for key in ("organisation", "cluster", "status")} for row in rows.memberships
    ]


def test_an_organisation_no_zone_file_defines_is_still_refused_naming_it(tmp_path):
    folder = _copy_seed(tmp_path)
    membership = {"organisation": "nergens", "cluster": "zorg", "status": "member", "source": "1"}
    _edit_zone(folder, "kempenland", lambda d: d["memberships"].append(membership))
    with pytest.raises(
        ValidationError, match=r"kempenland.yaml: memberships\.\d+\.organisation: .*'nergens'"
    ):
        seed.build_rows(folder)
