# copy.copy of a dict subclass with its own __reduce__ (as the pure-Python OrderedDict has): CPython runs the
# reduce protocol with what __reduce__ returns, which the runtime's copy does not; it refuses rather than
# rebuild the copy its own way.
import copy


class Reducing(dict):
    def __reduce__(self):
        print('reduce')
        return (self.__class__, (), None, None, iter(sorted(self.items())))


def gen():
    r = Reducing(b=2, a=1)
    c = copy.copy(r)
    yield type(c).__name__, list(c)


print(list(gen()))
