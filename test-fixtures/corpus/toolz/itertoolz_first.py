# From toolz (github.com/pytoolz/toolz @ 568c2b839397), toolz/itertoolz.py: `first` and its doctest examples.
# Licence: BSD-3-Clause, Copyright (c) 2013 Matthew Rocklin.

def first(seq):
    """ The first element in a sequence

    >>> first('ABC')
    'A'
    """
    return next(iter(seq))

print("--- example 1")
try:
    _value = (first('ABC'))
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
