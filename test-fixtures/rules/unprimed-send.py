# Fixture for GEN001 unprimed-send. Each `case_*` function is one scenario; running this file under
# CPython (`python3.13 unprimed-send.py`) prints what each case raised, and a test checks that exactly
# the cases with an `# error:` line raise "can't send non-None value to a just-started generator".

import asyncio
import functools
import socket


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


def coroutine(func):
    """The classic priming decorator: the wrapper advances the new generator to its first yield."""
    @functools.wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start


@coroutine
def primed_averager():
    total = count = 0
    while True:
        value = yield
        total += value
        count += 1


def make_averager():
    return averager()


def make_primed_averager():
    gen = averager()
    gen.send(None)
    return gen


def prime(gen):
    next(gen)


class Channel:
    """Not a generator: anything may have a `send` method."""

    def __init__(self):
        self.sent = []

    def send(self, value):
        self.sent.append(value)


class Holder:
    def __init__(self):
        self.gen = averager()

    def push(self, value):
        return self.gen.send(value)


# ---- positives -------------------------------------------------------------------------------------

def case_never_primed():
    running = averager()
    running.send(10)  # error: [unprimed-send]


def case_generator_expression():
    squares = (x * x for x in range(3))
    squares.send(1)  # error: [unprimed-send]


def case_send_on_fresh_call():
    averager().send(1)  # error: [unprimed-send]


def case_primed_on_one_branch_only(prime_first=False):
    running = averager()
    if prime_first:
        next(running)
    running.send(10)  # error: [unprimed-send]


def case_send_in_loop(values=(1, 2, 3)):
    running = averager()
    for value in values:
        running.send(value)  # error: [unprimed-send]


def case_unprimed_factory():
    running = make_averager()
    running.send(10)  # error: [unprimed-send]


def case_send_inside_try():
    running = averager()
    try:
        running.send(10)  # error: [unprimed-send]
    except ValueError:
        pass


def case_rebound_to_a_fresh_generator():
    running = averager()
    next(running)
    running.send(1)
    running = averager()
    running.send(2)  # error: [unprimed-send]


def case_with_block_does_not_prime():
    running = averager()
    with open(__file__) as handle:
        handle.readline()
        running.send(10)  # error: [unprimed-send]


def case_primed_only_on_some_iterations(values=(1, None, 2)):
    # Path-sensitive: whether `send(None)` runs first depends on the data, which the rule cannot see;
    # the send is reachable with the generator unstarted, and with this input it is.
    running = averager()
    results = []
    for value in values:
        if value is None:
            running.send(None)
        else:
            results.append(running.send(value))  # error: [unprimed-send]
    return results


# ---- negatives -------------------------------------------------------------------------------------

def case_primed_with_next():
    running = averager()
    next(running)
    return running.send(10)


def case_primed_with_send_none():
    running = averager()
    running.send(None)
    return running.send(10)


def case_primed_with_dunder_next():
    running = averager()
    running.__next__()
    return running.send(10)


def case_primed_on_both_branches(flag=True):
    running = averager()
    if flag:
        next(running)
    else:
        running.send(None)
    return running.send(10)


def case_priming_decorator():
    running = primed_averager()
    return running.send(10)


def case_priming_factory():
    running = make_primed_averager()
    return running.send(10)


def case_socket_send():
    left, right = socket.socketpair()
    try:
        left.send(b"ping")
        return right.recv(4)
    finally:
        left.close()
        right.close()


def case_parameter(target=None):
    target = target if target is not None else primed_averager()
    return target.send(10)


def case_attribute():
    holder = Holder()
    next(holder.gen)
    return holder.push(10)


def case_object_with_send_method():
    channel = Channel()
    channel.send(10)
    return channel.sent


def case_escapes_to_helper():
    running = averager()
    prime(running)
    return running.send(10)


def case_alias_primes():
    running = averager()
    alias = running
    next(alias)
    return running.send(10)


def case_primed_by_iteration():
    numbers = (n for n in range(5))
    for n in numbers:
        if n == 1:
            return numbers.send(None)
    return None


def case_next_with_default():
    running = averager()
    next(running, None)
    return running.send(10)


def case_primed_in_every_iteration(values=(1, 2, 3)):
    results = []
    for value in values:
        running = averager()
        next(running)
        results.append(running.send(value))
    return results


def case_primed_inside_try_finally():
    running = averager()
    try:
        next(running)
    finally:
        pass
    return running.send(10)


def case_primed_before_loop(values=(1, 2, 3)):
    running = averager()
    next(running)
    for value in values:
        running.send(value)
    return running.send(4)


def case_primed_by_closure():
    running = averager()

    def start():
        next(running)

    start()
    return running.send(10)


def case_driver_loop_sends_none_first(events=(1, 2)):
    # The first round sends None (priming); the name is rebound to real values afterwards.
    running = averager()
    to_send = None
    results = []
    for event in events:
        results.append(running.send(to_send))
        to_send = event
    return results


def case_stored_in_container():
    pipeline = [averager()]
    running = averager()
    pipeline.append(running)
    for stage in pipeline:
        next(stage)
    return running.send(10)


async def ticker():
    received = yield "ready"
    while True:
        received = yield received


def case_async_asend_before_anext():
    async def main():
        agen = ticker()
        return await agen.asend(1)  # error: [unprimed-send]

    return asyncio.run(main())


def case_async_asend_on_fresh_call():
    async def main():
        return await ticker().asend(1)  # error: [unprimed-send]

    return asyncio.run(main())


def case_async_primed_with_anext():
    async def main():
        agen = ticker()
        await anext(agen)
        return await agen.asend(1)

    return asyncio.run(main())


def case_async_primed_with_dunder_anext():
    async def main():
        agen = ticker()
        await agen.__anext__()
        return await agen.asend(1)

    return asyncio.run(main())


def case_async_asend_none_first():
    async def main():
        agen = ticker()
        await agen.asend(None)
        return await agen.asend(1)

    return asyncio.run(main())


def case_async_primed_by_async_for():
    async def main():
        agen = ticker()
        async for first in agen:
            break
        return await agen.asend(1)

    return asyncio.run(main())


if __name__ == "__main__":
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            case()
        except Exception as error:  # the driver reports every outcome, whatever it is
            print(f"{name}: {type(error).__name__}: {error}")
        else:
            print(f"{name}: ok")
