# A subclass of list with a __hash__ of its own is hashable in CPython (a dict key, a set member); the runtime
# keeps list storage unhashable, so it refuses the class rather than answer for its instances.
class Key(list):
    def __hash__(self):
        return hash(tuple(self))


def gen():
    k = Key([1, 2])
    yield hash(k) == hash((1, 2))
    yield {k: 'v'}[Key([1, 2])]


print(list(gen()))
