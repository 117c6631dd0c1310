"""Importeren in a real browser: a new zone onboarded from its plan and its partner list,
then the explained gaps of every cluster on the Hiaten page; and the smaller cases."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path

import openpyxl
from conftest import screenshot, wait_until
from selenium.webdriver.support.ui import Select

from graphmap import limits
from graphmap.names import organisations as every_organisation

DATA = Path(__file__).resolve().parent / "data"
PLAN = DATA / "plans" / "elz-jekervallei.pdf"
PARTNERS = DATA / "partners-jekervallei.csv"
UNSEEN_PLAN = DATA / "unseen_plan.txt"
RESULTS = Path(__file__).resolve().parents[1] / "bench" / "results" / "onboarding.json"
CLUSTERS = {"zorg": "Zorg", "welzijn": "Welzijn", "pzon": "PZON", "lokale_besturen": "Lokale"}
# Gaps that are a partner missing from a cluster (not an incomplete action).
MISSING_PARTNER = {"categorie ontbreekt", "doel van de zone", "gemeente niet vertegenwoordigd"}


class Staff:
    """The browser as a member of staff uses it: every action counted, every wait timed."""

    def __init__(self, duo):
        self.duo, self.clicks, self.waits = duo, 0, []

    def act(self, what: str, action, done) -> None:
        """One action of a person, and the wait until its result shows and the page is
        still again (no spinner)."""
        self.clicks += 1
        started = time.monotonic()
        action()
        done()
        wait_until(
            lambda: (
                not self.duo.driver.execute_script(
                    "return document.querySelectorAll('[data-dash-is-loading]').length"
                )
            ),
            timeout=30,
        )
        self.waits.append((what, round(time.monotonic() - started, 2)))

    def upload(self, selector: str, path: Path):
        return lambda: self.duo.find_element(f"{selector} input[type=file]").send_keys(str(path))

    def click(self, selector: str):
        def click():
            element = self.duo.find_element(selector)
            self.duo.driver.execute_script(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element
            )

        return click


def _untick(duo, checklist: str, text: str) -> None:
    labels = duo.driver.find_elements("css selector", f"#{checklist} label")
    label = next(label for label in labels if label.text.startswith(text))
    box = duo.find_element(f"#{checklist} input[id='{label.get_attribute('for')}']")
    # What a click does (selenium finds the long page's checkbox "obscured" after scrolling)
    duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", box
    )
    wait_until(lambda: not box.is_selected())


def _kinds_shown(duo) -> bool:
    cells = duo.driver.find_elements(
        "css selector", '#hiaten-grid div.ag-center-cols-container div[col-id="kind_label"]'
    )
    return bool(cells) and all(cell.text for cell in cells)


def test_onboard_a_new_zone_from_its_plan_and_partner_list(dashboard, seeded):
    duo = dashboard
    staff = Staff(duo)
    started = time.monotonic()
    duo.driver.get(duo.server_url + "/importeren")
    duo.wait_for_element("#importeren-plan-upload")
    # 1. the plan of a zone the graph does not know ("Nieuwe zone" is the default choice)
    staff.act(
        "plan lezen",
        staff.upload("#importeren-plan-upload", PLAN),
        lambda: duo.wait_for_contains_text("#importeren-plan-counts", "6 acties", timeout=30),
    )
    assert duo.find_element("#importeren-plan-zone-name").get_attribute("value") == (
        "ELZ Jekervallei"
    )
    duo.wait_for_contains_text("#importeren-plan-municipalities", "verlaat de zone")
    duo.wait_for_contains_text("#importeren-plan-organisations", "Psychiatrisch Ziekenhuis")
    duo.wait_for_contains_text("#importeren-plan-targets", "kinesitherapeutenkring")
    duo.wait_for_contains_text("#importeren-plan-actions", "twee bijkomende buurtteams")
    screenshot(duo, "importeren-plan")
    before = every_organisation(seeded)
    # untick a proposal staff judge wrong
    staff.act(
        "organisatie uitvinken",
        lambda: _untick(duo, "importeren-plan-organisations", "Samenlevingsopbouw"),
        lambda: None,
    )
    staff.act(
        "plan toepassen",
        staff.click("#importeren-plan-apply"),
        lambda: duo.wait_for_element("#importeren-plan-done", timeout=30),
    )
    duo.wait_for_contains_text("#importeren-plan-done", "5 gemeenten, 4 clusters")
    names = {o["name"] for o in every_organisation(seeded)} - {o["name"] for o in before}
    assert "ELZ Jekervallei" in names and "Psychiatrisch Ziekenhuis Sint-Jan" in names
    assert not any("Samenlevingsopbouw" in n for n in names)
    # 2. its partner list, into the zone just made (the page selected it)
    wait_until(lambda: duo.find_element("#importeren-zone").get_attribute("value") == "jekervallei")
    staff.act(
        "partnerlijst controleren",
        staff.upload("#importeren-upload", PARTNERS),
        lambda: duo.wait_for_contains_text("#importeren-counts", "geweigerd", timeout=30),
    )
    duo.wait_for_contains_text("#importeren-choices", "Rij 5: Pallion bestaat waarschijnlijk al")
    screenshot(duo, "importeren-partners")
    staff.act(
        "partnerlijst toepassen",
        staff.click("#importeren-apply"),
        lambda: duo.wait_for_element("#importeren-done", timeout=30),
    )
    # 3. who is missing, per cluster, with why and on what source
    for key, name in CLUSTERS.items():
        staff.act(
            f"hiaten {key}",
            lambda key=key: duo.driver.get(
                f"{duo.server_url}/hiaten?zone=jekervallei&cluster={key}"
            ),
            # A row is drawn before the server's block of rows fills it: wait for its text.
            lambda: wait_until(lambda: _kinds_shown(duo), timeout=30),
        )
        rows = duo.driver.find_elements(
            "css selector", "#hiaten-grid div.ag-center-cols-container div.ag-row"
        )
        cells = [
            {
                col: row.find_element("css selector", f'div[col-id="{col}"]').text
                for col in ("cluster_label", "kind_label", "reason", "source")
            }
            for row in rows
        ]
        missing = [c for c in cells if c["kind_label"] in MISSING_PARTNER]
        assert missing, (key, cells)
        assert all(c["cluster_label"].startswith(name) for c in cells)
        assert all(c["reason"] and c["source"] for c in missing)
    screenshot(duo, "importeren-hiaten")
    assert duo.get_logs() == []
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "plan": PLAN.name,
                "partner_list": PARTNERS.name,
                "actions_by_staff": staff.clicks,
                "waits_seconds": dict(staff.waits),
                "waiting_in_all_seconds": round(sum(w for _, w in staff.waits), 2),
                "test_wall_clock_seconds": round(time.monotonic() - started, 2),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )


def test_existing_zone_a_new_organisation_by_choice_and_a_bad_file(dashboard, seeded, tmp_path):
    duo = dashboard
    sheet = tmp_path / "welzijn.csv"
    sheet.write_text("Naam;Cluster;Opmerking\nPallion;welzijn;bellen\n", encoding="utf-8")
    duo.driver.get(duo.server_url + "/importeren")
    Select(duo.wait_for_element("#importeren-zone")).select_by_value("maasland")
    duo.find_element("#importeren-upload input[type=file]").send_keys(str(sheet))
    duo.wait_for_contains_text("#importeren-choices", "Rij 2: Pallion")
    assert (
        "Niet gelezen kolommen (titel niet herkend): Opmerking."
        in duo.find_element("#importeren-ignored").text
    )
    new = duo.find_element("#importeren-choices input[value='new']")
    duo.driver.execute_script("arguments[0].click();", new)
    before = {o["id"] for o in every_organisation(seeded)}
    duo.driver.execute_script("arguments[0].click();", duo.find_element("#importeren-apply"))
    duo.wait_for_element("#importeren-done")
    assert len({o["id"] for o in every_organisation(seeded)} - before) == 1
    bad = tmp_path / "lijst.xlsx"
    bad.write_bytes(b"dit is geen excel")
    duo.find_element("#importeren-upload input[type=file]").send_keys(str(bad))
    duo.wait_for_contains_text("#importeren-summary", "lijst.xlsx")
    assert duo.find_element("#importeren-apply").get_attribute("disabled")
    Select(duo.find_element("#importeren-plan-zone")).select_by_value("kempenland")
    duo.find_element("#importeren-plan-upload input[type=file]").send_keys(str(UNSEEN_PLAN))
    duo.wait_for_contains_text(
        "#importeren-plan-counts", "2 strategische en 3 operationele doelstellingen · 4 acties"
    )
    duo.wait_for_contains_text("#importeren-plan-preview", "Bestaande zone")
    assert duo.get_logs() == []


def test_a_missing_or_doubled_column_is_explained_for_the_page_not_the_command_line(seeded):
    """The page has no --map option: it says which column names graphmap knows."""

    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)

    def complaint(text: str, kind: str = "organisations") -> str:
        encoded = base64.b64encode(text.encode()).decode()
        held = {"contents": f"data:text/csv;base64,{encoded}", "filename": "lijst.csv", "at": 1}
        values = {
            "importeren-file.data": held,
            "importeren-kind.value": kind,
            "importeren-zone.value": "maasland",
        }
        answer = post_callback(app, "importeren-file.data", values, output="importeren-grid")
        return json.dumps(answer["response"]["importeren-summary"], ensure_ascii=False)

    missing = complaint("Wie;Waar\nPallion;Hasselt\n")
    assert "--map" not in missing and "koppeling" not in missing
    assert "verplichte kolom ontbreekt" in missing and "Gevonden kolommen: Wie, Waar" in missing
    assert "Geef in het bestand de kolom een naam die graphmap kent" in missing
    assert "naam: Naam, Name, Organisatie" in missing
    doubled = complaint("Naam;Organisatie\nPallion;Pallion\n")
    assert "--map" not in doubled and "betekenen allebei 'naam'" in doubled
    assert "Hernoem in het bestand één van die kolommen" in doubled
    people = complaint("Wie;Waar\nAn;Pallion\n", kind="contacts")
    assert "organisatie: Organisatie" in people and "Voornaam" in people
    # One header written twice: the names of that field, not the organisation's name.
    twice = complaint("Naam;E-mail;E-mail\nPallion;a@example.org;b@example.org\n")
    assert "--map" not in twice and "de kolomtitel 'E-mail' staat 2 keer" in twice
    assert "Hernoem in het bestand één van die kolommen" in twice
    assert "e-mail: Email" in twice and "naam: Naam" not in twice
    # Only the missing field's names: this contact list has its organisation column.
    named = complaint("Wie;Organisatie\nAn;Pallion\n", kind="contacts")
    assert "naam: Naam" in named and "organisatie: Organisatie" not in named


def test_choosing_the_same_file_again_checks_it_again(dashboard, seeded, tmp_path):
    """Dash passes a file on only when its contents change: the page forgets the file once
    read, so the same file chosen again (fixed, or to see what it does now) is checked again
    and the result of the last apply goes."""
    duo = dashboard

    def choose(path: Path) -> None:
        # As the upload's "kies een bestand" does before it opens the file dialog, so that
        # the browser reports the same file again (react-dropzone's open()).
        field = duo.find_element("#importeren-upload input[type=file]")
        duo.driver.execute_script("arguments[0].value = null;", field)
        field.send_keys(str(path))

    sheet = tmp_path / "welzijn.csv"
    sheet.write_text("Naam;Cluster\nPallion;welzijn\n", encoding="utf-8")
    duo.driver.get(duo.server_url + "/importeren")
    Select(duo.wait_for_element("#importeren-zone")).select_by_value("maasland")
    choose(sheet)
    duo.wait_for_contains_text("#importeren-counts", "1 bijgewerkt")
    duo.driver.execute_script("arguments[0].click();", duo.find_element("#importeren-apply"))
    duo.wait_for_element("#importeren-done")
    choose(sheet)
    duo.wait_for_contains_text("#importeren-counts", "1 ongewijzigd")
    wait_until(lambda: not duo.find_elements("#importeren-done"))
    assert duo.find_element("#importeren-apply").get_attribute("disabled")
    # Fixed in place, under the same name: checked again too.
    sheet.write_text("Naam;Cluster;Status\nPallion;welzijn;lid\n", encoding="utf-8")
    choose(sheet)
    duo.wait_for_contains_text("#importeren-counts", "1 bijgewerkt")
    assert duo.get_logs() == []


def test_a_file_over_the_limit_is_said_beside_the_field_until_another_is_chosen(
    dashboard, tmp_path
):
    duo = dashboard
    big = tmp_path / "groot.csv"
    with open(big, "wb") as handle:  # sparse: over the limit without writing it
        handle.write(b"Naam\r\n")
        handle.truncate(limits.FILE_BYTES + 1024 * 1024)
    duo.driver.get(duo.server_url + "/importeren")
    field = duo.wait_for_element("#importeren-upload input[type=file]")
    field.send_keys(str(big))
    duo.wait_for_contains_text("#importeren-upload-too-big", "groot.csv: het bestand is te groot")
    assert "te groot" in duo.find_element("#gate-message").text
    small = tmp_path / "klein.csv"
    small.write_text("Naam\nPallion\n", encoding="utf-8")
    duo.driver.execute_script("arguments[0].value = null;", field)
    field.send_keys(str(small))
    wait_until(lambda: duo.find_element("#importeren-upload-too-big").text == "")


def test_the_plans_counts_say_one_in_the_singular():
    """A short plan of one goal, one action, one organisation, one municipality and one
    target of its own: "1 doel van de zone", not "1 doelen van de zone"."""
    from types import SimpleNamespace

    from dashboard.pages.importeren import plan_counts

    one = SimpleNamespace(
        strategic_goals=["1"],
        operational_goals=["1.1"],
        actions=["1.1.1"],
        organisations=["Samana"],
        organisation_matches=[SimpleNamespace(match="new")],
        municipalities=["Genk"],
        targets=["vaph"],
    )
    assert plan_counts(one) == (
        "1 strategische en 1 operationele doelstelling · 1 actie · 1 organisatie genoemd, "
        "waarvan 1 nieuw · 1 gemeente · 1 doel van de zone"
    )
    two = SimpleNamespace(
        **{k: v * 2 for k, v in vars(one).items() if k != "organisation_matches"},
        organisation_matches=[],
    )
    assert plan_counts(two) == (
        "2 strategische en 2 operationele doelstellingen · 2 acties · 2 organisaties genoemd, "
        "waarvan 0 nieuw · 2 gemeenten · 2 doelen van de zone"
    )


def test_a_plans_warning_opens_its_sentence_on_the_page(tmp_path):
    """The reader writes a warning to follow "let op: " on the command line; in its own box
    on the page it starts with a capital ("De graaf heeft voor deze zone …")."""
    import dash_bootstrap_components as dbc

    from dashboard.pages.importeren import plan_preview
    from graphmap.ingest import plan

    path = tmp_path / "plan.txt"
    path.write_text("SD 1: Samen\n\nActie 1.1: Netwerkdag\nTrekker: Samana\n")
    preview = plan.read_plan(path, "proefzone")
    preview.warnings.append("de graaf heeft voor deze zone 1 actie die dit plan niet noemt")
    shown = [
        part.children
        for part in plan_preview(preview).children
        if isinstance(part, dbc.Alert) and part.color == "warning"
    ]
    assert shown == ["De graaf heeft voor deze zone 1 actie die dit plan niet noemt"]


def test_a_file_that_is_no_plan_cannot_be_applied_and_the_page_says_why(tmp_path):
    """Before: a partner list chosen as the plan showed a preview of its names and towns,
    ticked, under an apply button that only then said nothing was written (qa15 chose the
    wrong field). A plan with goals is applied as before."""
    from dashboard_client import components

    from dashboard.pages.importeren import plan_preview
    from graphmap.ingest import plan

    def button(text: str):
        path = tmp_path / "bestand.txt"
        path.write_text(text, encoding="utf-8")
        shown = list(components(plan_preview(plan.read_plan(path, "proefzone"))))
        [found] = [c for c in shown if getattr(c, "id", None) == "importeren-plan-apply"]
        said = [c for c in shown if getattr(c, "id", None) == "importeren-plan-unwritable"]
        return found, said

    listed, said = button("Naam;Gemeente;Cluster\nCAW Limburg;Hasselt;welzijn\nSamana;Genk;pzon\n")
    assert listed.disabled is True
    assert "Niet toe te passen: in bestand.txt is geen doelstelling" in said[0].children
    assert "Een partnerlijst kiest u bij 2" in listed.title
    planned, said = button("SD 1: Samen\n\nActie 1.1: Netwerkdag\nTrekker: Samana\n")
    assert not planned.disabled and not said


def test_a_plans_name_taken_for_an_alike_one_of_the_register_reads_as_a_guess(tmp_path):
    """Before: "Huisartsenkring Dijlevallei = huisartsenkring-demervallei" read exactly as
    "CAW Limburg = caw-limburg": a name the register only resembles (88.9 alike) was shown as
    the same organisation, and the user could not tell the guess to untick (qa15). Those two
    are told apart since (dedupe.different); a typo is still a guess."""
    from dashboard_client import components

    from dashboard.pages.importeren import plan_preview
    from graphmap.ingest import plan

    path = tmp_path / "plan.txt"
    path.write_text("SD 1: Samen\n\nActie 1.1: Netwerkdag\nTrekker: Samana\n")
    preview = plan.read_plan(path, "proefzone")
    preview.organisation_matches = [
        plan.OrganisationMatch(
            name="CAW Limburg", match="caw-limburg", id="caw-limburg", score=100
        ),
        plan.OrganisationMatch(
            name="Huisartsenkring Demervalei",
            match="huisartsenkring-demervallei",
            id="huisartsenkring-demervallei",
            score=98.1,
            known_as="Huisartsenkring Demervallei",
        ),
    ]
    [checklist] = [
        c
        for c in components(plan_preview(preview))
        if getattr(c, "id", None) == "importeren-plan-organisations"
    ]
    shown = {
        o["value"]: "".join(str(part) for part in o["label"].children[:2][1:])
        for o in checklist.options
    }
    assert shown["CAW Limburg"] == " = caw-limburg"
    assert shown["Huisartsenkring Demervalei"].startswith(
        " ≈ Huisartsenkring Demervallei (huisartsenkring-demervallei;"
    )
    assert "niet dezelfde" in shown["Huisartsenkring Demervalei"]
    # Only the guess is offered as a new organisation instead.
    [new] = [
        c
        for c in components(plan_preview(preview))
        if getattr(c, "id", None) == "importeren-plan-new"
    ]
    assert [o["value"] for o in new.options] == ["Huisartsenkring Demervalei"] and new.value == []


def _apothekers_plan(lead: str, title: str = "") -> dict:
    """A plan of one action led by `lead`, held as the page holds an upload."""
    text = (
        (f"{title}\n" if title else "") + "Strategische doelstelling 1: Samenwerking\n"
        "Operationele doelstelling 1.1: Netwerk\n"
        "Actie 1.1.1: Overleg met de apothekers\n"
        f"Trekker: {lead}\n"
    )
    encoded = base64.b64encode(text.encode()).decode()
    return {"contents": f"data:text/plain;base64,{encoded}", "filename": "plan.txt", "at": 1}


def _read_plan(app, held: dict, zone: str = "maasland") -> dict:
    from conftest import post_callback

    values = {"importeren-plan-file.data": held, "importeren-plan-zone.value": zone}
    return post_callback(app, "importeren-plan-file.data", values, "importeren-plan-preview")[
        "response"
    ]


def test_a_plans_name_alike_to_the_registers_can_be_made_a_new_organisation(seeded, tmp_path):
    """Before: the only way to refuse a guess ("≈") was to untick it, which left the name
    off its action (qa15). Ticked as new, it is a new organisation and the action's lead."""
    from conftest import post_callback

    from dashboard.app import create_app
    from graphmap import register

    register.save_organisation(
        seeded, {"name": "Apothekersvereniging Jekerdal", "category": "huisartsenkring"}
    )
    app = create_app(seeded, demo=True)
    held = _apothekers_plan("Apothekersvereniging Jekerdaal")
    read = _read_plan(app, held)
    assert "≈ Apothekersvereniging Jekerdal (apothekersvereniging-jekerdal;" in json.dumps(
        read, ensure_ascii=False
    )
    values = {
        "importeren-plan-apply.n_clicks": 1,
        "importeren-plan-previewed.data": read["importeren-plan-previewed"]["data"],
        "importeren-plan-file.data": held,
        "importeren-plan-zone-id.value": "maasland",
        "importeren-plan-new.value": ["Apothekersvereniging Jekerdaal"],
    }
    answer = post_callback(app, "importeren-plan-apply.n_clicks", values, "importeren-plan-result")
    assert "importeren-plan-done" in json.dumps(answer["response"]["importeren-plan-result"])
    [action] = [a for a in seeded.read("actions", zone="maasland") if a["code"] == "1.1.1"]
    assert action["leads"] == ["Apothekersvereniging Jekerdaal"]


def test_a_plan_applied_after_the_graph_changed_under_its_preview_shows_it_again(seeded, tmp_path):
    """Before: applying read the plan again and wrote that reading, whatever the preview the
    user had checked said: an organisation registered meanwhile turned a "nieuw" the user
    had read into a match they never saw (qa13 noticed it)."""
    from conftest import post_callback

    from dashboard.app import create_app
    from dashboard.pages.importeren import NEW_ZONE
    from graphmap import register

    app = create_app(seeded, demo=True)
    held = _apothekers_plan("Apothekersvereniging Jekerdal")
    read = _read_plan(app, held)
    previewed = read["importeren-plan-previewed"]["data"]
    assert "Apothekersvereniging Jekerdal" in json.dumps(read, ensure_ascii=False)

    def apply(shown: dict, zone: str = "maasland") -> dict:
        values = {
            "importeren-plan-apply.n_clicks": 1,
            "importeren-plan-previewed.data": shown,
            "importeren-plan-file.data": held,
            "importeren-plan-zone-id.value": zone,
        }
        trigger = "importeren-plan-apply.n_clicks"
        return post_callback(app, trigger, values, "importeren-plan-result")

    register.save_organisation(
        seeded, {"name": "Apothekersvereniging Jekerdal", "category": "huisartsenkring"}
    )
    answer = apply(previewed)["response"]
    assert "importeren-plan-outdated" in json.dumps(answer["importeren-plan-result"])
    assert not [a for a in seeded.read("actions", zone="maasland") if a["code"] == "1.1.1"]
    again = answer["importeren-plan-previewed"]["data"]
    assert again["fingerprint"] != previewed["fingerprint"]  # the preview shown now
    answer = apply(again)["response"]
    assert "importeren-plan-done" in json.dumps(answer["importeren-plan-result"])

    # A new zone given another id than its plan's name gives: the user's choice, no change.
    held = _apothekers_plan("Apothekersvereniging Jekerdal", title="ELZ Jekerdal")
    read = _read_plan(app, held, zone=NEW_ZONE)
    shown = read["importeren-plan-previewed"]["data"]
    assert shown["zone"] == "jekerdal"
    answer = apply(shown, zone="jekerdal-oost")["response"]
    assert "importeren-plan-done" in json.dumps(answer["importeren-plan-result"])
    assert "jekerdal-oost" in {z["id"] for z in seeded.read("zones")}


def test_what_applying_a_plan_did_stays_on_the_page_and_it_applies_once(
    dashboard, seeded, tmp_path
):
    """Before: the message of a plan's apply lay inside the preview, which an apply that
    found the graph changed draws again: the warning (nothing imported, read it again) was
    wiped out as it arrived, and the user saw only the preview change under them. And after a
    plan was applied its button stayed: a second click applied it again, or, for the zone it
    had just made, replaced the message that it was done by a preview saying nothing (qa15)."""
    from graphmap import register

    duo = dashboard
    path = tmp_path / "plan.txt"
    path.write_text(
        "Strategische doelstelling 1: Samenwerking\n"
        "Operationele doelstelling 1.1: Netwerk\n"
        "Actie 1.1.1: Overleg met de apothekers\n"
        "Trekker: Apothekersvereniging Jekerdal\n"
    )
    duo.driver.get(duo.server_url + "/importeren")
    Select(duo.wait_for_element("#importeren-plan-zone")).select_by_value("maasland")
    duo.find_element("#importeren-plan-upload input[type=file]").send_keys(str(path))
    duo.wait_for_contains_text("#importeren-plan-organisations", "Jekerdal — nieuw", timeout=30)
    # Meanwhile someone registers the organisation the preview calls new.
    register.save_organisation(
        seeded, {"name": "Apothekersvereniging Jekerdal", "category": "apothekersvereniging"}
    )
    apply = "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();"
    duo.driver.execute_script(apply, duo.find_element("#importeren-plan-apply"))
    duo.wait_for_contains_text("#importeren-plan-outdated", "niets geïmporteerd", timeout=30)
    duo.wait_for_contains_text("#importeren-plan-organisations", "Jekerdal = ")
    time.sleep(1)  # the page still, the warning is still there
    assert duo.find_element("#importeren-plan-outdated").is_displayed()
    assert not [a for a in seeded.read("actions", zone="maasland") if a["code"] == "1.1.1"]

    duo.driver.execute_script(apply, duo.find_element("#importeren-plan-apply"))
    duo.wait_for_element("#importeren-plan-done", timeout=30)
    assert not duo.find_elements("#importeren-plan-outdated")
    wait_until(lambda: not duo.find_element("#importeren-plan-apply").is_enabled())
    screenshot(duo, "importeren-plan-applied-once")


def test_a_workbook_of_a_list_per_sheet_offers_its_sheets(seeded, tmp_path):
    """A sheet per cluster: the page reads the one the workbook opens on, offers the others,
    and reads the one chosen; a list of one sheet offers nothing."""
    from conftest import post_callback

    from dashboard.app import create_app

    app = create_app(seeded, demo=True)
    book = openpyxl.Workbook()
    book.active.title = "Zorg"
    for title, name in (("Zorg", "Diëtistenkring Maasland"), ("Welzijn", "WZC De Maas")):
        sheet = book[title] if title in book.sheetnames else book.create_sheet(title)
        sheet.append(["Naam", "Gemeente"])
        sheet.append([name, "Maaseik"])
    path = tmp_path / "partners.xlsx"
    book.save(path)
    encoded = base64.b64encode(path.read_bytes()).decode()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    held = {"contents": f"data:{xlsx};base64,{encoded}", "filename": path.name, "at": 1}
    values = {
        "importeren-file.data": held,
        "importeren-kind.value": "organisations",
        "importeren-zone.value": "maasland",
        "importeren-sheet.value": "Welzijn",  # of another file: a new file opens on its own
    }
    answer = post_callback(app, "importeren-file.data", values, output="importeren-grid")
    assert answer["response"]["importeren-sheet"] == {
        "options": [{"label": "Zorg", "value": "Zorg"}, {"label": "Welzijn", "value": "Welzijn"}],
        "value": "Zorg",
    }
    assert answer["response"]["importeren-sheet-box"] == {"hidden": False}
    assert answer["response"]["importeren-grid"]["rowData"][0]["name"] == "Diëtistenkring Maasland"
    summary = json.dumps(answer["response"]["importeren-summary"], ensure_ascii=False)
    assert "cluster zorg voor elke rij: uit de naam van het blad" in summary
    chosen = post_callback(app, "importeren-sheet.value", values, output="importeren-grid")[
        "response"
    ]
    assert chosen["importeren-grid"]["rowData"][0]["name"] == "WZC De Maas"
    assert chosen["importeren-sheet"]["value"] == "Welzijn"
    listed = base64.b64encode(b"Naam;Gemeente\nPallion;Hasselt\n").decode()
    values["importeren-file.data"] = {
        "contents": f"data:text/csv;base64,{listed}",
        "filename": "lijst.csv",
        "at": 2,
    }
    one = post_callback(app, "importeren-file.data", values, output="importeren-grid")
    assert one["response"]["importeren-sheet-box"] == {"hidden": True}
