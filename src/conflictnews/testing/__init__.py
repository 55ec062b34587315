"""
Test helpers for projects that build on conflictnews.

:mod:`conflictnews.testing.strategies` holds hypothesis strategies for every
model type; it needs ``hypothesis`` installed (the ``dev`` extra).
:mod:`conflictnews.testing.invariants` checks a report against the invariants every
report keeps (spans inside the text, surfaces, id numbering, text order); it needs
nothing beyond conflictnews.
"""
