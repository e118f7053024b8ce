# types: SimpleNamespace (repr, equality, mapping and keyword construction, attribute changes), the type names,
# and isinstance against GeneratorType/FunctionType.
import types


def gen():
    yield 1


n = types.SimpleNamespace(a=1, b='x')
print(n, repr(types.SimpleNamespace()), n == types.SimpleNamespace(b='x', a=1), types.SimpleNamespace({'z': 1}, y=2))
print(type(n), types.NoneType, n != types.SimpleNamespace(a=2))
n.c = 3
del n.a
print(n, vars(n), n.b, hasattr(n, 'a'))
print(isinstance(gen(), types.GeneratorType), isinstance(gen, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
for bad in (lambda: types.SimpleNamespace(1), lambda: types.SimpleNamespace({1: 2})):
    try:
        bad()
    except TypeError as e:
        print(e)


def records():
    for i in range(3):
        yield types.SimpleNamespace(id=i, square=i * i)


print([r.square for r in records()], sorted(records(), key=lambda r: -r.id)[0])
