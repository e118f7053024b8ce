# Fixture for GEN007 send-value-ignored. Each `case_*` function sends a fresh `Token` and returns a
# weak reference to it with the generator (kept alive); running this file under CPython
# (`python3.13 send-value-ignored.py`) prints `dropped` when nothing holds the token any more (the
# generator never read it) and `kept` otherwise, and a test checks that exactly the cases with an
# `# error:` line print `dropped`.

import gc
import weakref


class Token:
    pass


def running_total():
    total = 0
    while True:
        yield total


def sink():
    while True:
        yield


def reader():
    value = None
    while True:
        value = yield value


def delegating():
    yield from reader()


def in_expression():
    seen = []
    while True:
        seen.append((yield len(seen)))


# Factories: ordinary functions returning the generator objects above.

def make_totals():
    return running_total()


def make_totals_twice_removed():
    return make_totals()


def started_sink():
    drain = sink()
    next(drain)
    return drain


def make_reader():
    return reader()


def pick(reads):
    # Two different generator functions: which one is not known, so nothing is claimed.
    if reads:
        return reader()
    return running_total()



# ---- positives ----------------------------------------------------------------------------------

def case_value_dropped_by_yield_statement():
    token = Token()
    totals = running_total()
    next(totals)
    totals.send(token)  # error: [send-value-ignored]
    return weakref.ref(token), totals


def case_value_dropped_by_bare_yield():
    token = Token()
    drain = sink()
    next(drain)
    drain.send(token)  # error: [send-value-ignored]
    return weakref.ref(token), drain


def case_primed_by_loop():
    token = Token()
    totals = running_total()
    for _ in zip(range(2), totals):
        pass
    totals.send(token)  # error: [send-value-ignored]
    return weakref.ref(token), totals


def case_factory():
    token = Token()
    totals = make_totals()
    next(totals)
    totals.send(token)  # error: [send-value-ignored]
    return weakref.ref(token), totals


def case_factory_of_factory():
    token = Token()
    totals = make_totals_twice_removed()
    next(totals)
    totals.send(token)  # error: [send-value-ignored]
    return weakref.ref(token), totals


def case_priming_factory():
    token = Token()
    drain = started_sink()
    drain.send(token)  # error: [send-value-ignored]
    return weakref.ref(token), drain


# ---- negatives ----------------------------------------------------------------------------------

def case_factory_of_reader():
    token = Token()
    values = make_reader()
    next(values)
    values.send(token)
    return weakref.ref(token), values


def case_factory_of_either():
    token = Token()
    values = pick(True)
    next(values)
    values.send(token)
    return weakref.ref(token), values


def case_factory_unstarted_is_another_rule():
    token = Token()
    totals = make_totals()
    try:
        totals.send(token)
    except TypeError:
        return weakref.ref(token), (totals, token)
    return weakref.ref(token), totals


def case_value_read():
    token = Token()
    values = reader()
    next(values)
    values.send(token)
    return weakref.ref(token), values


def case_value_passed_on_by_yield_from():
    token = Token()
    values = delegating()
    next(values)
    values.send(token)
    return weakref.ref(token), values


def case_yield_inside_expression():
    token = Token()
    values = in_expression()
    next(values)
    values.send(token)
    return weakref.ref(token), values


def case_sending_none_primes():
    token = Token()
    totals = running_total()
    totals.send(None)
    return weakref.ref(token), (totals, token)


def case_unstarted_is_another_rule():
    token = Token()
    totals = running_total()
    try:
        totals.send(token)
    except TypeError:
        return weakref.ref(token), (totals, token)
    return weakref.ref(token), totals


def case_one_binding_reads(reads=True):
    token = Token()
    gen = reader() if reads else running_total()
    next(gen)
    gen.send(token)
    return weakref.ref(token), gen


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            ref, keep_alive = case()
        except Exception as error:  # the driver reports every outcome, whatever it is
            print(f"{name}: {type(error).__name__}: {error}")
            continue
        gc.collect()
        print(f"{name}: {'dropped' if ref() is None else 'kept'}")
        del keep_alive
