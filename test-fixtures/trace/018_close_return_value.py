# Since 3.13 close() returns the generator's return value when it catches GeneratorExit and returns.
def gen():
    total = 0
    try:
        while True:
            total += yield
    except GeneratorExit:
        print("closing with", total)
        return total


g = gen()
next(g)
g.send(3)
g.send(4)
print(g.close())
print(g.close())
