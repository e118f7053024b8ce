# __qualname__ of what a generator expression holds: a genexpr is a comprehension scope, so a genexpr,
# lambda or comprehension nested in it has no <locals> step (f.<locals>.<genexpr>.<genexpr>).
def f(seqs):
    return (tuple(x for x in s) for s in seqs)
g = f([[1]])
inner = next(g)
print(inner)
def show(o):
    print(o.__qualname__)
def h():
    gen = (lambda: 1 for _ in range(1))
    lam = next(gen)
    show(lam)
    show((y for y in [lambda: 2]))
    g2 = ((z for z in range(2)) for _ in range(1))
    show(next(g2))
    show([(w for w in range(1)) for _ in range(1)][0])
    show([lambda: 3 for _ in range(1)][0])
    class C:
        def m(self):
            return (k for k in range(1))
        gen = (j for j in range(1))
    show(C)
    show(C.m)
    show(C().m())
    show(C.gen)
    show(lambda: (q for q in ()))
    show((lambda: (q for q in ()))())
    def inner2():
        return (v for v in ())
    show(inner2())
    return (((lambda: 0) for _ in [1]) for _ in [1])
show(next(next(h()))) 
show((lambda: (a for a in ()))())
show(next(x for x in [lambda: 0]))
class D:
    show((x for x in ()))
    show(lambda: 0)
    class E:
        show(lambda: 0)
        show([lambda: 0 for _ in [1]][0])
def make(cls=None):
    for t in ((lambda: 0),):
        show(t)
make()
