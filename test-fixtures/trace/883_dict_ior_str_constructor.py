# dict |= an iterable of pairs, KeyError of tuple keys, list() keywords, str(object, encoding, errors), creating iterator types, str slot wrappers' arity.
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
