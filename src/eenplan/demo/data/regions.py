"""The demo regions and their municipalities.

Proeftuin Eemsdelta is where the demo households live. Its three municipalities merged into the
municipality of Eemsdelta on 1 January 2021; the demo keeps them apart because a pilot region
with several municipalities shows what EenPlan is for (organisations working for more than one
municipality, policy figures per municipality). The inhabitant figures are the historical CBS
counts of 1 January 2020, the last ones before the merger.

Gooi en Vechtstreek is a second region without cases, to show that a deployment can hold several
regions. Weesp joined Amsterdam on 24 March 2022; it is kept because the region counted eight
municipalities in the period these figures describe.
"""

from eenplan.demo.data.types import MunicipalitySpec, RegionSpec

DELFZIJL = "GM0010"
APPINGEDAM = "GM0003"
LOPPERSUM = "GM0024"
EEMSDELTA_ALL = (DELFZIJL, APPINGEDAM, LOPPERSUM)

EEMSDELTA = RegionSpec(
    name="Proeftuin Eemsdelta",
    municipalities=(
        MunicipalitySpec("Delfzijl", DELFZIJL, 24_716),
        MunicipalitySpec("Appingedam", APPINGEDAM, 11_721),
        MunicipalitySpec("Loppersum", LOPPERSUM, 9_694),
    ),
)

# Inhabitants: approximations of the CBS StatLine counts of 1 January 2022 (the last count with
# Weesp as a municipality), rounded to the hundred. Demo figures, not for analysis.
GOOI_EN_VECHTSTREEK = RegionSpec(
    name="Gooi en Vechtstreek",
    municipalities=(
        MunicipalitySpec("Blaricum", "GM0376", 12_300),
        MunicipalitySpec("Eemnes", "GM0317", 9_500),
        MunicipalitySpec("Gooise Meren", "GM1942", 59_100),
        MunicipalitySpec("Hilversum", "GM0402", 91_400),
        MunicipalitySpec("Huizen", "GM0406", 41_400),
        MunicipalitySpec("Laren", "GM0417", 11_300),
        MunicipalitySpec("Weesp", "GM0457", 20_100),
        MunicipalitySpec("Wijdemeren", "GM1696", 24_500),
    ),
)

REGIONS = (EEMSDELTA, GOOI_EN_VECHTSTREEK)
