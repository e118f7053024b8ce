# Nested @contextmanager blocks enter in order and exit in reverse, also on an exception.
from contextlib import contextmanager


@contextmanager
def step(name, log):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"exit {name}")


log = []
with step("a", log) as a, step("b", log) as b:
    log.append(f"body {a}{b}")
try:
    with step("outer", log):
        with step("inner", log):
            raise KeyError("k")
except KeyError:
    log.append("caught")
print(log)
