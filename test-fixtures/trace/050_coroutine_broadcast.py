# A push pipeline of coroutines: a source sends into a filter that sends into sinks.
def sink(name, results):
    while True:
        item = yield
        results.append(f"{name}:{item}")


def only_even(target):
    while True:
        item = yield
        if item % 2 == 0:
            target.send(item)


def broadcast(targets):
    while True:
        item = yield
        for target in targets:
            target.send(item)


results = []
a = sink("a", results)
b = sink("b", results)
next(a)
next(b)
f = only_even(b)
next(f)
bc = broadcast([a, f])
next(bc)
for n in range(5):
    bc.send(n)
print(results)
for c in (bc, f, a, b):
    c.close()
