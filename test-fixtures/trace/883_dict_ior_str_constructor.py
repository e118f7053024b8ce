# dict |= an iterable of pairs, KeyError of tuple keys, list() keywords, str(object, encoding, errors), creating iterator types, str slot wrappers' arity. Methods of list, dict, set, tuple and str with too few or too many arguments (extra ones were ignored). int and float methods too.
d = {}
for k in [(1,), (1, 2), 1, ()]:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), str(e), e.args)
try:
    {}.pop((1,))
except KeyError as e:
    print(repr(e), e.args)
try:
    del d[(3,)]
except KeyError as e:
    print(repr(e), e.args)
try:
    set().remove((1,))
except KeyError as e:
    print(repr(e), e.args)
from collections import defaultdict, OrderedDict, Counter
try:
    OrderedDict()[(1,)]
except KeyError as e:
    print(repr(e))
d = {0: 0}
d |= [(1, 1), (2, 2)]
print(d)
try:
    d |= [1]
except TypeError as e:
    print(e)
try:
    d | [(3, 3)]
except TypeError as e:
    print(e)
try:
    list(x=1)
except TypeError as e:
    print(e)
print(str(object='foo'), str(b'\xc2\xa2', 'utf-8'), str(b'ab', encoding='ascii'), str(object=b'x', errors='strict'))
try:
    type(iter('abc'))()
except TypeError as e:
    print(e)
try:
    type(iter([]))()
except TypeError as e:
    print(e)
try:
    'a'.__contains__()
except TypeError as e:
    print(e)
for f in [lambda: 'a'.__len__(1), lambda: 'a'.__add__(), lambda: 'a'.__eq__('a', 'b'), lambda: 'ab'.__getitem__(1), lambda: 'a'.__mul__(3), lambda: 'a'.__hash__() == hash('a'), lambda: 'a'.__iter__(2)]:
    try: print(repr(f()))
    except TypeError as e: print(e)
cases = [([], 'append', ()), ([], 'append', (1, 2)), ([1], 'pop', (0, 1)), ([], 'clear', (1,)), ([], 'copy', (1,)), ([1], 'count', ()), ([], 'extend', ()), ([], 'insert', (1,)), ([1], 'remove', ()), ([], 'reverse', (1,)), ([], 'sort', (1,)),
         ({}, 'get', ()), ({}, 'get', (1, 2, 3)), ({}, 'keys', (1,)), ({}, 'items', (1,)), ({}, 'values', (1,)), ({}, 'pop', ()), ({}, 'popitem', (1,)), ({}, 'setdefault', ()), ({}, 'clear', (1,)), ({}, 'copy', (1,)), ({}, 'update', (1, 2)),
         (set(), 'add', ()), (set(), 'add', (1, 2)), ({1}, 'pop', (1,)), (set(), 'remove', ()), (set(), 'discard', ()), (set(), 'clear', (1,)), (set(), 'copy', (1,)), (set(), 'isdisjoint', ()), (set(), 'issubset', ()),
         ((), 'count', ()), ((), 'index', ()), ('', 'upper', (1,)), ('', 'split', (1, 2, 3)), ('', 'join', ()), ('', 'strip', (1, 2)), ('', 'replace', ('a',)), ('', 'center', ()), ('', 'zfill', ()), ('', 'partition', ()), ('', 'startswith', ()), ('', 'isdigit', (1,)), ('', 'format_map', ()), ('', 'expandtabs', (1, 2)), ('', 'splitlines', (1, 2)), ('', 'casefold', (1,)), ('', 'title', (1,))]
for obj, name, args in cases:
    try:
        getattr(obj, name)(*args)
        print(type(obj).__name__, name, 'ok')
    except Exception as e:
        print(type(obj).__name__, name, type(e).__name__, e)
for f in [lambda: (1).bit_length(2), lambda: (1.5).is_integer(1), lambda: (1).to_bytes(1, "big", 1), lambda: (1).__index__(2), lambda: (1).conjugate(1), lambda: (1.5).as_integer_ratio(0)]:
    try: print(f())
    except TypeError as e: print(e)
