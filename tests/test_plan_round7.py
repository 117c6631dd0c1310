"""Plans of zones the importer was not built on, seventh round, in the text a PDF extractor
gives (a blank line after every line): the steps of an action under their own label, a
sentence after the partners, support from the Flemish government, two organisations joined
by "en", a chapter of this year's actions, a footer "Pagina 2 van 9", the topics a seed
plan lists under "Met wie?", and a territory of two municipalities."""

from __future__ import annotations

from extracted import by_code as _actions
from extracted import read as _read

STEPS = """ELZ Maasland
Actieplan 2025
Strategische doelstelling 1: Sterke eerstelijn
Operationele doelstelling 1.1: Zorgverleners kennen elkaar
Actie 1.1.1: Netwerkavond
Trekker: ELZ Maasland
Partners:
• CAW Limburg
• Logo Limburg
Stappen:
• Locatie vastleggen
• Uitnodigingen versturen
Timing: 2025
Actie 1.1.2: Vormingsreeks
Trekker: ELZ Maasland
Partners: Samana
Activiteiten:
• Vorming rond dementie
Werkwijze:
• Drie sessies per jaar
Actie 1.1.3: Buurtzorg
Trekker: ELZ Maasland
Partners: Ziekenzorg
Aanpak:
- Eerste overleg plannen
Resultaat:
- Tien buurten doen mee
Budget:
- 2000 euro
Actie 1.1.4: Huisartsenwacht
Trekker: ELZ Maasland
Partners: Huisartsenkring Maasland
Planning:
- Q1 2025 overleg
Actie 1.1.5: Zorgpad dementie
Trekker: ELZ Maasland
Partners: Pallion
Acties:
• Bevraging bij de partners
• Vorming voor thuiszorg
Actie 1.1.6: Vorming
Trekker: Logo Limburg
"""


def test_a_label_of_steps_or_results_ends_the_partners(tmp_path):
    actions = _actions(_read(tmp_path, STEPS))
    assert actions["1.1.1"].partners == ["CAW Limburg", "Logo Limburg"]
    assert actions["1.1.2"].partners == ["Samana"]
    assert actions["1.1.3"].partners == ["Ziekenzorg"]
    assert actions["1.1.4"].partners == ["Huisartsenkring Maasland"]
    assert actions["1.1.4"].timing == "Q1 2025 overleg"


def test_acties_inside_a_coded_action_are_its_steps_not_actions(tmp_path):
    actions = _actions(_read(tmp_path, STEPS))
    assert list(actions) == ["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6"]
    assert actions["1.1.5"].partners == ["Pallion"]
    assert actions["1.1.5"].partner_groups == []
