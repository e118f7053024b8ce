# An async generator driven by hand: __anext__, asend and the values the awaits produce, traced like a
# generator (each yield with its locals, each resumption with its method).


async def running_total():
    total = 0
    count = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
        count += 1
    print('stopping after', count)


def step(awaitable):
    try:
        awaitable.send(None)
    except StopIteration as stop:
        return stop.value
    except StopAsyncIteration:
        return 'StopAsyncIteration'


g = running_total()
print(step(g.__anext__()))
print(step(g.asend(10)))
print(step(g.asend(5)))
print(step(g.asend(None)))
print(step(g.asend(1)))
print(step(g.__anext__()))


async def pairs(items):
    for i, item in enumerate(items):
        yield i, item


async def collect():
    out = []
    async for i, item in pairs('abc'):
        out.append(f'{i}:{item}')
    return out

c = collect()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)

fresh = running_total()
try:
    fresh.asend(1).send(None)
except TypeError as error:
    print('TypeError', error)
a = g.asend(3)
print(type(a).__name__)
print(step(a))
try:
    a.send(None)
except RuntimeError as error:
    print('RuntimeError', error)
