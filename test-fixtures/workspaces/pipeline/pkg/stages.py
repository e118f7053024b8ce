"""Pipeline stages: plain generator functions, one primed by a decorator from another module."""

from .util import coroutine


def collector(results):
    while True:
        item = yield
        results.append(item)


@coroutine
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)


def make_collector(results):
    return collector(results)


def not_a_generator(results):
    return results
