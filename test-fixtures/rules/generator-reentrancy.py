# Fixture for GEN010 generator-reentrancy. Each `case_*` either is a generator function whose object
# is created once at module level, or builds its generators itself and drives them. The driver runs
# every case (a generator function's object is iterated to the end) and prints `case_name: executing`
# when CPython raised "ValueError: generator already executing", else `fine`. Cases with an
# expectation must print `executing`, all others must not (cpython-fixtures.test.ts, CPython 3.13).
import inspect


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


# --- negatives -------------------------------------------------------------------------------------


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
    for name, case in list(globals().items()):
        if not name.startswith("case_"):
            continue
        try:
            if inspect.isgeneratorfunction(case):
                list(module_objects[id(case.__code__)])
            else:
                case()
        except ValueError as error:
            outcome = "executing" if "already executing" in str(error) else "fine"
        except StopIteration:
            outcome = "fine"
        else:
            outcome = "fine"
        print(f"{name}: {outcome}")


if __name__ == "__main__":
    main()
