"""
Exports from the one typed model: ACLED-style CSV, PLOVER-style JSON Lines and CAMEO/GDELT-style TSV.

Exporters read :class:`~conflictnews.Report` objects only; they never parse.

>>> from conflictnews.export import ACLED_COLUMNS, write_acled_csv
>>> len(ACLED_COLUMNS)
31

.. versionadded:: 0.1.0
"""

from conflictnews.export.acled import ACLED_COLUMNS, acled_rows, write_acled_csv
from conflictnews.export.cameo import CAMEO_COLUMNS, cameo_code, cameo_rows, write_cameo_tsv
from conflictnews.export.plover import plover_records, write_plover_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "CAMEO_COLUMNS",
    "acled_rows",
    "cameo_code",
    "cameo_rows",
    "plover_records",
    "write_acled_csv",
    "write_cameo_tsv",
    "write_plover_jsonl",
]
