# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `17-it-generator/iter_gen_type.py`, with a driver of this project's (the file shows only `reveal_type` for Mypy) printing the two generators' types and items.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
from collections.abc import Iterator
from keyword import kwlist
from typing import TYPE_CHECKING

short_kw = (k for k in kwlist if len(k) < 5)  # <1>

if TYPE_CHECKING:
    reveal_type(short_kw)  # <2>

long_kw: Iterator[str] = (k for k in kwlist if len(k) >= 4)  # <3>

if TYPE_CHECKING:  # <4>
    reveal_type(long_kw)


# ---- driver (this project's)
print(type(short_kw).__name__, type(long_kw).__name__)
print(list(short_kw))
print(list(long_kw))
print(list(short_kw), next(long_kw, None))
