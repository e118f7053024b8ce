# The traceback of an exception thrown into a just-created generator includes the generator's frame.
def f():
    try:
        yield
    except:
        raise


g = f()
try:
    1 / 0
except ZeroDivisionError as v:
    try:
        g.throw(v)
    except Exception as w:
        tb = w.__traceback__
levels = []
while tb:
    levels.append((tb.tb_lineno, tb.tb_frame.f_code.co_name))
    tb = tb.tb_next
print(levels)
