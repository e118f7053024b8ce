# Generators created by a factory capture their own cell values (late binding in a loop).
def make_gens():
    gens = []
    for n in range(3):
        def gen(n=n):
            yield n
            yield n * 10
        gens.append(gen)
    late = []
    for n in range(3):
        late.append(lambda: (yield n))
    return gens, late


gens, late = make_gens()
print([list(g()) for g in gens])
print([list(f()) for f in late])
print(late[0]().__qualname__)
