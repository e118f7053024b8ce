# An ETL-style pipeline over an in-memory log: parse, filter, enrich, group, with a coroutine sink collecting stats.
import io
from itertools import groupby, islice

LOG = """2024-01-01 10:00:01 INFO start service=api
2024-01-01 10:00:02 ERROR timeout service=db ms=1200
2024-01-01 10:00:03 WARN slow service=api ms=800
2024-01-01 10:01:00 ERROR refused service=db ms=5
2024-01-01 10:01:30 INFO stop service=api
bad line
"""


def read(f):
    for number, line in enumerate(f, 1):
        yield number, line.rstrip("\n")


def parse(lines):
    for number, line in lines:
        parts = line.split()
        if len(parts) < 4:
            print(f"skipping line {number}: {line!r}")
            continue
        date, time, level, message, *fields = parts
        record = {"line": number, "minute": time[:5], "level": level, "message": message}
        record.update(field.split("=", 1) for field in fields)
        yield record


def only(levels, records):
    return (r for r in records if r["level"] in levels)


def stats():
    counts = {}
    try:
        while True:
            record = yield
            counts[record["service"]] = counts.get(record["service"], 0) + int(record.get("ms", 0))
    except GeneratorExit:
        print("stats:", sorted(counts.items()))


sink = stats()
next(sink)
records = list(only(("ERROR", "WARN"), parse(read(io.StringIO(LOG)))))
for record in records:
    sink.send(record)
sink.close()
for minute, group in groupby(records, key=lambda r: r["minute"]):
    print(minute, [f"{r['level']}:{r['service']}" for r in group])
print(list(islice(parse(read(io.StringIO(LOG))), 2))[1]["ms"])
