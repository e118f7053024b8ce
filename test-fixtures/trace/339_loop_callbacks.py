# The loop's own scheduling: call_soon callbacks run FIFO within an iteration and what they schedule runs in
# the next one, call_later/call_at timers, cancelled handles, futures' done callbacks in registration order,
# add_done_callback on a done future, remove_done_callback, and a custom exception handler for a callback
# that raises.
import asyncio


def note(*parts):
    print(*parts)


async def main():
    loop = asyncio.get_running_loop()
    print(loop.is_running(), loop.is_closed(), type(loop).__name__)

    def chain(n):
        note('chain', n)
        if n < 3:
            loop.call_soon(chain, n + 1)

    loop.call_soon(chain, 0)
    loop.call_soon(note, 'second callback')
    h = loop.call_soon(note, 'cancelled, never printed')
    h.cancel()
    print(h.cancelled())
    loop.call_later(0.02, note, 'timer 0.02')
    t = loop.call_later(0.01, note, 'timer cancelled')
    t.cancel()
    loop.call_at(loop.time() + 0.01, note, 'call_at 0.01')
    await asyncio.sleep(0.05)

    fut = loop.create_future()
    for i in range(3):
        fut.add_done_callback(lambda f, i=i: note('done callback', i, f.result()))

    def removed(f):
        note('removed, never printed')

    fut.add_done_callback(removed)
    print('removed', fut.remove_done_callback(removed))
    fut.set_result('value')
    fut.add_done_callback(lambda f: note('added after done'))
    note('set_result returned')
    await asyncio.sleep(0)
    note('one iteration later')
    await asyncio.sleep(0)

    def handler(loop, context):
        note('handler:', context['message'][:21], repr(context['exception']))

    loop.set_exception_handler(handler)
    loop.call_soon(lambda: 1 / 0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(loop.get_exception_handler() is handler)
    return 'done'


print(asyncio.run(main()))
