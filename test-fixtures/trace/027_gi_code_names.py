# Names of a generator and its code object, including nested and method qualnames.
def outer():
    def inner():
        yield 1
    return inner()


class Box:
    def items(self):
        yield self


g = outer()
print(g.__name__, g.__qualname__)
print(g.gi_code.co_name, g.gi_code.co_qualname)
b = Box().items()
print(b.__name__, b.__qualname__)
e = (x for x in "ab")
print(e.__name__, e.__qualname__, e.gi_code.co_name)
print(type(g).__name__, type(g) is type(e))
