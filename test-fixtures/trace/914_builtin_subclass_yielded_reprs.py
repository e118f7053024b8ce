# Generators yielding and returning instances of dict and list subclasses: the trace shows them by their class's
# __repr__ when it has one and by dict's/list's repr otherwise; locals holding them, mutated between yields.
class Tagged(list):
    def __repr__(self):
        return f'Tagged{list.__repr__(self)}'


class Env(dict):
    pass


def build():
    t = Tagged()
    e = Env()
    for i in range(3):
        t.append(i)
        e[str(i)] = t[:]
        yield t
        yield e
    return Env(done=t)


g = build()
print([repr(x) for x in g])
try:
    next(g)
except StopIteration as stop:
    print(stop.value, type(stop.value))
