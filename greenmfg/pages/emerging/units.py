"""The unit each edition's readers count in: English pages rescale the sources' 万 units (frames.rescale:
万辆 -> million vehicles, 万吨 -> Mt), Chinese pages keep the sources' own 万 and 亿 units (958.7万辆)."""
from __future__ import annotations

from greenmfg.data.frames import reader_units


def shown(value: float, unit: str) -> tuple[float, str]:
    """A source value in the unit shown on this edition's page, and that unit (greenmfg.data.frames.reader_units)."""
    return reader_units(value, unit)
