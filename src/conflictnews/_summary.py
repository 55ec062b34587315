"""A readable plain-text summary of a report, for people scanning output in a terminal."""

from __future__ import annotations

from typing import Any

from conflictnews.model import Report


def _fmt_num(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def summarize(report: Report) -> str:
    """Render *report* as a few aligned sections of text."""
    text = report.document.text
    names: dict[str, str] = {a.id: a.name for a in report.actors}
    names.update({loc.id: loc.name for loc in report.locations})
    times = {t.id: t for t in report.times}
    lines: list[str] = []
    doc = report.document
    lines.append(f"Document: {len(text):,} characters, published {doc.published or 'unknown'}")

    def section(title: str, rows: list[str]) -> None:
        lines.append("")
        lines.append(f"{title} ({len(rows)})")
        lines.extend(f"  {r}" for r in rows)

    section(
        "Actors",
        [
            f"{a.id:<4} {a.name} [{a.kind}{', ' + a.country if a.country else ''}]"
            + (f" title={a.title}" if a.title else "")
            + f"  x{len(a.mentions)}"
            for a in report.actors
        ],
    )
    section(
        "Locations",
        [
            f"{loc.id:<4} {loc.name} [{loc.kind}{', ' + loc.country if loc.country else ''}"
            + (f", {loc.admin1}" if loc.admin1 and loc.kind != "admin1" else "")
            + "]"
            + (f" ({loc.latitude:.3f}, {loc.longitude:.3f})" if loc.latitude is not None else "")
            + (" metonym" if loc.metonym else "")
            for loc in report.locations
        ],
    )
    section(
        "Times",
        [
            f"{t.id:<4} {t.text!r} -> {t.start or '?'}"
            + (f"..{t.end}" if t.end and t.end != t.start else "")
            + f" ({t.precision or '?'})"
            for t in report.times
        ],
    )
    section(
        "Quantities",
        [
            f"{q.id:<4} {q.text!r} = {'~' if q.approximate else ''}{_fmt_num(q.value)}"
            + (f" {q.unit}" if q.unit else "")
            + f" [{q.kind}]"
            for q in report.quantities
        ],
    )

    def who(ref: Any) -> str:
        return names.get(ref, str(ref)) if ref else "?"

    ev_rows = []
    for e in report.events:
        codes = [f"{e.acled.event_type}: {e.acled.sub_event_type}" if e.acled else ""]
        codes.append(e.plover.event_type if e.plover else "")
        code = " / ".join(filter(None, codes))
        t = times.get(e.time or "")
        ev_rows.append(
            f"{e.id:<4} {code} | by {', '.join(map(who, e.agents)) or '?'}"
            + (f" on {', '.join(map(who, e.targets))}" if e.targets else "")
            + (f" at {who(e.location)}" if e.location else "")
            + (f" {t.start}" if t and t.start else "")
            + (f" killed={e.fatalities.best}" if e.fatalities else "")
            + (f" ({e.modality})" if e.modality != "asserted" else "")
            + f"  <{e.text}>"
        )
    section("Events", ev_rows)
    section(
        "Claims",
        [
            f"{c.id:<4} {who(c.source) if c.source else c.source_text or '?'} {c.cue!r} [{c.stance}]"
            + (f" disputed by {', '.join(map(who, c.disputed_by))}" if c.disputed_by else "")
            + f": {_clip(c.content.slice(text))}"
            for c in report.claims
        ],
    )
    section(
        "Quotes",
        [
            f"{q.id:<4} {who(q.speaker) if q.speaker else q.speaker_text or '?'}"
            + (f" via {q.channel}" if q.channel else "")
            + f": \u201c{_clip(q.text)}\u201d"
            + (" (partial)" if q.partial else "")
            + ("" if q.direct else " (indirect)")
            for q in report.quotes
        ],
    )
    if report.warnings:
        section("Warnings", [f"{w.code}: {w.message}" for w in report.warnings])
    return "\n".join(lines) + "\n"


def _clip(s: str, n: int = 90) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"
