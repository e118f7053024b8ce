# yield from a list: next() works, send(non-None) fails because list_iterator has no send().
def over_list():
    got = yield from [1, 2, 3]
    print("got", got)
    yield "end"


g = over_list()
print(next(g))
print(g.send(None))
try:
    g.send("x")
except AttributeError as e:
    print(type(e).__name__, e)
print(list(over_list()))
