"""The register on the real store: add and edit organisations, contacts and action links."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from graphmap import register
from graphmap.analysis import contacts, stats
from graphmap.register import FormError

DAY = date(2026, 11, 22)
NEW = {
    "name": "Huisartsenkring De Brug",
    "category": "Huisartsenkring",  # by name, as a form shows it
    "municipality": "Borgloon",  # merged into Tongeren-Borgloon on 1 January 2025
    "kbo": "BE 0403.170.701",
    "website": "www.debrug.example.org",
}


def _counts(store):
    return stats.counts(store)


def test_add_an_organisation_then_edit_it(seeded):
    org = register.save_organisation(seeded, NEW, today=DAY)
    assert org == "huisartsenkring-de-brug"
    saved = register.organisation(seeded, org)
    assert saved["name"] == NEW["name"]
    assert saved["category"] == "huisartsenkring"
    assert saved["kbo"] == "0403170701"
    assert saved["website"] == "https://www.debrug.example.org"
    assert saved["municipality"] == "Tongeren-Borgloon"
    assert saved["nis"] == "73111"

    # An edit replaces the seat; an emptied field is cleared, not kept.
    changed = {**NEW, "municipality": "3630", "website": ""}
    assert register.save_organisation(seeded, changed, org, today=DAY) == org
    saved = register.organisation(seeded, org)
    assert saved["municipality"] == "Maasmechelen"
    assert saved["website"] is None
    [row] = [r for r in register.organisations(seeded) if r["id"] == org]
    assert row["category_name"] and row["municipality"] == "Maasmechelen"


def test_same_name_elsewhere_gets_its_own_id(seeded):
    first = register.save_organisation(seeded, {**NEW, "kbo": ""}, today=DAY)
    elsewhere = {**NEW, "kbo": "", "municipality": "Maasmechelen"}
    second = register.save_organisation(seeded, elsewhere, today=DAY)
    assert first != second
    assert second == "huisartsenkring-de-brug-maasmechelen"


def test_the_same_organisation_saved_twice_is_one_organisation(seeded):
    """Same name, same municipality: as the spreadsheet import merges them, the form refuses
    a second (a double click, or two editors adding it at the same moment: both at once)."""
    first = register.save_organisation(seeded, {**NEW, "kbo": ""}, today=DAY)
    with pytest.raises(FormError) as refused:
        register.save_organisation(seeded, {**NEW, "kbo": ""}, today=DAY)
    assert refused.value.fields["name"] == (
        f"Huisartsenkring De Brug in Tongeren-Borgloon bestaat al (id {first}); open die "
        "organisatie om ze te wijzigen"
    )
    twice = {**NEW, "name": "Thuiszorg Dubbelklik", "kbo": ""}
    outcomes = []

    def save() -> None:
        try:
            outcomes.append(register.save_organisation(seeded, twice, today=DAY))
        except FormError as error:
            outcomes.append(error.fields["name"])

    threads = [threading.Thread(target=save) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    made = [o for o in register.organisations(seeded) if o["name"] == twice["name"]]
    assert len(made) == 1 and outcomes.count(made[0]["id"]) == 1
    assert sum("bestaat al" in o for o in outcomes) == 2


def test_a_twin_spelled_otherwise_is_refused_as_the_import_would_merge_it(seeded):
    """Case, accents, punctuation and legal form aside, as the spreadsheet import compares
    names: with a seat, and without one (as the existing one)."""
    seated = register.save_organisation(seeded, {**NEW, "kbo": ""}, today=DAY)
    alone = {**NEW, "name": "Thuiszorg Één Zetel", "kbo": "", "municipality": ""}
    unseated = register.save_organisation(seeded, alone, today=DAY)
    before = _counts(seeded)
    for twin, existing in [
        ({**NEW, "name": "huisartsenkring de brug", "kbo": ""}, seated),
        ({**NEW, "name": "Huisartsenkring De Brug vzw", "kbo": ""}, seated),
        ({**alone, "name": "thuiszorg een zetel"}, unseated),
        ({**alone, "name": "Thuiszorg Één Zetel v.z.w."}, unseated),
    ]:
        with pytest.raises(FormError) as refused:
            register.save_organisation(seeded, twin, today=DAY)
        assert f"bestaat al (id {existing})" in refused.value.fields["name"]
    assert _counts(seeded) == before
    # Elsewhere, or seated where the other has no seat, it is another organisation.
    elsewhere = {**NEW, "name": "huisartsenkring de brug", "kbo": "", "municipality": "Genk"}
    assert register.save_organisation(seeded, elsewhere, today=DAY) != seated
    placed = {**alone, "municipality": "Genk"}
    assert register.save_organisation(seeded, placed, today=DAY) != unseated


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kbo", "0123.456.789", "controlegetal"),
        ("kbo", "12345", "10 cijfers"),
        ("name", " ", "naam"),
        ("category", "", "categorie"),
        ("category", "bakkerij", "onbekende categorie"),
        ("municipality", "Atlantis", "onbekende gemeente"),
        ("website", "niet een adres", "webadres"),
        ("website", "javascript:alert(document.cookie)", "webadres"),
        ("website", "mailto:info@voorbeeld.be", "webadres"),
    ],
)
def test_a_wrong_field_is_named_and_nothing_is_written(seeded, field, value, message):
    before = _counts(seeded)
    with pytest.raises(FormError) as error:
        register.save_organisation(seeded, {**NEW, field: value}, today=DAY)
    assert list(error.value.fields) == [field]
    assert message in error.value.fields[field]
    assert _counts(seeded) == before


def test_a_kbo_number_belongs_to_one_organisation(seeded):
    register.save_organisation(seeded, NEW, today=DAY)
    before = _counts(seeded)
    with pytest.raises(FormError) as error:
        register.save_organisation(seeded, {**NEW, "name": "Andere naam"}, today=DAY)
    assert "Huisartsenkring De Brug" in error.value.fields["kbo"]
    assert _counts(seeded) == before


def test_contacts_are_added_checked_and_erased(seeded):
    org = register.save_organisation(seeded, NEW, today=DAY)
    person = register.add_contact(
        seeded,
        org,
        {
            "name": "Ann Demo",
            "function": "coördinator",
            "email": "Ann@Example.org",
            "phone": "089 12 34 56",
        },
        today=DAY,
    )
    [contact] = register.organisation(seeded, org)["contacts"]
    assert contact["email"] == "Ann@example.org"
    assert contact["phone"] == "+3289123456"
    assert contact["function"] == "coördinator"

    with pytest.raises(FormError) as error:
        register.add_contact(seeded, org, {"name": "Ann Demo", "email": "ann@example.org"})
    assert "email" in error.value.fields
    with pytest.raises(FormError) as error:
        register.add_contact(seeded, org, {"name": "Bert", "phone": "12"})
    assert list(error.value.fields) == ["phone"]

    register.remove_contact(seeded, person)
    assert register.organisation(seeded, org)["contacts"] == []
    assert not seeded.read("register_person", person=person)


def test_link_to_an_action_as_lead_or_partner(seeded):
    org = register.save_organisation(seeded, NEW, today=DAY)
    action = seeded.read("actions", zone="maasland")[0]["id"]

    register.link_action(seeded, org, action, "partner", today=DAY)
    [link] = register.organisation(seeded, org)["actions"]
    assert (link["action"], link["role"], link["zone"]) == (action, "PARTNER_IN", "maasland")

    # Trekker instead of partner: one role per organisation and action.
    register.link_action(seeded, org, action, "lead", today=DAY)
    assert [a["role"] for a in register.organisation(seeded, org)["actions"]] == ["LEADS"]
    register.add_contact(seeded, org, {"name": "Ann Demo", "email": "ann@example.org"})
    people = contacts.for_action(seeded, action).people
    assert any(p["email"] == "ann@example.org" and "trekker" in p["role"] for p in people)

    register.unlink_action(seeded, org, action)
    assert register.organisation(seeded, org)["actions"] == []


def test_link_to_an_unknown_action_is_refused(seeded):
    with pytest.raises(register.ValidationError):
        register.link_action(seeded, "pallion", "no-such-action", "lead")


def test_a_contact_for_an_unknown_organisation_writes_nothing(seeded):
    # The Source is written first in the same transaction: it must be rolled back too.
    before = _counts(seeded)
    with pytest.raises(register.ValidationError, match="bestaat niet"):
        register.add_contact(seeded, "no-such-org", {"name": "Ann Demo"}, today=DAY)
    assert _counts(seeded) == before


def test_the_second_of_two_editors_is_told_and_overwrites_nothing(seeded):
    org = register.save_organisation(seeded, NEW, today=DAY, editor="An")
    opened = register.organisation(seeded, org)["version"]  # both editors open the form
    register.save_organisation(
        seeded, {**NEW, "website": "www.an.example.org"}, org, version=opened, editor="An"
    )
    with pytest.raises(register.StaleEditError) as error:
        register.save_organisation(
            seeded, {**NEW, "website": "www.bert.example.org"}, org, version=opened, editor="Bert"
        )
    assert "Huisartsenkring De Brug is intussen gewijzigd door An om " in str(error.value)
    assert register.organisation(seeded, org)["website"] == "https://www.an.example.org"


def test_ten_editors_saving_one_version_at_once_make_one_save(seeded):
    from test_concurrency import at_once

    org = register.save_organisation(seeded, NEW, today=DAY)
    opened = register.organisation(seeded, org)["version"]

    def save(i):
        values = {**NEW, "website": f"www.editor{i}.example.org"}
        return register.save_organisation(seeded, values, org, version=opened, editor=f"E{i}")

    saved, errors = at_once(10, save)
    assert len([s for s in saved if s]) == 1
    assert len(errors) == 9 and all(isinstance(e, register.StaleEditError) for e in errors)
    assert register.organisation(seeded, org)["version"] == opened + 1


def test_an_import_that_changes_an_organisation_makes_an_open_form_stale(seeded, tmp_path):
    from test_import_spreadsheet import write_csv

    from graphmap.ingest.spreadsheet import apply_import, plan_import

    opened = register.organisation(seeded, "pallion")["version"]
    rows = [["Naam", "Website"], ["Pallion (palliatief netwerk Limburg)", "www.nieuw.example.org"]]
    report = plan_import(seeded, write_csv(tmp_path / "p.csv", rows), "organisations")
    assert [(r.outcome, r.organisation) for r in report.rows] == [("updated", "pallion")]
    apply_import(seeded, report, actor="test")
    values = {"name": "Pallion", "category": "palliatief-netwerk"}
    # Who imported which file, and when (it named the row's source, and the time of the
    # last save on the register form).
    with pytest.raises(register.StaleEditError, match=r"door test \(import p\.csv\) om \d\d:\d\d"):
        register.save_organisation(seeded, values, "pallion", version=opened)


def test_the_organisaties_form_shows_the_current_state_to_the_second_editor(seeded):
    from conftest import post_callback

    from dashboard.app import create_app

    org = register.save_organisation(seeded, NEW, today=DAY)
    opened = register.organisation(seeded, org)["version"]
    register.save_organisation(seeded, {**NEW, "name": "De Brug (nieuw)"}, org, editor="An")
    values = {f"organisaties-{key}.value": value for key, value in NEW.items()}
    values |= {
        "organisaties-save.n_clicks": 1,
        "organisaties-selected.data": org,
        "organisaties-version.data": 0,
        "organisaties-revision.data": opened,
    }
    answer = post_callback(create_app(seeded, demo=True), "organisaties-save.n_clicks", values)
    text = str(answer)
    assert "intussen gewijzigd door An" in text
    assert answer["response"]["organisaties-name"]["value"] == "De Brug (nieuw)"
    assert register.organisation(seeded, org)["name"] == "De Brug (nieuw)"


def test_a_gaps_choices_are_the_zones_own_then_the_provinces_engaged(seeded, tmp_path):
    """A gap's choices are the zone's own organisations of its kind, then those of the kind
    already involved in a zone of the same province; not every one of Flanders (sent whole
    to the browser, thousands at 60 zones), nor one engaged only in another province."""
    from test_import_spreadsheet import write_csv

    from dashboard.pages import hiaten
    from graphmap.analysis import directory
    from graphmap.ingest import zones
    from graphmap.ingest.spreadsheet import apply_import, plan_import

    zones.add_zone(seeded, "kempen", "ELZ Kempen", ["Mol", "Geel"])  # in Antwerp
    kind = "patientenvereniging"
    header = ["Naam", "Categorie", "Gemeente", "Cluster", "Status"]
    for zone, row in (
        ("maasland", ["Similes Limburg", kind, "Hasselt", "pzon", "lid"]),
        ("kempen", ["Similes Antwerpen", kind, "Mol", "pzon", "betrokken"]),
    ):
        path = write_csv(tmp_path / f"{zone}.csv", [header, row])
        apply_import(seeded, plan_import(seeded, path, "organisations", zone=zone), actor="t")
    own = {
        r["id"]
        for r in directory.page(seeded, "", 0, 10_000, "noord-limburg").rows
        if r["category"] == kind
    }
    gap = {"kind": "category", "subject": kind, "zone": "noord-limburg"}
    choices = hiaten.fitting(seeded, gap)
    offered = [o["id"] for o in choices]
    assert own and set(offered[: len(own)]) == own  # the zone's own first
    assert [o["name"] for o in choices[len(own) :]] == ["Similes Limburg"]
    options, preferred = hiaten.organisation_options(gap, choices)
    assert [o["value"] for o in options] == offered
    assert preferred is None  # more than one fits: staff choose
