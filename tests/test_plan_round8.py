"""Plans of other zones in the Flemish government's mandatory template for the 2025 action
plan (seed 003's), eighth round, in the text a PDF extractor gives: the template's questions
("Wie is de trekker van de actie?", "Met welke stakeholders wordt er samengewerkt voor deze
actie?") and the zones' answers."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import read as _read

HEAD = """Hieronder vindt u het verplicht sjabloon voor het actieplan van de zorgraad voor het
werkjaar 2025.
Acties 2025
Strategische doelstelling 1 – Zorgzame buurten aan de Westkust
Operationele doelstelling 1.1 – Tegen eind 2025 is in elke gemeente een zorgzame buurt opgestart.
"""


def _fiche(code: str, title: str, lead: str, partners: str, how: str = "Heel 2025") -> str:
    return f"""Actie {code} – {title}
Wat?
Geef een korte beschrijving van wat je gaat doen.
Een vorming voor de partners.
Met wie?
Wie is de trekker van de actie?
{lead}
Met welke stakeholders wordt er samengewerkt voor deze actie?
{partners}
Hoe?
Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt.
{how}
Evaluatie
Indicatoren:
• 60 deelnemers
☒ Procesevaluatie
"""


def test_a_working_group_on_a_theme_in_lower_case_leads(tmp_path):
    text = HEAD + _fiche(
        "1.1.1",
        "Vorming dementie",
        "Werkgroep dementie (voorzitter: Ann Peeters, WZC Zeester)",
        "• Expertisecentrum Dementie Brugge",
    )
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.lead == "Werkgroep dementie"
    assert action.partners == ["Expertisecentrum Dementie Brugge"]


def test_a_table_of_partners_and_their_roles_names_the_partners(tmp_path):
    table = "Partner\nRol\nCLB Waasland\nContact met de scholen\nCGG Waas en Dender\n"
    table += "Inhoudelijke ondersteuning\nJeugddienst Sint-Niklaas\nCommunicatie"
    text = HEAD + _fiche("1.1.1", "Fit in je hoofd", "Logo Waasland", table)
    other = "Organisatie\nRol\nCGG De Kempen\nLesgever\nNetwerk GGZ Kempen\nFinanciering\n"
    other += "Lokaal bestuur Geel\nLocatie"
    text += _fiche("1.1.2", "Vorming", "De zorgraad", other)
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.1"].partners == [
        "CLB Waasland",
        "CGG Waas en Dender",
        "Jeugddienst Sint-Niklaas",
    ]
    assert actions["1.1.1"].partner_groups == []
    assert actions["1.1.2"].partners == [
        "CGG De Kempen",
        "Netwerk GGZ Kempen",
        "Lokaal bestuur Geel",
    ]
    assert actions["1.1.2"].partner_groups == []


def test_a_zone_short_for_letters_of_its_name_is_named_in_full_and_leads(tmp_path):
    text = """De eerstelijnszone Dijleland omvat de gemeenten Bertem, Bierbeek en Tervuren.
ELZ DL investeert 40% van de personeelstijd in het netwerk.
ELZ DL werkt met vier clusters.
""" + HEAD.replace("Westkust", "Dijle")
    text += _fiche("1.1.1", "Startpakket", "ELZ DL", "• Domus Medica")
    text += _fiche("1.1.2", "Wachtpost", "ELZ Dijleland", "• Domus Medica")
    preview = _read(tmp_path, text)
    assert preview.zone_name == "ELZ Dijleland"
    actions = _actions(preview)
    assert actions["1.1.1"].lead_self and actions["1.1.2"].lead_self


def test_the_partners_of_a_cluster_before_a_colon_are_the_names_after_it(tmp_path):
    partners = "Partners uit de cluster welzijn: CAW De Kempen, OCMW's en het JAC."
    text = HEAD + _fiche("1.1.1", "Doorverwijsgids", "De zorgraad", partners)
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.partners == ["CAW De Kempen", "JAC"]
    assert action.partner_groups == ["OCMW's"]


def test_the_answer_to_hoe_gives_the_timing_when_it_is_a_period_or_dated_milestones(tmp_path):
    text = HEAD + _fiche("1.1.1", "Forum", "De zorgraad", "• Samana", how="Heel 2025")
    text += _fiche("1.1.2", "Vorming", "De zorgraad", "• Samana", how="Tweede kwartaal 2025")
    milestones = "• Q1 2025: data vastleggen\n• Tweede helft maart 2025 – begin april 2025: avonden"
    text += _fiche("1.1.3", "Avonden", "De zorgraad", "• Samana", how=milestones)
    steps = "• Stap 1 – januari: overleg\n• Stap 2: vorming"
    text += _fiche("1.1.4", "Kaart", "De zorgraad", "• Samana", how=steps)
    text += _fiche("1.1.5", "School", "De zorgraad", "• Samana", how="Schooljaar 2024-2025")
    weekly = "Vanaf februari 2025 elke woensdag"
    text += _fiche("1.1.6", "Punt", "De zorgraad", "• Samana", how=weekly)
    months = "Februari, april, september en november 2025"
    text += _fiche("1.1.7", "Momenten", "De zorgraad", "• Samana", how=months)
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.7"].timing == months
    assert actions["1.1.5"].timing == "Schooljaar 2024-2025"
    assert actions["1.1.6"].timing == weekly
    assert actions["1.1.1"].timing == "Heel 2025"
    assert actions["1.1.2"].timing == "Tweede kwartaal 2025"
    assert actions["1.1.3"].timing == "Q1 2025; Tweede helft maart 2025 – begin april 2025"
    assert actions["1.1.4"].timing is None  # steps, a month here and there: no period


def test_zie_hierboven_under_the_partners_names_no_group(tmp_path):
    text = HEAD + _fiche("1.1.1", "Buurt", "Lokaal bestuur De Panne", "Zie hierboven")
    text += _fiche("1.1.2", "Buurt", "Lokaal bestuur De Panne", "Idem.")
    text += _fiche("1.1.3", "Buurt", "Lokaal bestuur De Panne", "Zie bijlage.\n• Ziekenzorg")
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.3"].partner_groups == [] and actions["1.1.3"].partners == ["Ziekenzorg"]
    assert actions["1.1.1"].partner_groups == [] and actions["1.1.1"].partners == []
    assert actions["1.1.2"].partner_groups == [] and actions["1.1.2"].partners == []


def test_a_person_and_her_function_in_a_body_lead_as_that_body(tmp_path):
    text = HEAD + _fiche("1.1.1", "Val", "Karen Wouters, preventiewerker Logo Kempen", "• Samana")
    text += _fiche("1.1.2", "Val", "Tom Peeters, projectleider CAW Oost-Vlaanderen", "• Samana")
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.1"].lead == "Logo Kempen"
    assert actions["1.1.2"].lead == "CAW Oost-Vlaanderen"


def test_a_school_network_and_a_clb_with_its_network_before_it_take_part(tmp_path):
    partners = "• Vrij CLB Waasland\n• Scholengroep Rupel\n• Alle CLB Medewerkers"
    text = HEAD + _fiche("1.1.1", "Gezonde school", "Logo Antwerpen", partners)
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.partners == ["Vrij CLB Waasland", "Scholengroep Rupel"]
    assert action.partner_groups == ["Alle CLB Medewerkers"]


def test_an_action_heading_glued_after_the_text_above_starts_the_action(tmp_path):
    first = _fiche("1.1.1", "Zorgplan", "De zorgraad", "• Samana").rstrip("\n")
    glued = "  Actie 1.1.2 – Overleg huisartsen en apothekers (verderzetting actie 2024)\n"
    second = _fiche("1.1.2", "x", "Apothekersvereniging Brugge", "• Samana").split("\n", 1)[1]
    actions = _actions(_read(tmp_path, HEAD + first + glued + second))
    assert list(actions) == ["1.1.1", "1.1.2"]
    assert actions["1.1.2"].title == "Overleg huisartsen en apothekers (verderzetting actie 2024)"
    assert actions["1.1.2"].lead == "Apothekersvereniging Brugge"
    assert actions["1.1.1"].lead_self


def test_a_part_of_a_town_and_the_huizen_van_het_kind_in_a_title_are_no_organisation(tmp_path):
    text = HEAD + _fiche("1.1.1", "Zorgzame buurt De Panne-centrum", "De zorgraad", "• Samana")
    title = "Mondzorg bij jonge gezinnen in samenwerking met de Huizen van het Kind"
    text += _fiche("1.1.2", title, "De zorgraad", "• Samana")
    names = _read(tmp_path, text).organisations
    assert "Samana" in names
    assert "Huizen" not in names and "De Panne-centrum" not in names


def test_a_town_in_the_role_answer_is_its_council_only_where_it_speaks_of_councils(tmp_path):
    role = "\nIndien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad "
    role += "opneemt.\n"
    first = _fiche("1.1.1", "Mondzorg", "Gezond Mond Limburg", "• Logo Limburg")
    first = first.replace(
        "\nMet welke",
        role + "De zorgraad contacteert de woonzorgcentra van "
        "Tongeren-Borgloon en Bilzen-Hoeselt.\nMet welke",
    )
    second = _fiche("1.1.2", "Buurt", "Samana", "• Logo Limburg")
    second = second.replace(
        "\nMet welke", role + "De zorgraad ondersteunt het lokaal bestuur Riemst.\nMet welke"
    )
    actions = _actions(_read(tmp_path, HEAD + first + second))
    assert actions["1.1.1"].partners == ["Logo Limburg"]
    assert actions["1.1.2"].partners == ["Logo Limburg", "Lokaal bestuur Riemst"]


def test_a_table_of_partners_with_a_contact_column_names_the_partners_only(tmp_path):
    table = "Organisatie\nContactpersoon\nRol\nHuisartsenkring Noorderkempen\nDr. Peter Maes\n"
    table += "Communicatie naar huisartsen\nSociaal Huis Beerse\nLien Janssens\nLocatie\n"
    table += "Wit-Gele Kruis Antwerpen\nKarel Peeters\nDeelnemer"
    text = HEAD + _fiche("1.1.1", "Kennismaking", "De zorgraad", table)
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.partners == [
        "Huisartsenkring Noorderkempen",
        "Sociaal Huis Beerse",
        "Wit-Gele Kruis Antwerpen",
    ]
    assert action.partner_groups == []


CALENDAR = """Tijdslijn
Vul onderstaande kalender voor alle acties samen in. Kleur de maanden waarin de actie loopt.
Actie 1.1.1
Actie 1.1.2
Voorbeeld
Januari
Locaties
vastleggen
Opstart
Maart
Netwerkavond
Acties 2025
"""


def test_the_codes_heading_the_calendar_of_the_template_are_no_actions(tmp_path):
    text = CALENDAR + HEAD.split("Acties 2025\n", 1)[1]
    text += _fiche("1.1.1", "Netwerkavonden", "De zorgraad", "• Samana")
    text += _fiche("1.1.2", "Sociale kaart", "De zorgraad", "• Samana")
    actions = _actions(_read(tmp_path, text))
    assert list(actions) == ["1.1.1", "1.1.2"]
    assert actions["1.1.1"].title == "Netwerkavonden"
    assert actions["1.1.2"].title == "Sociale kaart"


def test_home_nursing_as_a_sector_is_a_group_and_named_it_takes_part(tmp_path):
    partners = "• Thuisverpleging (Wit-Gele Kruis, i-mens)\n• Thuisverpleegkundigen\n"
    partners += "• Thuisverpleging Rupelstreek"
    text = HEAD + _fiche("1.1.1", "Casemanagement", "De zorgraad", partners)
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.partners == ["Wit-Gele Kruis", "i-mens", "Thuisverpleging Rupelstreek"]
    assert action.partner_groups == ["Thuisverpleging", "Thuisverpleegkundigen"]


def test_people_of_a_profession_in_one_word_are_a_group(tmp_path):
    partners = "• Podologen\n• Zorgkundigen\n• Psychiaters\n• Jongeren\n• Integra\n• Familiehulp"
    text = HEAD + _fiche("1.1.1", "Valpreventie", "De zorgraad", partners)
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.partners == ["Integra", "Familiehulp"]
    assert action.partner_groups == ["Podologen", "Zorgkundigen", "Psychiaters", "Jongeren"]


def test_the_partners_named_after_in_het_bijzonder_or_a_cluster_label_with_met(tmp_path):
    first = "Alle partners uit de cluster welzijn, in het bijzonder CAW Limburg en Logo Limburg."
    second = "Met de partners uit de cluster zorg: huisartsenkring Mandel en Leie, "
    second += "apothekersvereniging Roeselare."
    text = HEAD + _fiche("1.1.1", "Vorming", "De zorgraad", first)
    text += _fiche("1.1.2", "Overleg", "De zorgraad", second)
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.1"].partners == ["CAW Limburg", "Logo Limburg"]
    assert actions["1.1.2"].partners == [
        "huisartsenkring Mandel en Leie",
        "apothekersvereniging Roeselare",
    ]


def test_a_lead_with_support_of_another_body_makes_that_body_take_part(tmp_path):
    lead = "Zorgraad Westkust, met ondersteuning van Logo Brugge-Oostende"
    text = HEAD + _fiche("1.1.1", "Forum", lead, "• Samana")
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.lead_self and action.co_leads == []
    assert action.partners == ["Logo Brugge-Oostende", "Samana"]


def test_a_lead_in_a_sentence_that_opens_with_de_trekker_is(tmp_path):
    text = HEAD + _fiche("1.1.1", "Vorming", "De trekker is CAW Limburg.", "• Samana")
    text += _fiche("1.1.2", "Forum", "Trekker is de zorgraad", "• Samana")
    actions = _actions(_read(tmp_path, text))
    assert actions["1.1.1"].lead == "CAW Limburg" and not actions["1.1.1"].lead_self
    assert actions["1.1.2"].lead_self


def test_samenwerking_met_before_the_partners_is_no_part_of_the_first(tmp_path):
    partners = "Samenwerking met de lokale besturen, het CAW en de mutualiteiten."
    text = HEAD + _fiche("1.1.1", "Vorming", "De zorgraad", partners)
    action = _actions(_read(tmp_path, text))["1.1.1"]
    assert action.partners == ["CAW"]
    assert action.partner_groups == ["de lokale besturen", "de mutualiteiten"]


def test_an_operational_goal_left_n_v_t_is_none_and_its_actions_are_the_strategic_goals(
    tmp_path,
):
    text = HEAD + _fiche("1.1.1", "Buurt", "De zorgraad", "• Samana")
    text += "Strategische doelstelling 2 – Welzijn in de buurt\n"
    text += "Operationele doelstelling 2.1 – n.v.t.\n"
    text += _fiche("2.1.1", "Buurtteam", "Stad Torhout", "• OCMW Torhout")
    preview = _read(tmp_path, text)
    assert [g.number for g in preview.operational_goals] == ["1.1"]
    action = _actions(preview)["2.1.1"]
    assert action.operational_goal == "2"
    assert action.lead == "Stad Torhout"


def test_a_person_of_the_zorgraad_by_her_function_leads_as_the_zone(tmp_path):
    lead = "Els Verstraeten, stafmedewerker ELZ Westkust"
    action = _actions(_read(tmp_path, HEAD + _fiche("1.1.1", "Kaart", lead, "• Samana")))["1.1.1"]
    assert action.lead == "ELZ Westkust" and action.lead_self


def test_verderzetting_actie_2024_on_a_line_under_the_title_is_part_of_it(tmp_path):
    sheet = _fiche("1.1.1", "Netwerkavonden", "De zorgraad", "• Samana")
    sheet = sheet.replace("Netwerkavonden\n", "Netwerkavonden\n(verderzetting actie 2024)\n")
    action = _actions(_read(tmp_path, HEAD + sheet))["1.1.1"]
    assert action.title == "Netwerkavonden (verderzetting actie 2024)"
