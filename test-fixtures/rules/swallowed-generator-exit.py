# Fixture for GEN003 swallowed-generator-exit. Each `case_*` function returns (or is) a generator; the
# driver advances it once, closes it, and prints `ignored` when CPython raises "generator ignored
# GeneratorExit", else `closed`. Cases with an expectation must print `ignored`, all others `closed`
# (server/test/analysis/cpython-fixtures.test.ts checks this under CPython 3.13). A `yield` inside the
# handler itself is yield-in-finally's finding (see its fixture), not this rule's.
import inspect
import logging

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


def case_loop_with_except_base_exception():
    while True:
        try:
            item = yield
            print(item)
        except BaseException:  # error: [swallowed-generator-exit]
            log.info("worker failed")


def case_bare_except_then_yield():
    try:
        yield 1
    except:  # error: [swallowed-generator-exit]  # noqa: E722
        pass
    yield 2


def case_except_generator_exit_then_yield():
    try:
        yield 1
    except GeneratorExit:  # error: [swallowed-generator-exit]
        print("closing")
    yield "after close"


def case_tuple_with_generator_exit_in_for_loop():
    for i in range(3):
        try:
            yield i
        except (ValueError, GeneratorExit):  # error: [swallowed-generator-exit]
            continue


def case_handler_breaks_to_yield_after_loop():
    while True:
        try:
            yield 1
        except GeneratorExit:  # error: [swallowed-generator-exit]
            break
    yield "after loop"


def case_yield_in_nested_block_after_handler():
    try:
        yield 1
    except BaseException as exc:  # error: [swallowed-generator-exit]
        print("caught", type(exc).__name__)
    for attempt in range(2):
        if attempt:
            yield attempt


async def case_async_swallowed():
    while True:
        try:
            yield 1
        except GeneratorExit:  # error: [swallowed-generator-exit]
            pass


# --- negatives -------------------------------------------------------------------------------------


def case_except_exception_does_not_catch_generator_exit():
    while True:
        try:
            yield 1
        except Exception:
            log.info("failed")


def case_handler_reraises():
    while True:
        try:
            yield 1
        except BaseException:
            log.info("closing")
            raise


def case_earlier_handler_reraises_generator_exit():
    # Handlers are tried in order: GeneratorExit never reaches the `except BaseException` clause.
    while True:
        try:
            yield 1
        except GeneratorExit:
            raise
        except BaseException:
            log.info("failed")


def case_handler_inspects_what_it_caught():
    while True:
        try:
            yield 1
        except BaseException as exc:
            if isinstance(exc, GeneratorExit):
                raise
            log.info("failed")


def _reraise(exc):
    raise exc


def case_handler_calls_a_reraise_helper():
    while True:
        try:
            yield 1
        except BaseException as exc:
            _reraise(exc)


def case_inner_handler_absorbs_generator_exit():
    # The inner handler ends the loop on GeneratorExit, so the outer catch-all never sees it.
    try:
        while True:
            try:
                yield 1
            except GeneratorExit:
                break
    except BaseException:
        log.info("failed")
    print("done")


def case_inner_handler_reraises_to_outer():
    try:
        while True:
            try:
                yield 1
            except GeneratorExit:
                log.info("closing")
                raise
    except BaseException:  # error: [swallowed-generator-exit]
        log.info("failed")
    yield "after"


def case_handler_returns():
    while True:
        try:
            yield 1
        except GeneratorExit:
            return


def case_handler_breaks_and_function_ends():
    while True:
        try:
            yield 1
        except GeneratorExit:
            break
    print("done")


def case_falls_off_the_end():
    try:
        yield 1
    except:  # noqa: E722
        print("closed")


def case_handler_raises_other_exception_conditionally():
    try:
        yield 1
    except GeneratorExit:
        if True:
            raise
        print("unreachable")


def case_flag_stops_the_loop():
    # The handler sets a flag that the loop tests: the analysis cannot tell which way it goes.
    running = True
    while running:
        try:
            yield 1
        except GeneratorExit:
            running = False


def case_flag_tested_before_next_yield():
    closed = False
    try:
        yield 1
    except GeneratorExit:
        closed = True
    if not closed:
        yield 2


def case_try_without_yield():
    # Nothing in the `try` body suspends the generator, so GeneratorExit cannot arrive there.
    while True:
        try:
            value = int("1")
        except BaseException:
            value = 0
        yield value
        return


def case_nested_function_yield_after_handler():
    try:
        yield 1
    except GeneratorExit:
        pass

    def later():
        yield 2
    later()


def case_sys_exit_in_handler():
    import sys
    try:
        yield 1
    except GeneratorExit:
        sys.exit(0)
    yield 2


def _drive_sync(generator):
    next(generator)
    try:
        generator.close()
    except RuntimeError as error:
        return f"ignored ({error})"
    except SystemExit:
        return "closed (SystemExit)"
    return "closed"


async def _drive_async(generator):
    await generator.__anext__()
    try:
        await generator.aclose()
    except RuntimeError as error:
        return f"ignored ({error})"
    return "closed"


def _run_coroutine(coroutine):
    # No event loop: nothing here waits on I/O, and asyncio.run would close the generators again.
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


def main():
    for name, function in sorted(globals().items()):
        if not name.startswith("case_"):
            continue
        generator = function()
        if inspect.isasyncgen(generator):
            outcome = _run_coroutine(_drive_async(generator))
        else:
            outcome = _drive_sync(generator)
        print(f"{name}: {outcome}")


if __name__ == "__main__":
    main()
