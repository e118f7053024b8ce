# From PEP 525 (Asynchronous Generators; Selivanov): the ticker async generator and the square_series example (with stand-ins for its connection), async comprehensions, asend/athrow/aclose, aclosing.
# Licence: public domain.
import asyncio
from contextlib import aclosing

async def ticker(delay, to):
    """Yield numbers from 0 to *to* every *delay* seconds."""
    for i in range(to):
        yield i
        await asyncio.sleep(delay)

async def run():
    async for i in ticker(0.01, 5):
        print(i)
    print([i async for i in ticker(0, 4) if i % 2])

async def square_series(con, to):
    async with con.transaction():
        cursor = con.cursor(
            'SELECT generate_series(0, $1) AS i', to)
        async for row in cursor:
            yield row['i'] ** 2

class Transaction:
    async def __aenter__(self):
        print("BEGIN")
    async def __aexit__(self, *exc):
        print("COMMIT" if exc[0] is None else "ROLLBACK")

class Cursor:
    def __init__(self, query, to):
        self.rows = [{'i': i} for i in range(to + 1)]
    def __aiter__(self):
        return self
    async def __anext__(self):
        await asyncio.sleep(0)
        if not self.rows:
            raise StopAsyncIteration
        return self.rows.pop(0)

class Connection:
    def transaction(self):
        return Transaction()
    def cursor(self, query, to):
        return Cursor(query, to)

async def gen():
    try:
        while True:
            received = yield "ready"
            print("received", received)
    except ValueError as e:
        print("thrown in:", e)
        yield "recovered"
    finally:
        print("gen finalised")

async def main():
    await run()
    async for sq in square_series(Connection(), 3):
        print("square", sq)
    g = gen()
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.athrow(ValueError("bad")))
    await g.aclose()
    async with aclosing(ticker(0, 10)) as t:
        async for i in t:
            if i == 2:
                break
            print("tick", i)
    print(type(ticker(0, 1)).__name__, ticker.__name__)

asyncio.run(main())
