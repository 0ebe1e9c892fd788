"""The opening record's `key=amount` items (rule 21) read as the record's fields read them:
text with commas (ASCII, full-width or 、) or a YAML list, each key once, amounts kept as
canonical text; what is refused says what would be valid. From the mutation run of 2026-12-03."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from seatledger.core.opening import amounts, instalment_amounts, penalty_amounts


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        # A comma that does not start the next key= is a thousands separator, kept in the amount.
        ("1=1,641,000.00, 2=5", ("1=1641000.00", "2=5.00")),
        ("1=1641000，final=131568", ("1=1641000.00", "final=131568.00")),
        ("2=10、3=20.5", ("2=10.00", "3=20.50")),
        (" 4 = 300 ", ("4=300.00",)),
        ("1=0", ("1=0.00",)),  # nothing paid of it is a figure too
        (["1=1641000", "final=2"], ("1=1641000.00", "final=2.00")),
    ],
)
def test_instalment_items_read(value: Any, canonical: tuple[str, ...]) -> None:
    assert instalment_amounts(value) == canonical


def test_penalty_items_read_and_map_back_to_decimals() -> None:
    items = penalty_amounts("seat-shortage=3000, post-abandonment=2,000.00")
    assert items == ("seat-shortage=3000.00", "post-abandonment=2000.00")
    assert amounts(items) == {"seat-shortage": Decimal("3000.00"), "post-abandonment": Decimal("2000.00")}
    assert amounts(()) == {}


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("", "'' is not key=amount as in 1=1641000.00"),
        ([], "expected one or more key=amount items such as 1=1641000.00"),
        (1641000, "expected one or more key=amount items such as 1=1641000.00"),
        ("1:100", "'1:100' is not key=amount as in 1=1641000.00"),
        ("1=100, 1=200", "1 listed twice"),
        ("final=1, final=2", "final listed twice"),
        ("0=100", "'0' is not an instalment; write its number or 'final'"),
    ],
)
def test_instalment_items_refused(value: Any, words: str) -> None:
    with pytest.raises(ValueError) as refused:
        instalment_amounts(value)
    assert str(refused.value) == words


def test_an_amount_is_refused_as_amounts_are() -> None:
    """The key ends at the first =, so what follows it is read, and refused, as the amount."""
    with pytest.raises(ValueError):
        instalment_amounts("1=-5")
    with pytest.raises(ValueError) as refused:
        instalment_amounts("1=5=6")
    assert str(refused.value) == "'5=6' is not an amount; write yuan such as 300 or 1641000.00"


def test_penalty_items_refused_with_their_own_example() -> None:
    with pytest.raises(ValueError) as refused:
        penalty_amounts("seat-shortage 3000")
    assert str(refused.value) == "'seat-shortage 3000' is not key=amount as in PENALTY=3000.00"
    with pytest.raises(ValueError) as twice:
        penalty_amounts(["seat-shortage=1", "seat-shortage=2"])
    assert str(twice.value) == "seat-shortage listed twice"
