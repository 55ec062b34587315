"""Package data: every word list and table says where it comes from and under which licence, and loads."""

from __future__ import annotations

import pathlib
import unicodedata

import pytest

from conflictnews.lexicons import available_lexicons, load_lexicon, load_table

DATA = pathlib.Path(__file__).resolve().parent.parent / "src" / "conflictnews" / "data"
FILES = sorted(p for p in DATA.rglob("*") if p.suffix in (".txt", ".tsv"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(DATA)) for p in FILES])
def test_every_data_file_names_its_source_and_license(path: pathlib.Path) -> None:
    """The '#' header of each data file gives a source and a licence (GeoNames-derived files: CC BY 4.0)."""
    header = "".join(ln for ln in path.read_text(encoding="utf-8").splitlines(True)[:10] if ln.startswith("#")).lower()
    assert "source" in header
    assert "licen" in header


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(DATA)) for p in FILES])
def test_every_data_file_is_nfc_utf8_and_loads(path: pathlib.Path) -> None:
    """Entries are NFC-normalised text, and the loader reads every file without error."""
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    name = str(path.relative_to(DATA).with_suffix(""))
    if path.suffix == ".txt":
        assert load_lexicon(name)
    elif path.name != "regions.tsv":  # the gazetteer's region list has a column-name row; _gazetteer reads it
        assert load_table(name)


def test_available_lexicons_lists_the_files() -> None:
    names = set(available_lexicons())
    assert {"events/triggers", "locations/descriptors", "lexicons/abbreviations"} <= names
