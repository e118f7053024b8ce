# gi_frame exists while the generator can still run and is None once it finished.
def gen(a):
    b = a + 1
    yield b
    c = b * 2
    yield c


g = gen(1)
print(g.gi_frame is not None, g.gi_frame.f_lineno)
print(g.gi_frame.f_locals)
next(g)
print(g.gi_frame.f_lineno, g.gi_frame.f_locals)
next(g)
print(g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals.items()))
print(g.gi_frame.f_code.co_name)
for _ in g:
    pass
print(g.gi_frame)
