# Qualnames of generators in nested classes, methods and in comprehensions (3.12+ inlines list comprehensions); yield lines in multi-line expressions.
def f():
    return list(x * 2 for x in range(2))


class Outer:
    class Inner:
        def gen(self):
            yield (
                "multi",
                "line",
            )
            x = (
                yield
            )
            yield x

    def method(self):
        def local_gen():
            yield self.__class__.__name__
        return local_gen()


print(f())
g = Outer.Inner().gen()
print(next(g), g.__qualname__)
next(g)
print(g.send("sent"))
print(list(Outer().method()), Outer().method().__qualname__)
gens = [(i for _ in range(1)) for i in range(3)]
print([list(g) for g in gens])
def decorated_lines():
    total = sum(
        v
        for v in range(3)
    )
    yield total
print(list(decorated_lines()))
