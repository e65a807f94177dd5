"""Fuzzing the population CSV (``eenplan load-population --file``): whatever an operator loads,
the figures are read or refused with a message in Dutch that names the problem; the command
never ends in a traceback and never stores an impossible figure."""

import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eenplan.indicators import cbs
from eenplan.indicators.models import PopulationFigure
from eenplan.tenancy.tests.factories import MunicipalityFactory

HEADER = ",".join(cbs.CSV_COLUMNS)
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
# Values a real file holds, and now and then an odd one or anything else.
odd = st.sampled_from(["", " ", "25.000", "25,000", "1e3", "-0", '"', "GM 0010"]) | text


def mostly(usual, unusual):
    """``usual`` nine times in ten (the whole row must be right to get past the reader)."""
    return st.integers(0, 9).flatmap(lambda n: usual if n < 9 else unusual | odd)


numbers = st.integers().map(str)
code = mostly(st.sampled_from(["GM0010", "gm0010 ", "GM9999"]), st.just("GM0010"))
year = mostly(st.integers(min_value=1890, max_value=2110).map(str), numbers)
count = mostly(st.integers(min_value=-2, max_value=10**6).map(str), numbers)
row = st.tuples(code, year, count, count, count).map(list)


def _line(values: list[str], change: int) -> str:
    """The values joined, now and then with one too few (-1) or one too many (1)."""
    if change < 0:
        values = values[:-1]
    elif change > 0:
        values = [*values, "1"]
    return ",".join(values)


line = st.builds(_line, row, st.sampled_from([*[0] * 8, -1, 1]))
csv_text = st.lists(line, max_size=4).map(lambda lines: "\n".join([HEADER, *lines]))


def read_or_refuse(content: str) -> list:
    try:
        return cbs.read_population_csv(StringIO(content, newline=""))
    except cbs.PopulationDataError as error:
        assert str(error).strip()
        return []


@given(st.text(max_size=300))
def test_arbitrary_text_is_read_or_refused(content):
    read_or_refuse(content)


@given(csv_text)
def test_rows_with_odd_values_are_read_or_refused(content):
    for figures in read_or_refuse(content):
        assert cbs.FIRST_YEAR <= figures.year <= cbs.LAST_YEAR
        for count in (figures.inhabitants, figures.households, figures.youth):
            assert 0 <= count <= cbs.MAX_COUNT


@given(st.binary(max_size=300))
def test_a_file_in_any_encoding_is_read_or_refused(content):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bevolking.csv"
        path.write_bytes(content)
        try:
            cbs.read_population_file(path)
        except cbs.PopulationDataError as error:
            assert str(error).strip()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("GM0010,2024,25.000,11800,4800", "Regel 2"),  # a thousands separator splits the field
        ("GM0010,2024,24716", "Regel 2"),  # fields missing
        ("GM0010,99999,24716,11800,4800", "jaar"),
        ("GM0010,2024,9999999999,11800,4800", "aantal"),
    ],
)
def test_a_wrong_row_is_refused_with_its_line_number(line, problem):
    with pytest.raises(cbs.PopulationDataError, match=problem):
        cbs.read_population_csv(StringIO(f"{HEADER}\n{line}\n"))


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(cbs_code="GM0010")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=csv_text)
def test_the_command_stores_figures_or_stops_with_a_dutch_message(municipality, content):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bevolking.csv"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            call_command("load_population", file=path, stdout=StringIO())
        except CommandError as error:
            assert str(error).strip()
    for figure in PopulationFigure.objects.all():
        assert figure.inhabitants >= 1 and figure.households >= 1
