# CPython's messages name a module's C types by tp_name ('itertools.count', 'collections.deque'), its
# Python classes by __name__ ('Counter'); type() of an itertools iterator is that module's class.
import collections, functools, itertools, operator

def gen():
    yield from [itertools.count(), collections.deque([1]), collections.defaultdict(int),
                collections.OrderedDict(), collections.Counter(), functools.partial(print),
                operator.itemgetter(0), itertools.chain(), itertools.islice([], 1)]

for obj in gen():
    print(type(obj), type(obj).__module__, type(obj).__qualname__)
    for attempt in (lambda: obj.nope, lambda: len(obj), lambda: obj + 1,
                    lambda: obj[0], lambda: format(obj, 'd'), lambda: obj < obj):
        try:
            attempt()
        except Exception as error:
            print(' ', type(error).__name__, error)

for obj in (collections.deque(), collections.defaultdict(), collections.OrderedDict(), collections.Counter()):
    try:
        hash(obj)
    except TypeError as error:
        print(error)
