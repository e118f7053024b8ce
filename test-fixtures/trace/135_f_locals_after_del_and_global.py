# f_locals after `del` of a local, and a generator updating a global.
def gen():
    x = 1
    y = 2
    yield
    del x
    yield


g = gen()
next(g)
print(g.gi_frame.f_locals)
next(g)
print(g.gi_frame.f_locals)
counter = 0


def glob():
    global counter
    while True:
        counter += 1
        yield counter


h = glob()
next(h)
next(h)
print(counter)
