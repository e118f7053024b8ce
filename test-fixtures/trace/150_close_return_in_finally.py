# close() returns a value returned from finally, and None after a bare return on GeneratorExit.
def gen():
    try:
        yield 1
    finally:
        return "from finally"
g = gen()
next(g)
print(g.close())
def gen2():
    try:
        yield 1
    except GeneratorExit:
        return
g = gen2()
next(g)
print(g.close())
