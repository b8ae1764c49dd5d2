"""How the data package's CSV files are written and read: one writer, one reader.

The tables are UTF-8 with a byte-order mark at the start ('utf-8-sig'), so that Excel (Chinese Windows included)
opens them as UTF-8 instead of the system's code page; the chart CSVs of the site carry it for the same reason.
The mark is UTF-8's own signature, so the descriptor declares the encoding as 'utf-8', and Frictionless reads such a
file as 'utf-8-sig'. Readers here drop the mark (a file without one reads the same), so no header ever starts
with '\\ufeff'. Lines end in \\n.
"""
from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

ENCODING = "utf-8-sig"
BOM = codecs.BOM_UTF8


def encode(text: str) -> bytes:
    """The bytes of a CSV file: the byte-order mark, then the text in UTF-8."""
    return text.encode(ENCODING)


def decode(raw: bytes) -> str:
    """A CSV file's text without its byte-order mark (same as decoding with 'utf-8-sig'); a UnicodeDecodeError
    gives the bad byte's offset in the file, the mark counted."""
    return raw.decode("utf-8").removeprefix("\ufeff")


def write(path: Path, text: str) -> None:
    """Write CSV text to path as the package's files are written."""
    Path(path).write_bytes(encode(text))


def is_written(path: Path, text: str) -> bool:
    """True if path holds exactly what write(path, text) would write (mark included)."""
    path = Path(path)
    return path.is_file() and path.read_bytes() == encode(text)


def read_text(path: Path) -> str:
    """A CSV file's text, without the byte-order mark."""
    return decode(Path(path).read_bytes())


def read_dicts(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV file's header and rows as strings (csv.DictReader on the text without the mark)."""
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def to_text(header: list[str], rows: list[dict]) -> str:
    """CSV text of rows under header (\\n line endings; keys outside the header are an error)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_dicts(path: Path, header: list[str], rows: list[dict]) -> None:
    """Write rows under header as a package CSV file."""
    write(path, to_text(header, rows))


def read_frame(path: Path) -> pd.DataFrame:
    """A CSV file as a DataFrame of strings, '' for empty cells (nothing read as NaN)."""
    import pandas as pd  # the validator reads rows without pandas

    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding=ENCODING)
