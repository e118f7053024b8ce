"""Send-driven coroutines (PEP 342 style) that consume parsed records."""
import functools


def coroutine(func):
    """Decorator: create the generator and run it to its first ``yield`` (prime it)."""

    @functools.wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen

    return start


@coroutine
def counter(counts):
    """Counts records per level; primed by ``@coroutine``."""
    while True:
        record = yield
        counts[record.level] = counts.get(record.level, 0) + 1


def averager():
    """Running average of the values sent in; NOT primed: callers must call ``next()`` first."""
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def broadcast(targets):
    """Forwards every record to each target coroutine."""
    try:
        while True:
            record = yield
            for target in targets:
                target.send(record)
    except GeneratorExit:
        for target in targets:
            target.close()
        raise


def tolerant_sink(out):
    """Appends records to ``out`` and tries to keep going when closed (a bug)."""
    while True:
        try:
            out.append((yield))
        except GeneratorExit:
            out.append("closing")


def flushing_sink(out):
    """Appends records; on close, flushes a final marker — from a ``finally`` that yields (a bug)."""
    try:
        while True:
            out.append((yield))
    finally:
        yield "flushed"


if __name__ == "__main__":
    # Drives the coroutines the way the pipeline does; `yieldlens lsp` runs this block to show the values.
    durations = averager()
    next(durations)
    for duration in (12.5, 30.0, 7.5):
        print(durations.send(duration))
    counts = {}
    levels = counter(counts)
    fan_out = broadcast([levels])
    next(fan_out)
    fan_out.close()
    out = []
    sink = tolerant_sink(out)
    next(sink)
    sink.send("INFO started")
    sink.close()  # RuntimeError: generator ignored GeneratorExit (the bug reported at its `except`)
