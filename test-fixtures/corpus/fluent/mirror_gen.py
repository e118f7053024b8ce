# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `18-with-match/mirror_gen.py` with its doctests.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
"""
A "mirroring" ``stdout`` context manager.

While active, the context manager reverses text output to
``stdout``::

# tag::MIRROR_GEN_DEMO_1[]

    >>> from mirror_gen import looking_glass
    >>> with looking_glass() as what:  # <1>
    ...      print('Alice, Kitty and Snowdrop')
    ...      print(what)
    ...
    pordwonS dna yttiK ,ecilA
    YKCOWREBBAJ
    >>> what
    'JABBERWOCKY'
    >>> print('back to normal')
    back to normal


# end::MIRROR_GEN_DEMO_1[]


This exposes the context manager operation::

# tag::MIRROR_GEN_DEMO_2[]

    >>> from mirror_gen import looking_glass
    >>> manager = looking_glass()  # <1>
    >>> manager  # doctest: +ELLIPSIS
    <contextlib._GeneratorContextManager object at 0x...>
    >>> monster = manager.__enter__()  # <2>
    >>> monster == 'JABBERWOCKY'  # <3>
    eurT
    >>> monster
    'YKCOWREBBAJ'
    >>> manager  # doctest: +ELLIPSIS
    >...x0 ta tcejbo reganaMtxetnoCrotareneG_.biltxetnoc<
    >>> manager.__exit__(None, None, None)  # <4>
    False
    >>> monster
    'JABBERWOCKY'

# end::MIRROR_GEN_DEMO_2[]

The decorated generator also works as a decorator:


# tag::MIRROR_GEN_DECO[]
    >>> @looking_glass()
    ... def verse():
    ...     print('The time has come')
    ...
    >>> verse()  # <1>
    emoc sah emit ehT
    >>> print('back to normal')  # <2>
    back to normal

# end::MIRROR_GEN_DECO[]

"""


# tag::MIRROR_GEN_EX[]
import contextlib
import sys

@contextlib.contextmanager  # <1>
def looking_glass():
    original_write = sys.stdout.write  # <2>

    def reverse_write(text):  # <3>
        original_write(text[::-1])

    sys.stdout.write = reverse_write  # <4>
    yield 'JABBERWOCKY'  # <5>
    sys.stdout.write = original_write  # <6>
# end::MIRROR_GEN_EX[]


# ---- driver: the doctests
print("--- example 1")
print("--- example 2")
try:
    with looking_glass() as what:
        _value = print('Alice, Kitty and Snowdrop')
        if _value is not None:
            print(repr(_value))
        _value = print(what)
        if _value is not None:
            print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 3")
try:
    _value = what
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 4")
try:
    _value = print('back to normal')
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 5")
print("--- example 6")
try:
    manager = looking_glass()
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 7")
try:
    _value = manager
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 8")
try:
    monster = manager.__enter__()
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 9")
try:
    _value = monster == 'JABBERWOCKY'
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 10")
try:
    _value = monster
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 11")
try:
    _value = manager
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 12")
try:
    _value = manager.__exit__(None, None, None)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 13")
try:
    _value = monster
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 14")
try:
    @looking_glass()
    def verse():
        print('The time has come')
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 15")
try:
    _value = verse()
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 16")
try:
    _value = print('back to normal')
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
