# A subclass of dict with __slots__: CPython gives it member descriptors and no __dict__ on top of the dict's
# storage, which the runtime's subclass instances do not model, so it refuses rather than guess.
class Slotted(dict):
    __slots__ = ('tag',)


def gen():
    s = Slotted(a=1)
    s.tag = 'x'
    yield s, s.tag
    try:
        s.other = 1
    except AttributeError as e:
        yield str(e)


print(list(gen()))
