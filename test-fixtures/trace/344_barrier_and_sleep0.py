# sleep(0) hands the loop to the others for one iteration (a ping-pong between tasks), sleep returns its
# result argument, and a Barrier lets its parties through together (the last to arrive gets index 2).
import asyncio


async def ping_pong(name, rounds, log):
    for i in range(rounds):
        log.append(f'{name}{i}')
        await asyncio.sleep(0)


async def party(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, 'arrives, waiting:', barrier.n_waiting)
    index = await barrier.wait()
    print(name, 'passes with index', index)


async def main():
    log = []
    await asyncio.gather(ping_pong('a', 3, log), ping_pong('b', 2, log), ping_pong('c', 3, log))
    print(log)
    print(await asyncio.sleep(0, result='r0'), await asyncio.sleep(0.01, result='r1'))
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.broken, repr(barrier).split(' [')[1])
    await asyncio.gather(party(barrier, 'x', 0.03), party(barrier, 'y', 0.01), party(barrier, 'z', 0.02))
    try:
        await asyncio.sleep(float('nan'))
    except ValueError as error:
        print(error)
    return 'done'


print(asyncio.run(main()))
