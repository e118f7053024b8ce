# Async comprehensions and async generator expressions: `async for` clauses, `await` in the element and in
# conditions, nesting (an inner async comprehension makes the outer one async), and await in the outermost
# iterable (evaluated by the enclosing coroutine).


async def numbers(n):
    for i in range(n):
        yield i


async def double(x):
    return x * 2


async def main():
    print([x async for x in numbers(4)])
    print({x % 2 async for x in numbers(5)})
    print({x: await double(x) async for x in numbers(3)})
    print([await double(x) for x in range(3) if await double(x) > 0])
    print([[y async for y in numbers(x)] for x in range(3)])
    print([x for x in await double(2) * [1]])
    squares = (x * x async for x in numbers(4) if x % 2 == 0)
    print(type(squares).__name__, squares.__qualname__)
    print([s async for s in squares])
    awaited = (await double(x) for x in range(3))
    print([v async for v in awaited])
    pairs = [(a, b) async for a in numbers(2) async for b in numbers(a + 1)]
    print(pairs)
    return 'ok'


def sync_side():
    # An async generator expression may be created outside any async function.
    return (x async for x in numbers(2))


c = main()
try:
    c.send(None)
except StopIteration as stop:
    print(stop.value)
g = sync_side()
print(type(g).__name__)


async def drain():
    return [v async for v in g]

d = drain()
try:
    d.send(None)
except StopIteration as stop:
    print(stop.value)
