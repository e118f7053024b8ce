"""A priming decorator: the generator it returns is already started."""

import functools


def coroutine(func):
    @functools.wraps(func)
    def start(*args, **kwargs):
        generator = func(*args, **kwargs)
        next(generator)
        return generator
    return start
