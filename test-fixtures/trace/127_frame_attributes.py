# Function, code and frame attributes reachable from a generator.
def gen():
    yield 1
g = gen()
print(type(g).__name__, type(gen).__name__, callable(gen), isinstance(g, object))
print(gen.__name__, gen.__qualname__, gen.__code__.co_name)
print(str(g.gi_code).split(" at ")[0], g.gi_code.co_firstlineno, g.gi_code.co_filename)
print(g.gi_frame.f_code is g.gi_code, g.gi_frame.f_back)
next(g)
print(g.gi_frame.f_back, g.gi_frame.f_lineno)
