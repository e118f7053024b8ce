"""Wires the pipeline: file -> parser -> coroutines, and prints a summary."""
import sys

from logpipe.coroutines import averager, broadcast, counter
from logpipe.parser import parse_records
from logpipe.sources import read_lines_safely


def summarize(path):
    counts = {}
    level_counter = counter(counts)      # primed by @coroutine
    durations = averager()               # not primed
    fan_out = broadcast([level_counter])
    next(fan_out)
    for record in parse_records(read_lines_safely(path)):
        fan_out.send(record)
        durations.send(record.duration_ms)   # TypeError on the first record
    fan_out.close()
    return counts


def slowest(path):
    durations = averager()
    next(durations)                      # primed: fine
    average = None
    for record in parse_records(read_lines_safely(path)):
        average = durations.send(record.duration_ms)
    return average


if __name__ == "__main__":
    print(summarize(sys.argv[1] if len(sys.argv) > 1 else "data/app.log"))
