# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `17-it-generator/sentence_iter2.py` with its doctests and those of `17-it-generator/sentence.rst`.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
"""
Sentence: iterate over words using the Iterator Pattern, take #2

WARNING: the Iterator Pattern is much simpler in idiomatic Python;
see: sentence_gen*.py.
"""

import re
import reprlib

RE_WORD = re.compile(r'\w+')


class Sentence:

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return f'Sentence({reprlib.repr(self.text)})'

    def __iter__(self):
        word_iter = RE_WORD.finditer(self.text)  # <1>
        return SentenceIter(word_iter)  # <2>


class SentenceIter:

    def __init__(self, word_iter):
        self.word_iter = word_iter  # <3>

    def __next__(self):
        match = next(self.word_iter)  # <4>
        return match.group()  # <5>

    def __iter__(self):
        return self


# ---- driver: the doctests
print("--- example 1")
try:
    s = Sentence('The time has come')
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 2")
try:
    _value = s
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 3")
try:
    _value = list(s)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 4")
try:
    it = iter(s)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 5")
try:
    _value = next(it)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 6")
try:
    _value = next(it)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 7")
try:
    _value = next(it)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 8")
try:
    _value = next(it)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 9")
try:
    _value = next(it)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 10")
try:
    s = Sentence('"The time has come," the Walrus said,')
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 11")
try:
    _value = s
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 12")
try:
    _value = list(s)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 13")
try:
    s = Sentence('"The time has come," the Walrus said,\n                "To talk of many things:"')
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 14")
try:
    _value = s
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 15")
try:
    _value = list(s)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 16")
try:
    s = Sentence('Agora vou-me. Ou me vão?')
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 17")
try:
    _value = s
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 18")
try:
    _value = list(s)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
