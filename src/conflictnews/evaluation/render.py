"""Print an :class:`~conflictnews.evaluation.runner.Evaluation` as a table to read."""

from __future__ import annotations

import json
from typing import Any

from conflictnews.evaluation.runner import Evaluation

__all__ = ["format_table"]


def _value(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.4f}"
    return str(v)


def _parsers(names: list[str] | None) -> str:
    if names is None:
        return "(none: predictions were given)"
    return ", ".join(names) or "(none available for these tasks)"


def format_table(ev: Evaluation, *, max_errors: int = 0) -> str:
    """
    The scores as aligned text: one block per (task, dataset).

    The numbers are exactly those of ``Evaluation.to_dict()`` (both are rounded
    once, by the scorers), followed by ``right/total`` for shares.
    """
    data = ev.to_dict(max_errors=max_errors)
    datasets = ", ".join(f"{k} {v}" for k, v in data["datasets"].items())
    opts = data["options"]
    lines = [
        f"gold: {data['gold']}  records: {data['records']} ({datasets})"
        + (f"  unscored: {data['unscored']}" if data["unscored"] else ""),
        f"parsers: {_parsers(data['parsers'])}  "
        f"match: {opts['match']}  km: {opts['km']:g}  value tolerance: {opts['value_tolerance']:g}  "
        f"time: {data['seconds']:.1f} s",
    ]
    for r in data["results"]:
        lines.append("")
        lines.append(f"{r['task']} · {r['dataset']} · {r['records']} records")
        width = max((len(k) for k in r["metrics"]), default=10)
        for name, value in r["metrics"].items():
            count = r["counts"].get(name)
            suffix = f"  {count[0]}/{count[1]}" if count else ""
            lines.append(f"  {name:<{width}}  {_value(value):>9}{suffix}")
        for tname, table in r.get("tables", {}).items():
            lines.append(f"  {tname} (gold: predicted count, ...):")
            for gold, row in table.items():
                cells = ", ".join(f"{k} {n}" for k, n in sorted(row.items(), key=lambda kv: (-kv[1], kv[0])))
                lines.append(f"    {gold} ({sum(row.values())}): {cells}")
        for err in r.get("errors", ()):
            lines.append("  ! " + json.dumps(err, ensure_ascii=False))
    return "\n".join(lines) + "\n"
