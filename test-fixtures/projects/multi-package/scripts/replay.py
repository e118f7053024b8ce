"""A script run from the project root (`python scripts/replay.py`) that imports the project."""

from app.stages import doubler

stage = doubler()
stage.send(2)  # error: [unprimed-send]
