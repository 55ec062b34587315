"""
Test helpers for projects that build on conflictnews.

:mod:`conflictnews.testing.strategies` holds hypothesis strategies for every
model type; it needs ``hypothesis`` installed (the ``dev`` extra).
"""
