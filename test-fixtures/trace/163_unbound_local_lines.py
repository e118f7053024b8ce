# UnboundLocalError names the right local and line when two locals load together (`a + b` over two lines).
def f(flag):
    if flag:
        b = 2
    a = 1
    return (a +
            b)
try:
    f(False)
except UnboundLocalError as e:
    print(e, e.__traceback__.tb_next.tb_lineno)
def g(flag):
    if flag:
        a = 1
    b = 2
    return (a +
            b)
try:
    g(False)
except UnboundLocalError as e:
    print(e, e.__traceback__.tb_next.tb_lineno)
