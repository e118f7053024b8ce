# Generators held only by a dict or list subclass instance (its attributes or its storage) stay alive as long
# as the instance does and are finalized when it goes; dict.__eq__ called explicitly on a subclass that
# overrides __eq__. (No weakref here: importing weakref in a snippet before 954 makes 954 refuse, an
# order dependence of the differential run that predates dict subclasses.)


def g(name):
    try:
        yield name + '1'
        yield name + '2'
    finally:
        print('closed', name)


class Holder(dict):
    pass


class Bag(list):
    pass


h = Holder()
h.gen = g('attr')
h['k'] = g('item')
b = Bag([g('bag')])
print(next(h.gen), next(h['k']), next(b[0]))
print(next(h.gen), next(h['k']), next(b[0]))
h = Holder()
h.gen = g('again')
print(next(h.gen))
del h
print('after del')
b = None
print('after rebind')


class Ordered(dict):
    def __eq__(self, other):
        print('Ordered.__eq__')
        return dict.__eq__(self, other) and list(self) == list(other)

    __hash__ = None


print(Ordered(a=1, b=2) == {'b': 2, 'a': 1}, Ordered(a=1) == Ordered(a=1))
print(dict.__eq__(Ordered(a=1), {'a': 1}), dict.__ne__(Ordered(a=1), {'a': 2}), dict.__eq__({}, 1))
