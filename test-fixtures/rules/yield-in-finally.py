# Fixture for GEN002 yield-in-finally. Each `case_*` function returns (or is) a generator; the driver
# below advances it once, closes it, and prints whether CPython raised "generator ignored GeneratorExit".
# A case whose body has an `# error: [yield-in-finally]` line must print `ignored`, every other case
# `closed` (server/test/analysis/cpython-fixtures.test.ts checks this under CPython 3.13).
import asyncio
import inspect


def case_yield_in_finally():
    try:
        yield 1
    finally:
        yield 2  # error: [yield-in-finally]
        # After the first yield has run during close(), close() has raised: a second close throws
        # GeneratorExit at that yield, so this one never runs during a close.
        yield 3


def case_either_yield_can_be_first():
    skip_first = False
    try:
        yield 1
    finally:
        if not skip_first:
            yield 2  # error: [yield-in-finally]
        yield 3  # error: [yield-in-finally]


def case_yield_in_finally_after_loop():
    try:
        for i in range(3):
            yield i
    finally:
        print("cleanup")
        value = yield "done"  # error: [yield-in-finally]
        print(value)


def case_yield_in_nested_block_of_finally():
    try:
        yield 1
    finally:
        for i in range(2):
            if i:
                yield i  # error: [yield-in-finally]


def case_yield_in_inner_finally_of_outer_finally():
    try:
        yield 1
    finally:
        try:
            pass
        finally:
            yield 2  # error: [yield-in-finally]


def case_suspended_in_handler():
    # Suspended in the `except` clause: closing there still runs the `finally`.
    try:
        raise ValueError
    except ValueError:
        yield 1
    finally:
        yield 2  # error: [yield-in-finally]


def case_yield_in_except_generator_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "closing"  # error: [yield-in-finally]
        raise


def case_yield_in_bare_except():
    try:
        yield 1
    except:  # noqa: E722
        yield "closing"  # error: [yield-in-finally]
        raise


def case_yield_in_except_base_exception_tuple():
    try:
        yield 1
    except (ValueError, BaseException) as exc:
        yield exc  # error: [yield-in-finally]


def case_yield_from_in_finally():
    try:
        yield 1
    finally:
        yield from [2, 3]  # error: [yield-in-finally]


async def case_async_yield_in_finally():
    try:
        yield 1
    finally:
        yield 2  # error: [yield-in-finally]


# --- negatives -------------------------------------------------------------------------------------


def case_finally_without_yield():
    try:
        yield 1
    finally:
        print("cleanup")


def case_try_cannot_suspend():
    # The `try` body has no yield, so the generator is never suspended with this `finally` pending.
    try:
        value = 10
    finally:
        yield value


def case_yield_after_try_finally():
    try:
        yield 1
    finally:
        print("cleanup")
    yield 2


def case_except_exception_does_not_catch_generator_exit():
    try:
        yield 1
    except Exception:
        yield "error"


def case_earlier_handler_reraises_generator_exit():
    try:
        yield 1
    except GeneratorExit:
        raise
    except BaseException:
        yield "error"


def case_handler_reraises_generator_exit_before_yield():
    try:
        yield 1
    except BaseException as exc:
        if isinstance(exc, GeneratorExit):
            raise
        yield "error"


def case_inner_handler_absorbs_generator_exit():
    try:
        try:
            yield 1
        except GeneratorExit:
            return
    except BaseException:
        yield "never during close"


def case_handler_of_try_that_cannot_suspend():
    try:
        value = int("x")
    except BaseException:
        value = 0
        yield value


def case_yield_in_nested_function_in_finally():
    # The nested generator is another frame: its yield does not run during close.
    try:
        yield 1
    finally:
        def later():
            yield 2
        later()


def case_yield_in_lambda_in_finally():
    try:
        yield 1
    finally:
        make = lambda: (yield 2)  # noqa: E731
        make()


def case_generator_expression_in_finally():
    try:
        yield 1
    finally:
        sum(x for x in range(3))


def case_nested_generator_with_its_own_try():
    # The outer function is not a generator; the inner one is fine on its own.
    def inner():
        try:
            yield 1
        finally:
            print("cleanup")
    return inner()


def case_rebound_generator_exit():
    # Only the builtin GeneratorExit counts; here the name means something else.
    GeneratorExit = KeyError  # noqa: A001
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def case_async_finally_awaits():
    try:
        yield 1
    finally:
        await asyncio.sleep(0)


def _drive_sync(generator):
    next(generator)
    try:
        generator.close()
    except RuntimeError as error:
        return f"ignored ({error})"
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
