# Falling off the end and a bare return both give StopIteration.value None.
def falls_off():
    yield 1


def bare_return(flag):
    yield 1
    if flag:
        return
    yield 2


for g in (falls_off(), bare_return(True), bare_return(False)):
    values = []
    try:
        while True:
            values.append(next(g))
    except StopIteration as e:
        print(values, e.value, e.args)
