"""Given names common in Flanders, to tell a person ("Els Peeters", "Jan De Smet") from an
organisation of two plain words ("Gezond Leven", "Vlaamse Overheid", "Open Huis") where a
plan names a lead or partner: a name is a person's only when its first word is one of
these (see `organisations.is_person`). A person's name is personal data; it must not become
an organisation in the register. Names not listed leave a name as it was read before.
"""

from __future__ import annotations

_NAMES = """
    aaron adam adriaan agnes alain albert alexander alexandra alexis alice alina amber
    amelie an ana andre andré andrea andreas andy angela angelique ann anna anne annelies
    anneleen annemie annick anouk anton arne astrid axel bart bas bea beatrijs ben benny
    bernard bert bettina bieke birgit bjorn björn bram brecht bruno carine carl carla carlo
    carmen caroline catherine cathy cecile céline charlotte chloe chris christa christel
    christian christine christophe cindy claire clara claudia cor corinne daan dagmar
    daisy damien dana daniel daniëlle danny dave david davy debbie dieter diederik dimitri
    dirk dominique dorien dries ed eddy edith eline elien elisa elise elke ellen els elsa
    emiel emma erik erika ester esther etienne eva evelien evelyne fabienne fanny febe
    femke filip fien frank frans frederik freya frieda gaelle geert gert gerda gert gilles
    gino goedele greet gregory griet guido guy hanne hannelore hans hedwig heidi helena
    hendrik herman hilde hugo ilse ine inge ingrid ines iris isabel isabelle ivan ivo jan
    jana jasper jeroen jef jelle jens jessica jo joke johan johanna jonas joost joris jos
    josé jozef judith julie julien justine jurgen karel karen karin katrien kathleen katja
    kelly kevin kim kirsten klaas koen kris kristel kristien kristof lars laura lauren
    leen lena leo lien lies liesbeth lieve lieven linda lisa lise liesbet lode lore lotte
    louis lucas lucie luc ludo lukas maaike maarten maria marie mariska mark marleen marc
    marijke martin martine mathias mathieu matthias maxime mieke michel michael michiel
    mia myriam nadia nadine nancy natalie nathalie nele nick nico nicole niels nina noor
    olivier patrick patricia paul paulien peter petra philippe pieter pierre quinten
    rachel ria rik rita robin roel ronald ruben rudi rudy ruth sabine sam sander sandra
    sanne sara sarah saskia sebastiaan sebastien seppe servaas silke simon sofie sophie
    stefaan stefan steven stien stijn sven sylvie tania tanja thijs thomas tim tina
    tine tineke tom tommy toon valerie vanessa veerle vera veronique vincent walter wendy
    werner wim wout wouter xavier yannick yves yvonne ward willem wannes hilde nathan
    jolien lotte marlies mireille noël paulette rosa roos sien simonne tijs tuur vic
    piet staf lut godelieve raf fons gust maurice roger roland willy
"""
GIVEN_NAMES = frozenset(_NAMES.split())

# Bodies in Flanders named after a person (hospitals, university colleges, care groups), as
# plans name them among leads and partners: a given name and a surname, yet no person. A
# name that starts with one ("Thomas More Kempen") is one of them too.
NAMED_AFTER_A_PERSON = (
    "Thomas More",
    "Karel de Grote",
    "Jan Yperman",
    "Maria Middelares",
    "Jan Palfijn",
    "Jan Portaels",
    "Vincent van Gogh",
    "Simon Stevin",
    "Frans Van Hombeeck",
    "Emiel Vloors",
)
