# gi_running is True only while the generator's frame executes.
def gen():
    print("running inside:", g.gi_running)
    yield 1
    print("running again:", g.gi_running)
    yield 2


g = gen()
print(g.gi_running)
print(next(g))
print(g.gi_running)
print(next(g))
print(g.gi_running)
g.close()
print(g.gi_running)
