"""A small package whose generators are used from other modules (GEN001 across files)."""

from .stages import collector, printer
from . import util
from .extra import *

__all__ = ["collector", "printer", "util"]
