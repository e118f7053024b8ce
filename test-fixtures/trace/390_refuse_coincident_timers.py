# Refused: periodic tasks whose ticks fall on the same nominal times (0.1, 0.2, 0.3...). On CPython each
# sleep ends a little late, so which tick comes first depends on real time (and differs from run to run).
import asyncio


async def ticker(name, period, count):
    for i in range(count):
        await asyncio.sleep(period)
        print(f'{name} tick {i + 1}')
    return f'{name} finished'


async def main():
    results = await asyncio.gather(
        ticker('fast', 0.05, 6),
        ticker('slow', 0.1, 3),
        ticker('slower', 0.15, 2),
    )
    print(results)


asyncio.run(main())
