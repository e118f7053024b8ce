# throw(GeneratorExit) is not close(): a generator may catch it and yield again.
def gen():
    for _ in range(2):
        try:
            yield "waiting"
        except GeneratorExit:
            print("caught GeneratorExit")
            yield "still alive"


g = gen()
print(next(g))
print(g.throw(GeneratorExit))
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(g, "finished"))
