# copy.copy and copy.deepcopy of dict and list subclasses, as copyreg's reduction rebuilds them: cls.__new__,
# the instance __dict__ (copied first), then y[key] = value / y.append(item), so overrides run; a list
# subclass holding itself, a __copy__ of its own, and a __setstate__.
import copy


class Logged(dict):
    def __setitem__(self, k, v):
        print('set', k)
        super().__setitem__(k, v)


class Appending(list):
    def append(self, x):
        print('append', x)
        super().append(x)


class Own(list):
    def __copy__(self):
        return 'own copy'


class State(dict):
    def __setstate__(self, state):
        print('setstate', sorted(state))
        self.__dict__.update(state, restored=True)


def copies():
    d = Logged(a=[1])
    d.meta = {'m': [0]}
    for f in (copy.copy, copy.deepcopy):
        c = f(d)
        yield type(c).__name__, c, c.meta, c['a'] is d['a'], c.meta is d.meta
    a = Appending([[1], [2]])
    a.append(a)
    c = copy.deepcopy(a)
    yield len(c), c[2] is c, c[0] is a[0], type(c[2]).__name__
    yield copy.copy(Own()), copy.deepcopy(Own([1]))
    s = State(k=1)
    s.x = 5
    c = copy.copy(s)
    yield c, vars(c)


for row in copies():
    print(row)
