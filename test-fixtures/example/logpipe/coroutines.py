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
