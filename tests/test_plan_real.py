"""What real zones publish, as their text reaches the plan reader: a PDF's text on a document
site (docslib), a zone's web page, a municipality's page. Each text is a paraphrase of a
public source, a few lines, with the artefacts the source has (names lost from a list, a
name broken at its hyphen, a list joined onto one line)."""

from __future__ import annotations

from extracted import read_plain

from graphmap.ingest import plan

GOALS = """
Strategische doelstelling 1: Samenwerking versterken
Operationele doelstelling 1.1: Netwerk uitbouwen
Actie 1.1.1: Netwerkdag
Trekker: CAW Limburg
"""


def _territory(preview: plan.PlanPreview) -> list[str]:
    return [m.name for m in preview.municipality_matches if m.territory]


# docslib.org, "Beleidsplan ELZ Maasland 2020-2021": the names that were links are gone.
MAASLAND = """BELEIDSPLAN ELZ MAASLAND 2020-2021
1 INLEIDING
Eerstelijnszone Maasland omvat Kinrooi, , Dilsen-Stokkem, en .
"""


def test_a_territory_sentence_with_names_lost_keeps_the_names_there_and_says_some_are_gone(
    tmp_path,
):
    preview = read_plain(tmp_path, MAASLAND + GOALS)
    assert _territory(preview) == ["Kinrooi", "Dilsen-Stokkem"]
    lost = [w for w in preview.warnings if "lege plaats" in w]
    assert len(lost) == 1
    assert "3 lege plaatsen" in lost[0] and "Kinrooi, , Dilsen-Stokkem" in lost[0]


def test_a_territory_sentence_whose_names_are_all_lost_is_said_so(tmp_path):
    text = "ELZ Maasland\nEerstelijnszone Maasland omvat , , , en .\n"
    preview = read_plain(tmp_path, text + GOALS)
    assert _territory(preview) == []
    assert any("5 lege plaatsen" in w for w in preview.warnings)


def test_a_whole_list_or_a_list_in_other_sentences_is_no_loss(tmp_path):
    text = """ELZ Maasland
Eerstelijnszone Maasland omvat Kinrooi, Maaseik, Dilsen-Stokkem, Maasmechelen en Lanaken.
De zone telt vijf gemeenten, en elke gemeente heeft een sociaal huis (Maaseik, ).
De zorgraad telt 40 leden uit Kinrooi, Maaseik, en Lanaken.
"""
    preview = read_plain(tmp_path, text + GOALS)
    assert len(_territory(preview)) == 5
    assert not any("lege plaats" in w for w in preview.warnings)


# elzkempenland.be, "Wie zijn we": a name broken at its hyphen, joined again with a space.
KEMPENLAND = """WAT IS EEN EERSTELIJNSZONE?
Voor eerstelijnszone Kempenland bestaat dit geografisch gebied uit 10 lokale besturen,
waaronder twee steden en 8 landelijke gemeenten (Hoogstraten, Turnhout, Ravels, Oud-
Turnhout, Vosselaar, Beerse, Rijkevorsel, Baarle- Hertog, Arendonk, Merksplas).
"""


def test_a_municipality_broken_at_its_hyphen_with_a_space_is_that_municipality(tmp_path):
    preview = read_plain(tmp_path, KEMPENLAND + GOALS)
    assert sorted(_territory(preview)) == sorted(
        [
            "Hoogstraten",
            "Turnhout",
            "Ravels",
            "Oud-Turnhout",
            "Vosselaar",
            "Beerse",
            "Rijkevorsel",
            "Baarle-Hertog",
            "Arendonk",
            "Merksplas",
        ]
    )
    assert not any("10 gemeenten" in w for w in preview.warnings)


def test_a_space_after_a_hyphen_makes_no_municipality_of_other_words(tmp_path):
    # "Noord- en Zuid-Limburg" and "Baarle- en Hertogstraat" name no municipality.
    text = """ELZ Kempenland
Eerstelijnszone Kempenland omvat Beerse, Vosselaar en Merksplas.
We werken met partners uit Noord- en Zuid-Limburg en de Baarle- en Hertogstraat.
"""
    preview = read_plain(tmp_path, text + GOALS)
    assert [m.name for m in preview.municipality_matches] == ["Beerse", "Vosselaar", "Merksplas"]


# docslib's text of a plan's two-column table: the row "Acties" with its dashed items
# joined onto one line.
JOINED = """4.3 Strategische en operationele doelen
Strategische doelstelling 1: ELZ Maasland bouwt een sterk en open netwerk uit.
Operationele doelstelling 1.1 ELZ Maasland brengt alle partners samen.
Acties - In kaart brengen van ontbrekende partners. - Uitnodigen van Familiehulp en i-mens.
Indicatoren - Er is een lijst van partners. - Drie nieuwe partners nemen deel.
Operationele doelstelling 1.2 ELZ Maasland werkt samen rond palliatieve zorg.
Acties - Organiseren van een inspiratiedag - zorg- en welzijnsactoren samen.
"""


def test_a_list_of_actions_joined_onto_one_line_is_one_action_an_item(tmp_path):
    preview = read_plain(tmp_path, JOINED)
    titles = {a.id_code: a.title for a in preview.actions}
    assert titles == {
        "1.1-a": "In kaart brengen van ontbrekende partners.",
        "1.1-b": "Uitnodigen van Familiehulp en i-mens.",
        # A dash inside a sentence parts nothing.
        "1.2-a": "Organiseren van een inspiratiedag - zorg- en welzijnsactoren samen.",
    }
    # The indicators' items likewise (one an action, as many as there are actions).
    indicators = [i for a in preview.actions if a.id_code.startswith("1.1") for i in a.indicators]
    assert indicators == ["Er is een lijst van partners.", "Drie nieuwe partners nemen deel."]


# begijnendijk.be, "Eerstelijnszone Demerland"; hln.be on ELZ West-Limburg (2019).
def test_a_municipality_that_makes_the_zone_together_with_others_names_the_territory(tmp_path):
    text = """Eerstelijnszone Demerland
Begijnendijk vormt samen met Aarschot, Bekkevoort, Diest, Scherpenheuvel-Zichem en
Tielt-Winge de ELZ Demerland. Begin 2020 werd deze erkend.
"""
    preview = read_plain(tmp_path, text + GOALS)
    assert _territory(preview) == [
        "Begijnendijk",
        "Aarschot",
        "Bekkevoort",
        "Diest",
        "Scherpenheuvel-Zichem",
        "Tielt-Winge",
    ]
    text = """ELZ West-Limburg
Beringen is samen met Ham, Tessenderlo en Leopoldsburg lid van de eerstelijnszone (ELZ)
West-Limburg.
"""
    preview = read_plain(tmp_path, text + GOALS)
    assert _territory(preview) == ["Beringen", "Tessenderlo-Ham", "Leopoldsburg"]


def test_another_zone_made_together_or_a_body_together_with_others_is_no_territory(tmp_path):
    text = """ELZ Westkust en Polder
Eerstelijnszone Westkust en Polder omvat Middelkerke, Koksijde, De Panne en Nieuwpoort.
Oostende vormt samen met Bredene de ELZ Oostende-Bredene.
Het OCMW Veurne is samen met Alveringem en Lo-Reninge trekker van de werkgroep van de zone.
"""
    preview = read_plain(tmp_path, text + GOALS)
    assert _territory(preview) == ["Middelkerke", "Koksijde", "De Panne", "Nieuwpoort"]


# antwerpspersbureau.be (2024): ELZ ZORA, Zuid Oost Rand Antwerpen, writes its name short in
# capitals; a title in capitals ("BELEIDSPLAN ELZ MAASLAND 2020-2021") does not.
ZORA = """ELZ ZORA lanceert beleidsplan 2024-2026 bij AED studio’s in Lint
LINT – Eerstelijnszone Zuid Oost Rand Antwerpen (ELZ ZORA) organiseerde een netwerkevent.
Ben De Wit, stafmedewerker vzw ELZ ZORA: ‘Met ons netwerk stemmen we het aanbod af.’
Strategische doelstelling 1: ELZ ZORA werkt aan toegankelijke zorg op maat.
Operationele doelstelling 1.1: Het netwerk rond mentaal welbevinden wordt versterkt.
Actie 1.1.1: Netwerkmoment geestelijke gezondheid
Trekker: ELZ ZORA
"""


def test_a_zone_named_by_an_acronym_in_capitals_is_not_written_as_a_word(tmp_path):
    preview = read_plain(tmp_path, ZORA)
    assert preview.zone_name == "ELZ Zuid Oost Rand Antwerpen"  # its name in full, as "NL"
    assert preview.title == "ELZ ZORA lanceert beleidsplan 2024-2026 bij AED studio’s in Lint"
    assert "ELZ Zora" not in preview.named_zones
    assert preview.actions[0].lead_self
    # A title in capitals is the name's capitals, not an acronym.
    preview = read_plain(tmp_path, MAASLAND + GOALS)
    assert preview.zone_name == "ELZ Maasland"
