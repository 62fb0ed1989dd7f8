"""What a goal bar shows, as a plain value: a screen computes it without loading the UI."""

from __future__ import annotations

from msgspec import Struct


class Progress(Struct, frozen=True):
    """What one goal bar shows. `label` and `note` are shown literally, never as markup."""

    label: str
    done: float
    target: float
    unit: str = ""
    note: str = ""

    @property
    def reached(self) -> bool:
        return self.target > 0 and self.done >= self.target

    @property
    def fraction(self) -> float:
        if self.target <= 0:
            return 1.0
        return max(0.0, min(1.0, self.done / self.target))

    def figures(self) -> str:
        """`2 of 3 times`, with whole numbers shown without decimals."""
        unit = f" {self.unit}" if self.unit else ""
        return f"{_number(self.done)} of {_number(self.target)}{unit}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
