"""Star-exported by the package: `from .extra import *` in `pkg/__init__.py`."""


def tally():
    count = 0
    while True:
        count += yield count


def _private_tally():
    while True:
        yield
