"""Parses log lines of the form ``LEVEL duration_ms message`` into records."""
from dataclasses import dataclass


@dataclass
class Record:
    level: str
    duration_ms: float
    message: str


def parse_records(lines):
    """Yields a Record for every well-formed line; skips blank lines and comments."""
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        level, duration, message = line.split(" ", 2)
        yield Record(level, float(duration), message)


def pairs(records):
    """Yields (request, response) pairs; a trailing request without a response leaks StopIteration."""
    it = iter(records)
    for request in it:
        response = next(it)
        yield request, response


def first_error(records):
    """Yields the first ERROR record, if any (``next`` with a default cannot raise)."""
    found = next((r for r in records if r.level == "ERROR"), None)
    if found is not None:
        yield found


def take(records, n):
    """Yields at most ``n`` records; ``return`` (not ``raise StopIteration``) ends the generator."""
    it = iter(records)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
