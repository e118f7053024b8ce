# From Pygments 2.18.0 (as vendored in pip 24.2, pip/_vendor/pygments/filter.py): `apply_filters`, `simplefilter`, `Filter`, `FunctionFilter`, as written, with a driver that chains token filters.
# Licence: BSD-2-Clause, Copyright 2006-2024 by the Pygments team.
def apply_filters(stream, filters, lexer=None):
    """
    Use this method to apply an iterable of filters to
    a stream. If lexer is given it's forwarded to the
    filter, otherwise the filter receives `None`.
    """
    def _apply(filter_, stream):
        yield from filter_.filter(lexer, stream)
    for filter_ in filters:
        stream = _apply(filter_, stream)
    return stream

def simplefilter(f):
    """
    Decorator that converts a function into a filter::

        @simplefilter
        def lowercase(self, lexer, stream, options):
            for ttype, value in stream:
                yield ttype, value.lower()
    """
    return type(f.__name__, (FunctionFilter,), {
        '__module__': getattr(f, '__module__'),
        '__doc__': f.__doc__,
        'function': f,
    })

class Filter:
    """
    Default filter. Subclass this class or use the `simplefilter`
    decorator to create own filters.
    """

    def __init__(self, **options):
        self.options = options

    def filter(self, lexer, stream):
        raise NotImplementedError()

class FunctionFilter(Filter):
    """
    Abstract class used by `simplefilter` to create simple
    function filters on the fly. The `simplefilter` decorator
    automatically creates subclasses of this class for
    functions passed to it.
    """
    function = None

    def __init__(self, **options):
        if not hasattr(self, 'function'):
            raise TypeError(f'{self.__class__.__name__!r} used without bound function')
        Filter.__init__(self, **options)

    def filter(self, lexer, stream):
        # pylint: disable=not-callable
        yield from self.function(lexer, stream, self.options)


@simplefilter
def uppercase(self, lexer, stream, options):
    for ttype, value in stream:
        yield ttype, value.upper() if ttype == 'Name' else value

@simplefilter
def drop_space(self, lexer, stream, options):
    for ttype, value in stream:
        if ttype != 'Space' or options.get('keep'):
            yield ttype, value

class NumberDoubler(Filter):
    def filter(self, lexer, stream):
        for ttype, value in stream:
            if ttype == 'Number':
                yield ttype, value
                yield ttype, value
            else:
                yield ttype, value

tokens = [('Name', 'x'), ('Space', ' '), ('Op', '='), ('Space', ' '), ('Number', '42'), ('Name', 'y')]
print(list(apply_filters(iter(tokens), [])))
print(list(apply_filters(iter(tokens), [uppercase(), drop_space()])))
print(list(apply_filters(iter(tokens), [drop_space(keep=True), NumberDoubler(), uppercase()], lexer='lexer')))
print(uppercase.__name__, type(uppercase()).__name__, drop_space(keep=1).options)
stream = apply_filters(iter(tokens), [NumberDoubler()])
print(next(stream), next(stream))
try:
    FunctionFilter()
except TypeError as e:
    print('TypeError', e)
