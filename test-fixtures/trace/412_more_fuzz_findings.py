# More fuzz findings: bool & | ^ bool is a bool; float ** that overflows is OverflowError(34, ...); round()'s
# ndigits must be an integer; str.isupper/islower by Unicode case; sequence * float's message; list.append
# through the type is a method_descriptor that checks its first argument.
print(True ^ False, True & True, False | False, True ^ 1, True + True, False ^ False, type(True & False).__name__)
b = True
b ^= True
print(b, (1 == 1) | (2 == 3))
for a, e in [(-2.5, 1e300), (10.0, 400), (2, 1e4), (1e200, 2), (-10.0, 401)]:
    try:
        print(a ** e)
    except OverflowError as x:
        print(repr(x), x.args, x)
print(1e308 * 10, 10.0 ** -400, 2.0 ** 0.5)
for nd in ['A b', 1.5, None, [], 2]:
    try:
        print(round(-1, nd), round(2.675, nd))
    except TypeError as e:
        print('TypeError', e)
print('İ'.isupper(), 'ǅ'.isupper(), 'ǅ'.islower(), 'ß'.islower(), 'Σ'.isupper(), 'ª'.islower(), '1'.isupper(), 'aB'.islower(), 'ﬀ'.islower())
for f in [lambda: float('nan') * (1,), lambda: (1,) * 2.5, lambda: 'a' * 1.5, lambda: 1.5 * [1]]:
    try:
        f()
    except TypeError as e:
        print(e)
for f in [lambda: set.pop(), lambda: set.pop(1), lambda: str.upper(3), lambda: list.append([])]:
    try:
        print(f())
    except TypeError as e:
        print(e)
print(list.append is list.append, list.append, str.upper('a'), dict.get({1: 2}, 1), list.append.__doc__, list.append.__objclass__)
for v, n in [((1,), {1, 2}), (1.5, 'x'), ('a', None)]:
    try:
        print(round(v, n))
    except TypeError as e:
        print(e)
