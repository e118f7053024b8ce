"""Re-exports the sinks, so that `from ingest import collector` works."""

from .sinks import collector, tally
