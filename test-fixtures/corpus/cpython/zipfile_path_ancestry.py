# From CPython 3.13.0, Lib/zipfile/_path/__init__.py: _parents, _ancestry, _difference and _implied_dirs (CompleteDirs's, unbound), with their doctest examples as a driver.
# Licence: PSF-2.0.
import itertools
import posixpath
import contextlib
def _parents(path):
    """
    Given a path with elements separated by
    posixpath.sep, generate all parents of that path.

    >>> list(_parents('b/d'))
    ['b']
    >>> list(_parents('/b/d/'))
    ['/b']
    >>> list(_parents('b/d/f/'))
    ['b/d', 'b']
    >>> list(_parents('b'))
    []
    >>> list(_parents(''))
    []
    """
    return itertools.islice(_ancestry(path), 1, None)


def _ancestry(path):
    """
    Given a path with elements separated by
    posixpath.sep, generate all elements of that path.

    >>> list(_ancestry('b/d'))
    ['b/d', 'b']
    >>> list(_ancestry('/b/d/'))
    ['/b/d', '/b']
    >>> list(_ancestry('b/d/f/'))
    ['b/d/f', 'b/d', 'b']
    >>> list(_ancestry('b'))
    ['b']
    >>> list(_ancestry(''))
    []

    Multiple separators are treated like a single.

    >>> list(_ancestry('//b//d///f//'))
    ['//b//d///f', '//b//d', '//b']
    """
    path = path.rstrip(posixpath.sep)
    while path.rstrip(posixpath.sep):
        yield path
        path, tail = posixpath.split(path)


_dedupe = dict.fromkeys
"""Deduplicate an iterable in original order"""


def _difference(minuend, subtrahend):
    """
    Return items in minuend not in subtrahend, retaining order
    with O(1) lookup.
    """
    return itertools.filterfalse(set(subtrahend).__contains__, minuend)


def _implied_dirs(names):
    parents = itertools.chain.from_iterable(map(_parents, names))
    as_dirs = (p + posixpath.sep for p in parents)
    return _dedupe(_difference(as_dirs, names))


for p in ['b/d', '/b/d/', 'b/d/f/', 'b', '', '//b//d///f//']:
    print(repr(p), list(_ancestry(p)), list(_parents(p)))
print(list(_difference(['a', 'b', 'c'], ['b'])))
print(list(_implied_dirs(['a/b/c.txt', 'a/b/d.txt', 'a/e/', 'f.txt'])))
