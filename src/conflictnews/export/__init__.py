"""
Exports from the one typed model: ACLED-style CSV and PLOVER-style JSON Lines.

Exporters read :class:`~conflictnews.Report` objects only; they never parse.

>>> from conflictnews.export import ACLED_COLUMNS, write_acled_csv
>>> len(ACLED_COLUMNS)
31

.. versionadded:: 0.1.0
"""

from conflictnews.export.acled import ACLED_COLUMNS, acled_rows, write_acled_csv
from conflictnews.export.plover import plover_records, write_plover_jsonl

__all__ = ["ACLED_COLUMNS", "acled_rows", "plover_records", "write_acled_csv", "write_plover_jsonl"]
