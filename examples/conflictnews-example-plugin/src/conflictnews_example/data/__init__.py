"""
The ``example`` data pack: files laid out like ``conflictnews/data``.

``talks/cues.txt`` is a new data file (the talks parser's cue list);
``lexicons/abbreviations.txt`` extends the built-in file of that name.
"""

DATAPACK_FORMAT_VERSION = 1
