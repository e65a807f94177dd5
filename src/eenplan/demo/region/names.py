"""Names for the generated region: its municipalities, organisations, people and streets.

All fictional. Surnames follow roughly how common they are in the Netherlands, with names of
Turkish, Moroccan, Surinamese, Antillean and Polish origin as a town of this size has them; given
names follow the generation a person was born in.
"""

from eenplan.tenancy.constants import OrganisationType as T

REGION_NAME = "Synthetische regio Lindeveen"
# (name, share of the inhabitants, first two digits of its postcodes); the first is the central
# town. CBS codes GM98xx do not exist at CBS.
MUNICIPALITIES = (
    ("Lindeveen", 0.42, 21),
    ("Oosterwaarde", 0.16, 22),
    ("Westermolen", 0.12, 23),
    ("Noordeind", 0.10, 24),
    ("Zuidervaart", 0.08, 25),
    ("Kleiwolde", 0.07, 26),
    ("Heiderode", 0.05, 27),
)
CBS_CODE = "GM98{:02d}"
INHABITANTS_PER_TEAM = 40_000  # a municipality gets a neighbourhood team per this many
DISTRICTS = ("Centrum", "Noord", "Oost", "Zuid", "West", "Haven", "Park", "Dorp", "Veld", "Oud")


def district(index: int) -> str:
    """The ``index``-th district name; numbered once the names run out."""
    name = DISTRICTS[index % len(DISTRICTS)]
    rounds = index // len(DISTRICTS)
    return f"{name} {rounds + 1}" if rounds else name


# Regional organisations by type: (weight in the mix, names to take from in order). A name is
# numbered when a type needs more organisations than it has names.
ORGANISATIONS = {
    T.YOUTH_CARE: (12, ("Jeugdhulp De Linde", "Kinder- en jeugdzorg Veenland", "Opvoedpunt")),
    T.YOUTH_PROTECTION: (4, ("Jeugdbescherming Lindeveen e.o.", "William Schrikker Veenland")),
    T.MENTAL_HEALTH: (9, ("GGZ Veenland", "Psychiatrisch centrum De Waarde", "Praktijk Beter")),
    T.ADDICTION_CARE: (3, ("Verslavingszorg Noord-Veen", "Stichting Helder")),
    T.DEBT_HELP: (6, ("Kredietbank Lindeveen", "Schuldhulpmaatje Veenland", "Geldzaken Nu")),
    T.HOUSING_CORPORATION: (6, ("Woonstichting Thuis", "Wooncorporatie De Veenen", "Huis & Erf")),
    T.POLICE: (2, ("Politie basisteam Veenland",)),
    T.SCHOOL: (5, ("Scholengroep Lindeveen", "Samenwerkingsverband Passend Onderwijs Veen")),
    T.EMPLOYMENT_SERVICE: (4, ("Werkplein Veenland", "Re-integratiebedrijf Opstap")),
    T.SOCIAL_WORK: (5, ("Maatschappelijk werk Veenland", "Welzijn Lindeveen")),
    T.HEALTH_CARE: (5, ("GGD Veenland", "Huisartsenpraktijk De Linde", "JGZ Veenland")),
    T.HOME_CARE: (8, ("Thuiszorg Veenland", "Zorggroep De Waarde", "Wijkzorg Lindeveen")),
    T.PROBATION: (2, ("Reclassering Veenland",)),
    T.COMMUNITY_INITIATIVE: (3, ("Stichting Naoberhulp", "Buurtkracht Lindeveen")),
}
TEAM_NAME = "Sociaal team {municipality}"
MUNICIPAL_ORGANISATION = "Gemeente {municipality}"

SURNAMES = (
    ("de", "Jong", 85), ("", "Jansen", 75), ("de", "Vries", 72), ("van den", "Berg", 60),
    ("van", "Dijk", 58), ("", "Bakker", 57), ("", "Janssen", 55), ("", "Visser", 52),
    ("", "Smit", 48), ("", "Meijer", 45), ("de", "Boer", 42), ("", "Mulder", 40),
    ("de", "Groot", 38), ("", "Bos", 37), ("", "Vos", 35), ("", "Peters", 34),
    ("", "Hendriks", 34), ("van", "Leeuwen", 31), ("", "Dekker", 31), ("", "Brouwer", 30),
    ("de", "Wit", 29), ("", "Dijkstra", 28), ("", "Smits", 27), ("de", "Graaf", 27),
    ("van der", "Meer", 27), ("van der", "Linden", 25), ("", "Kok", 25), ("", "Jacobs", 24),
    ("de", "Haan", 24), ("", "Vermeulen", 23), ("van den", "Heuvel", 23), ("van der", "Veen", 22),
    ("van den", "Broek", 22), ("de", "Bruijn", 21), ("de", "Bruin", 21), ("van der", "Heijden", 21),
    ("", "Schouten", 20), ("van", "Beek", 20), ("", "Willems", 20), ("van", "Vliet", 19),
    ("van de", "Ven", 19), ("", "Hoekstra", 19), ("", "Maas", 19), ("", "Verhoeven", 18),
    ("", "Koster", 18), ("van", "Dam", 18), ("van der", "Wal", 18), ("", "Prins", 17),
    ("", "Blom", 17), ("", "Huisman", 17), ("", "Peeters", 16), ("de", "Jonge", 16),
    ("", "Kuipers", 16), ("van", "Veen", 16), ("", "Post", 15), ("", "Kuiper", 15),
    ("", "Veenstra", 15), ("", "Kramer", 15), ("van den", "Brink", 14), ("", "Scholten", 14),
    ("van", "Wijk", 14), ("", "Postma", 14), ("", "Martens", 13), ("", "Vink", 13),
    ("de", "Ruiter", 13), ("", "Timmermans", 13), ("", "Groen", 13), ("", "Gerritsen", 13),
    ("", "Jonker", 12), ("van", "Loon", 12), ("", "Boersma", 12), ("van der", "Velde", 12),
    ("", "Willemsen", 12), ("", "Evers", 11), ("", "Hermans", 11), ("", "Mol", 11),
    ("", "Kooistra", 11), ("", "Hofman", 11), ("", "Wouters", 11), ("", "Koning", 10),
    ("", "Sluiter", 10), ("", "Zwart", 10), ("", "Boon", 10), ("", "Bosman", 10),
    ("", "Wijnands", 8), ("", "Oosterhuis", 8), ("", "Zijlstra", 8), ("", "Veldman", 8),
    ("van", "Rijn", 8), ("", "Lammers", 8), ("ter", "Horst", 7), ("", "Nijhuis", 7),
    ("", "Pronk", 7), ("", "Wolters", 7), ("", "Bouwman", 7), ("", "Brink", 7),
    ("", "Yilmaz", 14), ("", "Kaya", 10), ("", "Demir", 10), ("", "Şahin", 8), ("", "Çelik", 7),
    ("", "Öztürk", 6), ("", "Aydin", 6), ("El", "Amrani", 9), ("", "Bouzid", 8),
    ("", "Benali", 8), ("El", "Idrissi", 7), ("", "Ouali", 6), ("", "Haddou", 6),
    ("", "Boukhari", 5), ("", "Ramdin", 6), ("", "Sewnarain", 5), ("", "Pinas", 5),
    ("", "Kromodimedjo", 4), ("", "Martina", 5), ("", "Richardson", 4), ("", "Isenia", 4),
    ("", "Kowalski", 5), ("", "Nowak", 5), ("", "Wiśniewski", 4), ("", "Mohamed", 6),
    ("", "Abdi", 5), ("", "Haile", 4), ("", "Nguyen", 4), ("", "Tran", 3),
)  # fmt: skip

# (born before, female names, male names): the first row whose year is after the birth year.
GIVEN_NAMES = (
    (1960, ("Maria", "Johanna", "Anna", "Wilhelmina", "Cornelia", "Geertruida", "Hendrika"),
     ("Johannes", "Hendrik", "Cornelis", "Jan", "Willem", "Gerrit", "Pieter")),
    (1975, ("Ingrid", "Monique", "Petra", "Wilma", "Marian", "Anita", "Yvonne", "Fatma"),
     ("Peter", "Marcel", "Johan", "Erik", "Richard", "Mehmet", "Mohamed", "Frank")),
    (1990, ("Linda", "Sandra", "Kim", "Esther", "Marieke", "Naima", "Ayşe", "Chantal", "Joyce"),
     ("Dennis", "Mark", "Jeroen", "Sander", "Bas", "Mustafa", "Ahmed", "Patrick", "Rachid")),
    (2005, ("Lisa", "Sanne", "Anouk", "Fleur", "Lotte", "Esra", "Shanti", "Kelly", "Iris"),
     ("Tim", "Kevin", "Thomas", "Niels", "Daan", "Yusuf", "Anass", "Jordy", "Rico")),
    (2015, ("Emma", "Sophie", "Julia", "Eva", "Noor", "Lieke", "Yasmina", "Elif", "Tess"),
     ("Daan", "Sem", "Bram", "Lucas", "Milan", "Levi", "Mohammed", "Ayoub", "Jayden")),
    (2100, ("Olivia", "Mila", "Yara", "Nora", "Saar", "Liv", "Fenna", "Maryam", "Nova"),
     ("Noah", "Luca", "Finn", "Sem", "Liam", "Adam", "Mees", "Ibrahim", "Otis")),
)  # fmt: skip

STREETS = (
    "Kerkstraat", "Schoolstraat", "Molenweg", "Dorpsstraat", "Stationsweg", "Julianastraat",
    "Beatrixlaan", "Wilhelminastraat", "Emmastraat", "Oranjestraat", "Nieuwstraat", "Marktplein",
    "Burgemeester de Vriesstraat", "Lindelaan", "Eikenlaan", "Berkenstraat", "Populierenweg",
    "Merellaan", "Zwaluwstraat", "Spechtstraat", "Havenkade", "Veenweg", "Turfstraat",
    "Vaartweg", "Sluisstraat", "Dijkweg", "Tulpstraat", "Rozenstraat", "Irisstraat",
    "Rembrandtlaan", "Vermeerstraat", "Van Goghstraat", "Mozartlaan", "Bachstraat",
    "Prinses Irenestraat", "Koningin Maximalaan", "Waterlelie", "Rietgors", "Kievitstraat",
    "Leeuweriklaan", "Parkweg", "Bloemenhof", "Weidesingel", "Polderweg", "Kanaalstraat",
)  # fmt: skip

NETWORK_RELATIONSHIPS = ("oma", "opa", "zus", "broer", "tante", "buurvrouw", "vriend", "buddy")
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
