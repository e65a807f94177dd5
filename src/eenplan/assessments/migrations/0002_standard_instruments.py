"""The instruments every municipality shares: the ZRM 2017 (GGD Amsterdam) for one person, and
a household variant of it. Later versions are new rows; these rows are never changed."""

from django.db import migrations

ZRM_DOMAINS = [
    ("financien", "Financiën"),
    ("werk_opleiding", "Werk & opleiding"),
    ("tijdsbesteding", "Tijdsbesteding"),
    ("huisvesting", "Huisvesting"),
    ("huiselijke_relaties", "Huiselijke relaties"),
    ("geestelijke_gezondheid", "Geestelijke gezondheid"),
    ("lichamelijke_gezondheid", "Lichamelijke gezondheid"),
    ("middelengebruik", "Middelengebruik"),
    ("basale_adl", "Basale ADL"),
    ("instrumentele_adl", "Instrumentele ADL"),
    ("sociaal_netwerk", "Sociaal netwerk"),
    ("maatschappelijke_participatie", "Maatschappelijke participatie"),
    ("justitie", "Justitie"),
]
HOUSEHOLD_DOMAINS = {
    "financien",
    "tijdsbesteding",
    "huisvesting",
    "huiselijke_relaties",
    "instrumentele_adl",
    "sociaal_netwerk",
    "maatschappelijke_participatie",
}
ZRM_SCALE = [
    (1, "Acute problematiek"),
    (2, "Niet zelfredzaam"),
    (3, "Beperkt zelfredzaam"),
    (4, "Voldoende zelfredzaam"),
    (5, "Volledig zelfredzaam"),
]
INSTRUMENTS = [
    {
        "code": "zrm",
        "version": "2017",
        "name": "Zelfredzaamheid-Matrix",
        "subject": "persoon",
        "description": (
            "ZRM 2017 van GGD Amsterdam: 13 domeinen, schaal 1 (acute problematiek) tot "
            "5 (volledig zelfredzaam). Vul alleen de domeinen in die bij de hulpvraag horen."
        ),
        "domains": ZRM_DOMAINS,
    },
    {
        "code": "zrm-huishouden",
        "version": "2017",
        "name": "Zelfredzaamheid-Matrix huishouden",
        "subject": "huishouden",
        "description": (
            "De domeinen van de ZRM 2017 die over het huishouden als geheel gaan, met dezelfde "
            "schaal. Een EenPlan-variant voor het gezamenlijke plan, geen uitgave van GGD "
            "Amsterdam."
        ),
        "domains": [d for d in ZRM_DOMAINS if d[0] in HOUSEHOLD_DOMAINS],
    },
]


def create_standard_instruments(apps, schema_editor):
    instrument_model = apps.get_model("assessments", "Instrument")
    domain_model = apps.get_model("assessments", "Domain")
    level_model = apps.get_model("assessments", "ScaleLevel")
    for spec in INSTRUMENTS:
        instrument = instrument_model.objects.create(
            code=spec["code"],
            version=spec["version"],
            name=spec["name"],
            subject=spec["subject"],
            description=spec["description"],
            is_standard=True,
        )
        domain_model.objects.bulk_create(
            domain_model(
                instrument=instrument, code=code, name=name, life_domain=code, position=position
            )
            for position, (code, name) in enumerate(spec["domains"], start=1)
        )
        level_model.objects.bulk_create(
            level_model(instrument=instrument, value=value, label=label)
            for value, label in ZRM_SCALE
        )


def remove_standard_instruments(apps, schema_editor):
    apps.get_model("assessments", "Instrument").objects.filter(is_standard=True).delete()


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [
        migrations.RunPython(create_standard_instruments, remove_standard_instruments),
    ]
