"""Tests for the parser (run with pytest)."""
from logpipe.parser import parse_records, take


def lines_of(path):
    # Tests may keep the file open while suspended: per-file-ignores switches GEN005 off here.
    f = open(path, encoding="utf-8")
    yield from f


def test_parse_skips_comments():
    records = list(parse_records(["# header", "INFO 12.5 started", ""]))
    assert [r.level for r in records] == ["INFO"]


def test_take_stops_early():
    records = parse_records(["INFO 1 a", "WARN 2 b", "INFO 3 c"])
    assert [r.message for r in take(records, 2)] == ["a", "b"]
