"""Ordinary functions that let StopIteration out, and some that do not (GEN004 across modules)."""


def first(items):
    # Unguarded: on an empty iterable StopIteration leaves this function.
    return next(iter(items))


def head_or_none(items):
    return next(iter(items), None)


def guarded_first(items):
    try:
        return next(iter(items))
    except StopIteration:
        return None


def stop():
    raise StopIteration


def _swallowing(function):
    def wrapper(*args):
        try:
            return function(*args)
        except StopIteration:
            return None
    return wrapper


@_swallowing
def decorated_first(items):
    # The decorator catches StopIteration: calling this cannot raise it.
    return next(iter(items))


def counter_head():
    import itertools
    return next(itertools.count())


class Reader:
    def peek(self, items):
        # A method: calls through an instance are not followed across modules.
        return next(iter(items))


def gen_helper(items):
    # A generator: calling it makes a generator object, it raises nothing itself.
    yield next(iter(items))  # error: [stop-iteration-leak]
