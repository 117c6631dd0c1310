"""A plan's text wrapped at another width than the seeds' (a narrower page, another
extractor): the real plans in ../shared/seeds read the same whichever width they are wrapped
at. Each case is a line a narrower page breaks in two, where the second half read as
something of its own."""

from __future__ import annotations

from graphmap.ingest import plan


def _preview(text: str) -> plan.PlanPreview:
    return plan.parse_lines(text.splitlines(), "testzone", "plan.txt")


TEMPLATE = """Strategische doelstelling 1: Samenwerken
Operationele doelstelling 1.1: Vergrijzing
Actie 1.1.1 Acties rond de impact van vergrijzing
Wie is de trekker van de actie?
{lead}
Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad
opneemt.
De zorgraad faciliteert het eerste overleg.
Met welke stakeholders wordt er samengewerkt voor deze
actie?
CAW Limburg, OKRA
Hoe?
Topic 1: een monitoringsysteem rond wachtlijsten
• Onderzoeken van de verschillende ICT-mogelijkheden (jan-jun)
 • Indien er veel dient uitgewerkt te worden voor het ICT systeem dan pas in
2026
uittesten van dit systeem

Topic 2: dagopvangmogelijkheden organiseren
• Mogelijkheden onderzoeken naar andere vormen
• Aanbod in kaart brengen
"""


ROLE = """Strategische doelstelling 1: Samenwerken
Operationele doelstelling 1.1: Positieve gezondheid
Actie 1.1.1 Transitie denken met behulp van positieve gezondheid.
Met wie?
Wie is de trekker van de actie?

Indien de zorgraad niet de trekker is, beschrijf dan kort welke rol de zorgraad
opneemt.
De zorgraad is de trekker van deze actie
Met welke stakeholders wordt er samengewerkt voor deze
actie?
• Stichting Positieve gezondheid
• OKRA
"""


def test_a_templates_question_broken_over_two_lines_is_no_value():
    """Before: "opneemt." alone was the answer to the question about the zorgraad's role,
    and the action's lead became a new organisation "Opneemt" (a real plan's template read
    at a narrower width); "actie?" was the first partner."""
    preview = _preview(ROLE)
    [action] = preview.actions
    assert action.lead_self
    assert action.partners == ["Stichting Positieve gezondheid", "OKRA"]
    assert not {"Opneemt", "Actie?"} & set(preview.organisations)


def test_a_year_a_wrapped_sentence_ends_on_heads_nothing():
    """Before: "2026", the end of a sentence of the action's plan of approach wrapped onto a
    line of its own, read as a year's heading over the actions that follow: the bullets of
    the next topic became actions 1.1-a and 1.1-b."""
    preview = _preview(TEMPLATE.format(lead="De zorgraad"))
    assert [a.id_code for a in preview.actions] == ["1.1.1"]


def test_a_year_alone_after_a_short_value_still_heads_the_actions_below():
    preview = _preview(
        "Strategische doelstelling 1: Samenwerken\n"
        "Operationele doelstelling 1.1: Netwerk\n"
        "Actie 1.1.1: Overleg\n"
        "Partners: CAW en huisartsen\n"
        "2027\n"
        "Actie 1.1.2: Netwerkdag\n"
    )
    actions = {a.id_code: a for a in preview.actions}
    assert actions["1.1.1"].partners == ["CAW"]
    assert actions["1.1.2"].timing == "2027"


def test_a_short_question_without_its_mark_keeps_its_answer():
    preview = _preview(
        "Strategische doelstelling 1: Samenwerken\n"
        "Operationele doelstelling 1.1: Netwerk\n"
        "Actie 1.1.1: Overleg\n"
        "Wie is de trekker van de actie\n"
        "de zorgraad.\n"
    )
    assert preview.actions[0].lead_self


SHEET = """Strategische doelstelling: We bouwen verder aan een efficiënte en kwalitatieve
organisatie
Operationele doelstelling
We evalueren het huidige bestuursmodel
Actie {code} {title}
Met wie? Bestuur

"""


def test_an_unnumbered_goal_printed_over_each_action_sheet_and_wrapped_is_one_goal():
    """Before: the heading repeated over the second sheet, wrapped, made a second strategic
    goal (7 beside 6 in a real plan read at a narrower width) with its own operational goal:
    its title is whole only after the heading, when the reader had already compared it."""
    preview = _preview(
        SHEET.format(code=12, title="Een nieuw governance model")
        + SHEET.format(code=13, title="Een samenwerkingsmodel")
    )
    assert [(g.number, g.title) for g in preview.strategic_goals] == [
        ("1", "We bouwen verder aan een efficiënte en kwalitatieve organisatie")
    ]
    assert [g.number for g in preview.operational_goals] == ["1.1"]
    assert [(a.id_code, a.operational_goal) for a in preview.actions] == [
        ("12", "1.1"),
        ("13", "1.1"),
    ]
