"""The words third-party components show by themselves, in Dutch as the rest of the page.

AG Grid and Dash's dropdown speak English unless told otherwise ("No Rows To Show", "Select
All"): every grid takes `GRID` as its `localeText`, every dropdown `DROPDOWN` as its labels.
"""

from __future__ import annotations

from graphmap.plural import counted  # noqa: F401 (the pages' words.counted)

GRID = {
    "noRowsToShow": "Geen rijen",
    "noMatchingRows": "Geen rijen die aan de filter voldoen",
    "loadingOoo": "Laden…",
    "loadingError": "Fout bij het laden",
    "exportingOoo": "Exporteren…",
    "page": "Pagina",
    "of": "van",
    "to": "tot",
    "more": "meer",
    "firstPage": "Eerste pagina",
    "lastPage": "Laatste pagina",
    "nextPage": "Volgende pagina",
    "previousPage": "Vorige pagina",
    "pageSizeSelectorLabel": "Per pagina:",
    "ariaPageSizeSelectorLabel": "Rijen per pagina",
    # The column filters
    "filterOoo": "Filter…",
    "searchOoo": "Zoeken…",
    "selectAll": "(Alles)",
    "blanks": "(Leeg)",
    "noMatches": "Niets gevonden",
    "equals": "Is gelijk aan",
    "notEqual": "Is niet gelijk aan",
    "contains": "Bevat",
    "notContains": "Bevat niet",
    "startsWith": "Begint met",
    "endsWith": "Eindigt op",
    "blank": "Leeg",
    "notBlank": "Niet leeg",
    "lessThan": "Kleiner dan",
    "greaterThan": "Groter dan",
    "lessThanOrEqual": "Kleiner dan of gelijk aan",
    "greaterThanOrEqual": "Groter dan of gelijk aan",
    "inRange": "Tussen",
    "inRangeStart": "van",
    "inRangeEnd": "tot",
    "before": "Voor",
    "after": "Na",
    "andCondition": "EN",
    "orCondition": "OF",
    "applyFilter": "Toepassen",
    "resetFilter": "Herstellen",
    "clearFilter": "Wissen",
    "cancelFilter": "Annuleren",
    "dateFormatOoo": "dd-mm-jjjj",
    "invalidDate": "Ongeldige datum",
    "invalidNumber": "Ongeldig getal",
    # What a screen reader hears
    "ariaColumnFiltered": "Kolom gefilterd",
    "ariaFilterColumn": "Druk Ctrl Enter om te filteren",
    "ariaFilterInput": "Filterveld",
    "ariaFilterValue": "Filterwaarde",
    "ariaFilterFromValue": "Filter vanaf",
    "ariaFilterToValue": "Filter tot",
    "ariaFilteringOperator": "Filteroperator",
    "ariaFilterMenuOpen": "Filtermenu openen",
    "ariaLabelColumnFilter": "Kolomfilter",
    "ariaLabelColumnMenu": "Kolommenu",
    "ariaSortableColumn": "Druk Enter om te sorteren",
    "ariaSkeletonCellLoading": "Rij wordt geladen",
    "ariaSkeletonCellLoadingFailed": "Rij kon niet geladen worden",
    "ariaLabelTooltip": "Tooltip",
}
DROPDOWN = {
    "select_all": "Alles kiezen",
    "deselect_all": "Niets kiezen",
    "selected_count": "{num_selected} gekozen",
    "search": "Zoeken",
    "clear_search": "Zoekterm wissen",
    "clear_selection": "Keuze wissen",
    "no_options_found": "Niets gevonden",
}


def capital(text: str) -> str:
    """A message beside a field as a sentence: its first letter a capital (the library's
    messages start small, to follow a row or field name: `rij 3: ongeldig KBO-nummer`)."""
    return text[:1].upper() + text[1:]
