"""Codes of the iWmo and iJw 3.2 messages, taken from the official XSDs: the targetNamespace and
fixed BerichtCode of each message, the XSD versions in their appinfo, and the basisschema's code
lists (LDT_RetourCode, LDT_RedenBeeindiging).

There is no WMO325.xsd among the published copies we hold. Its namespace follows the pattern of
the other messages (``.../iwmo/3_2/wmo325/schema``) and its BerichtCode is 485 (iWmo numbers the
messages 414 for the 301 up to 484 for the 323 and 485 for the 325); its structure is the iJw 325's,
as it is for every other message the two standards share.
"""

from eenplan.provisions.constants import Standard

ALLOCATION = "301"
START = "305"
STOP = "307"
CLAIM = "323"
CLAIM_ANSWER = "325"

INCOMING = (START, STOP, CLAIM)  # what providers send and EenPlan reads
OUTGOING = (ALLOCATION, CLAIM_ANSWER)  # what EenPlan writes

LABELS = {
    ALLOCATION: "Toewijzing",
    START: "Start levering",
    STOP: "Stop levering",
    CLAIM: "Declaratie",
    CLAIM_ANSWER: "Declaratie-antwoord",
}

STANDARDS = (Standard.IWMO, Standard.IJW)
_PREFIX = {Standard.IWMO: "wmo", Standard.IJW: "jw"}

# BerichtVersie and BerichtSubversie: release 3.2.
VERSION, SUBVERSION = "3", "2"

BERICHT_CODES = {
    (Standard.IWMO, ALLOCATION): "414",
    (Standard.IWMO, START): "418",
    (Standard.IWMO, STOP): "420",
    (Standard.IWMO, CLAIM): "484",
    (Standard.IWMO, CLAIM_ANSWER): "485",
    (Standard.IJW, ALLOCATION): "436",
    (Standard.IJW, START): "438",
    (Standard.IJW, STOP): "440",
    (Standard.IJW, CLAIM): "490",
    (Standard.IJW, CLAIM_ANSWER): "491",
}

# (BasisschemaXsdVersie, BerichtXsdVersie) from the appinfo of the published XSDs.
XSD_VERSIONS = {Standard.IWMO: ("1.0.0", "1.0.0"), Standard.IJW: ("0.1.0", "0.1.0")}


def message_name(standard: str, code: str) -> str:
    """'WMO301', 'JW325'."""
    return f"{_PREFIX[standard].upper()}{code}"


def namespace(standard: str, code: str) -> str:
    return f"http://www.istandaarden.nl/{standard}/3_2/{_PREFIX[standard]}{code}/schema"


def basis_namespace(standard: str) -> str:
    return f"http://www.istandaarden.nl/{standard}/3_2/basisschema/schema"


BY_NAMESPACE = {
    namespace(standard, code): (standard, code)
    for standard in STANDARDS
    for code in (*OUTGOING, *INCOMING)
}


# --- retour codes (LDT_RetourCode in the basisschema; same list for iWmo and iJw) ---------------

ACCEPTED = "0200"  # Geen opmerking over deze berichtklasse.
CLAIM_FULLY_ACCEPTED = "8001"  # Declaratie is volledig toegewezen.
TARIFF_DIFFERS = "0611"
CREDIT_WITHOUT_DEBIT = "8017"
REFERENCE_ALREADY_SUBMITTED = "8021"
NOT_THIS_CLIENT = "8187"
NOT_LINKED = "9019"  # a start or stop (regiebericht) that matches no allocation
NO_CURRENT_START = "9069"
SAME_KEY = "9074"
BEGIN_OUTSIDE_PERIOD = "9307"
END_OUTSIDE_PERIOD = "9308"
VOLUME_OVER = "9321"
VOLUME_SUM_OVER = "9322"
UNKNOWN_ALLOCATION = "9338"  # a claim line that matches no allocation
CATEGORY_DIFFERS = "9339"
PRODUCT_CODE_DIFFERS = "9340"
UNIT_DIFFERS = "9341"
AMOUNT_DIFFERS = "9346"
ALREADY_CREDITED = "9390"

RETOUR_CODES = {
    ACCEPTED: "Goedgekeurd.",
    CLAIM_FULLY_ACCEPTED: "De declaratie is helemaal goedgekeurd.",
    TARIFF_DIFFERS: "Het tarief is niet het tarief uit het contract.",
    CREDIT_WITHOUT_DEBIT: "Er is geen goedgekeurde regel met deze referentie om te crediteren.",
    REFERENCE_ALREADY_SUBMITTED: "Deze referentie is al eerder gedeclareerd.",
    NOT_THIS_CLIENT: "Het BSN hoort niet bij deze toewijzing.",
    NOT_LINKED: "Dit toewijzingsnummer is niet bekend bij deze aanbieder en gemeente.",
    NO_CURRENT_START: "Er is geen start van de levering met deze begindatum.",
    SAME_KEY: "Deze start is al eerder gemeld.",
    BEGIN_OUTSIDE_PERIOD: "De begindatum valt buiten de periode van de toewijzing.",
    END_OUTSIDE_PERIOD: "De einddatum valt buiten de periode van de toewijzing.",
    VOLUME_OVER: "Het volume is groter dan wat is toegewezen.",
    VOLUME_SUM_OVER: "Samen met eerder goedgekeurde regels is het volume groter dan toegewezen.",
    UNKNOWN_ALLOCATION: "Dit toewijzingsnummer is niet bekend bij deze aanbieder en gemeente.",
    CATEGORY_DIFFERS: "De productcategorie is niet die van de toewijzing.",
    PRODUCT_CODE_DIFFERS: "De productcode is niet die van de toewijzing.",
    UNIT_DIFFERS: "De eenheid is niet die van de toewijzing.",
    AMOUNT_DIFFERS: "Het bedrag is niet het volume maal het tarief.",
    ALREADY_CREDITED: "Deze regel is al gecrediteerd.",
}


def describe(codes) -> str:
    return " ".join(RETOUR_CODES.get(code, code) for code in codes)


# --- RedenBeeindiging (LDT_RedenBeeindiging; the lists differ per standard) ---------------------

STOP_REASONS = {
    Standard.IWMO: {
        "02": "Overlijden",
        "19": "Levering volgens plan beëindigd",
        "20": "Levering tijdelijk beëindigd",
        "21": "Eenzijdig beëindigd door de cliënt",
        "22": "Eenzijdig beëindigd door de aanbieder",
        "23": "In overeenstemming voortijdig beëindigd",
        "31": "Verhuizing naar een andere gemeente",
        "36": "Op initiatief van de gemeente",
        "37": "In verband met een wijzigingsverzoek",
        "38": "Overstap naar een andere aanbieder",
        "39": "Uitstroom naar een ander domein",
    },
    Standard.IJW: {
        "02": "Overlijden",
        "20": "Levering tijdelijk beëindigd",
        "31": "Levering volgens plan beëindigd",
        "32": "Voortijdig afgesloten door de jeugdige",
        "33": "Voortijdig afgesloten door de aanbieder",
        "34": "Voortijdig afgesloten in overeenstemming",
        "35": "Voortijdig afgesloten door externe omstandigheden",
        "36": "Op initiatief van de gemeente",
        "37": "In verband met een wijzigingsverzoek",
        "38": "Overstap naar een andere aanbieder",
        "39": "Uitstroom naar een ander domein",
    },
}

# "Levering volgens plan beëindigd" in each standard.
STOP_AS_PLANNED = {Standard.IWMO: "19", Standard.IJW: "31"}

# StatusAanlevering of a start or stop line.
FIRST_DELIVERY, CHANGED_DELIVERY, DELETE_DELIVERY, NOT_APPLICABLE = "1", "2", "3", "9"
DELIVERY_STATUSES = (FIRST_DELIVERY, CHANGED_DELIVERY, DELETE_DELIVERY, NOT_APPLICABLE)

DEBIT, CREDIT = "D", "C"
