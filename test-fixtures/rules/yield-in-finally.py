# Fixture for GEN002 yield-in-finally (being written).


def yields_in_finally():
    try:
        yield 1
    finally:
        yield 2  # error: [yield-in-finally]
