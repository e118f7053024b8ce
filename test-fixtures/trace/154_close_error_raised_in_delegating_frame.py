# close() on a delegating generator whose subgenerator ignores GeneratorExit: the RuntimeError is raised inside
# the delegating frame at its yield from (it resumes and may catch it), and close() then returns normally.
def sub():
    try:
        yield 1
    finally:
        print("sub finally, yielding again")
        yield 2


def gen():
    try:
        yield from sub()
    except RuntimeError as e:
        print("gen caught", e)
    print("gen after")


g = gen()
print(next(g))
print("close returns", g.close())
