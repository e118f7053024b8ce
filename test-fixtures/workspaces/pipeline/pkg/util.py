"""Priming helpers: a decorator and a factory that advance a generator to its first yield."""

import functools


def coroutine(func):
    @functools.wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start


def started(factory, *args):
    gen = factory(*args)
    gen.send(None)
    return gen
