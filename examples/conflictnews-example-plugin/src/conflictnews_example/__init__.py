"""An example conflictnews plugin: the ``talks`` parser and the ``example`` data pack."""
