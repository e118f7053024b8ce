# Fixture for GEN010 generator-reentrancy. Each `case_*` either is a generator function whose object
# is created once at module level, or builds its generators itself and drives them. The driver runs
# every case (a generator function's object is iterated to the end) and prints `case_name: executing`
# when CPython raised "ValueError: generator already executing", else `fine`. Cases with an
# expectation must print `executing`, all others must not (cpython-fixtures.test.ts, CPython 3.13).
# Async generators and async cases run under asyncio; for them `executing` means CPython's
# "RuntimeError: anext()/athrow()/aclose(): asynchronous generator is already running".
import asyncio
import inspect
import warnings

# The dropped awaitable of `case_async_awaitable_made_not_awaited` is meant.
warnings.filterwarnings("ignore", "coroutine method 'asend'")


# --- positives -------------------------------------------------------------------------------------


def case_global_next():
    yield 1
    next(pump)  # error: [generator-reentrancy]


pump = case_global_next()


def case_global_send():
    value = yield "ready"
    relay.send(value)  # error: [generator-reentrancy]


relay = case_global_send()


def case_global_iterated_by_for():
    yield 1
    for item in walker:  # error: [generator-reentrancy]
        yield item


walker = case_global_iterated_by_for()


def case_closure_cell():
    def inner():
        yield 1
        yield next(it)  # error: [generator-reentrancy]

    it = inner()
    return list(it)


def case_closure_yield_from():
    def inner():
        yield 1
        yield from chain  # error: [generator-reentrancy]

    chain = inner()
    return list(chain)


def case_attribute_set_in_init():
    class Pump:
        def __init__(self):
            self._runner = self._run()

        def _run(self):
            received = yield "ready"
            while True:
                received = self._runner.send(received)  # error: [generator-reentrancy]
                yield received

    pump_object = Pump()
    next(pump_object._runner)
    return pump_object._runner.send(1)


def case_close_from_inside():
    def inner():
        yield 1
        closer.close()  # error: [generator-reentrancy]

    closer = inner()
    return list(closer)


async def case_async_global_anext():
    yield 1
    await anext(apump)  # error: [generator-reentrancy]


apump = case_async_global_anext()


async def case_async_global_asend():
    value = yield "ready"
    await arelay.asend(value)  # error: [generator-reentrancy]


arelay = case_async_global_asend()


async def case_async_for_over_itself():
    yield 1
    async for item in awalker:  # error: [generator-reentrancy]
        yield item


awalker = case_async_for_over_itself()


async def case_async_closure_aclose():
    async def inner():
        yield 1
        await it.aclose()  # error: [generator-reentrancy]

    it = inner()
    return [item async for item in it]


async def case_async_attribute_athrow():
    class Pump:
        def __init__(self):
            self._runner = self._run()

        async def _run(self):
            yield 1
            await self._runner.athrow(ValueError("stop"))  # error: [generator-reentrancy]

    return [item async for item in Pump()._runner]


# --- negatives -------------------------------------------------------------------------------------


async def case_async_awaitable_made_not_awaited():
    yield 1
    # An awaitable: nothing runs until it is awaited (or closed: CPython 3.13's close() of an unstarted
    # asend awaitable also refuses a running generator), and this one is dropped unawaited.
    pending = apending.asend(5)
    del pending
    yield 2


apending = case_async_awaitable_made_not_awaited()


async def case_async_resumes_another():
    async def source():
        yield 1
        yield 2

    async def relay():
        yield await anext(feed)
        yield await feed.asend(None)

    feed = source()
    return [item async for item in relay()]


def case_two_instances_resume_each_other():
    def relay_to_other():
        yield 1
        yield next(other)

    # Which object runs is not known statically (here `other` is only started by `first`).
    first = relay_to_other()
    other = relay_to_other()
    return list(first)


def case_resumes_another_generator():
    def source():
        yield from range(3)

    def consumer():
        yield next(feed)

    feed = source()
    return list(consumer())


def case_nested_function_not_called_while_running():
    def inner():
        def later():
            return next(handle)

        yield later
        yield 2

    handle = inner()
    callback = next(handle)
    return callback()


def case_local_shadows_global():
    def inner():
        pump = iter([1, 2])
        yield next(pump)

    return list(inner())


def case_generator_function_called_twice():
    def inner():
        yield 1
        yield next(again)

    again = inner()
    spare = inner()
    return list(spare) if False else next(again)


def case_attribute_reassigned():
    class Stepper:
        def __init__(self):
            self.step = self._steps()

        def _steps(self):
            yield 1
            yield next(self.step)

        def reset(self):
            self.step = iter([5, 6])

    stepper = Stepper()
    next(stepper.step)
    stepper.reset()
    return next(stepper.step)


# --- driver ----------------------------------------------------------------------------------------


def main():
    module_objects = {id(value.gi_code): value for value in globals().values() if inspect.isgenerator(value)}
    module_objects.update({id(value.ag_code): value for value in globals().values() if inspect.isasyncgen(value)})
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            if inspect.isgeneratorfunction(case):
                list(module_objects[id(case.__code__)])
            elif inspect.isasyncgenfunction(case):
                asyncio.run(drain(module_objects[id(case.__code__)]))
            elif inspect.iscoroutinefunction(case):
                asyncio.run(case())
            else:
                case()
        except ValueError as error:
            outcome = "executing" if "already executing" in str(error) else "fine"
        except RuntimeError as error:
            outcome = "executing" if "asynchronous generator is already running" in str(error) else "fine"
        except StopIteration:
            outcome = "fine"
        else:
            outcome = "fine"
        print(f"{name}: {outcome}")


async def drain(agen):
    async for _ in agen:
        pass


if __name__ == "__main__":
    main()
