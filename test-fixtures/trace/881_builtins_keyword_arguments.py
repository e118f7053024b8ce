# Built-in functions and types and their keyword arguments: those that take none say so, the others name the keyword they do not know (they used to ignore it).
for f in [lambda: tuple(x=1), lambda: set(x=1), lambda: frozenset(x=1), lambda: range(x=1), lambda: enumerate([], x=1), lambda: reversed([], x=1), lambda: zip(x=1), lambda: map(x=1), lambda: filter(x=1), lambda: bool(x=1), lambda: int(x=1), lambda: float(x=1), lambda: object(x=1), lambda: slice(x=1), lambda: len(obj=[]), lambda: abs(x=1), lambda: sorted([], x=1), lambda: min([1], x=1), lambda: repr(obj=1), lambda: hash(obj=1), lambda: any(iterable=[]), lambda: ord(c='a'), lambda: chr(i=97)]:
    try:
        print(repr(f()))
    except TypeError as e:
        print(e)
for f in [lambda: print(x=1), lambda: pow(base=2, exp=3), lambda: pow(2, 3, x=1), lambda: max([1], key=None, x=1), lambda: sorted([], reverse=False, x=1), lambda: zip([], strict=False, x=1), lambda: list(enumerate(iterable=[1], start=2)), lambda: format(1, format_spec='x'), lambda: dir(x=1), lambda: divmod(x=1), lambda: next(x=1), lambda: isinstance(x=1), lambda: input(prompt=''), lambda: min(1, 2, default=0), lambda: list(zip([1], strict=True)), lambda: enumerate([], x=1), lambda: sorted([2, 1], key=None, reverse=True), lambda: pow(2, exp=3, mod=5), lambda: max([], default=7)]:
    try: print(repr(f()))
    except (TypeError, ValueError) as e: print(e)
for f in [lambda: int(x=1), lambda: int('1', base=2, x=1), lambda: int('1', 2, base=2), lambda: int(1,2,3), lambda: int(base=2), lambda: int('11', base=2), lambda: slice(1, x=2), lambda: range(3, x=1), lambda: float(x=1.0), lambda: tuple([1], x=1), lambda: bool(x=1)]:
    try: print(repr(f()))
    except TypeError as e: print(e)
