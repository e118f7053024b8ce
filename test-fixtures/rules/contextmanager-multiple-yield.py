# Fixture for GEN008 contextmanager-multiple-yield. Each `case_*` is a context-manager generator or a
# pytest fixture. The driver enters each context manager and leaves it normally and by an exception
# (with every argument the case takes: True and False), drives each fixture as pytest does (next() for
# the set-up, next() for the teardown), and prints `case_name: didntstop` when CPython raised "generator
# didn't stop" (or pytest's "more than one 'yield'" would fail), else `stopped`. Cases with an
# expectation must print `didntstop`, all others must not (cpython-fixtures.test.ts, CPython 3.13).
import asyncio
import contextlib
import gc
import inspect
import sys
import types
from contextlib import asynccontextmanager
from contextlib import contextmanager as cm

# pytest is not installed for CPython 3.13 here: a stand-in module whose `fixture` returns the function.
if "pytest" not in sys.modules:
    try:
        import importlib

        importlib.import_module("pytest")
    except ImportError:
        stand_in = types.ModuleType("pytest")
        stand_in.fixture = lambda function=None, **options: function if function is not None else (lambda f: f)
        sys.modules["pytest"] = stand_in
import pytest


# --- positives -------------------------------------------------------------------------------------


@contextlib.contextmanager
def case_two_yields_in_sequence():
    yield 1
    yield 2  # error: [contextmanager-multiple-yield]


@cm
def case_alias_yield_in_loop():
    for attempt in range(3):
        yield attempt  # error: [contextmanager-multiple-yield]


@contextlib.contextmanager
def case_pause_gc(already_disabled):
    # luigi's pause_gc: when gc was already off, the first yield falls through to the second.
    was_enabled = gc.isenabled()
    if already_disabled:
        gc.disable()
    try:
        if not gc.isenabled():
            yield
        try:
            gc.disable()
            yield  # error: [contextmanager-multiple-yield]
        finally:
            gc.enable()
    finally:
        if not was_enabled:
            gc.disable()


@contextlib.contextmanager
def case_yield_again_after_throw():
    try:
        yield
    except Exception:
        yield  # error: [contextmanager-multiple-yield]


@contextlib.contextmanager
def case_handler_falls_through_to_yield():
    try:
        yield "first"
    except ValueError:
        pass
    yield "second"  # error: [contextmanager-multiple-yield]


@contextlib.contextmanager
def case_retry_loop_after_throw():
    for attempt in range(2):
        try:
            yield attempt  # error: [contextmanager-multiple-yield]
            return
        except Exception:
            continue


@asynccontextmanager
async def case_async_two_yields():
    yield "a"
    yield "b"  # error: [contextmanager-multiple-yield]


@pytest.fixture
def case_fixture_two_yields():
    yield "set up"
    yield "again"  # error: [contextmanager-multiple-yield]


@pytest.fixture(scope="module")
def case_fixture_yield_in_loop():
    for resource in ("first", "second"):
        yield resource  # error: [contextmanager-multiple-yield]


# --- negatives -------------------------------------------------------------------------------------


@contextlib.contextmanager
def case_exclusive_branches(flag):
    # luigi db_task_history._session: one yield per branch.
    if flag:
        yield "given"
    else:
        try:
            yield "made"
        except BaseException:
            raise
        else:
            pass


@contextlib.contextmanager
def case_return_after_first_yield(flag):
    if flag:
        yield "early"
        return
    yield "late"


@contextlib.contextmanager
def case_contradicting_conditions(flag):
    if flag:
        yield 1
    if not flag:
        yield 2


@contextlib.contextmanager
def case_equality_on_different_literals(flag):
    mode = "a" if flag else "b"
    if mode == "a":
        yield "a"
    if mode == "b":
        yield "b"


@contextlib.contextmanager
def case_loop_breaks_after_yield():
    for attempt in range(3):
        if attempt < 1:
            continue
        yield attempt
        break


@contextlib.contextmanager
def case_flag_set_after_yield():
    done = False
    while not done:
        yield
        done = True


@contextlib.contextmanager
def case_handler_reraises():
    try:
        yield
    except Exception:
        raise
    finally:
        pass


@contextlib.contextmanager
def case_yield_in_nested_generator():
    def inner():
        yield 1
        yield 2

    yield list(inner())


def case_plain_generator_not_a_context_manager():
    yield 1
    yield 2


@pytest.fixture
def case_fixture_exception_path_not_driven():
    # pytest never throws the test's exception into a fixture: the handler's yield cannot run.
    try:
        yield
    except Exception:
        yield


# --- driver ----------------------------------------------------------------------------------------


def didnt_stop(error):
    return isinstance(error, RuntimeError) and "didn't stop" in str(error)


def run_context_manager(factory, args):
    failed = False
    for raising in (False, True):
        try:
            with factory(*args):
                if raising:
                    raise KeyError("with body")
        except KeyError:
            pass
        except RuntimeError as error:
            failed = failed or didnt_stop(error)
    return failed


def run_async_context_manager(factory, args):
    async def drive(raising):
        async with factory(*args):
            if raising:
                raise KeyError("with body")

    failed = False
    for raising in (False, True):
        try:
            asyncio.run(drive(raising))
        except KeyError:
            pass
        except RuntimeError as error:
            failed = failed or didnt_stop(error)
    return failed


def run_fixture(function, args):
    generator = function(*args)
    next(generator)
    try:
        next(generator)
    except StopIteration:
        return False
    return True


def main():
    for name, function in list(globals().items()):
        if not name.startswith("case_"):
            continue
        arity = len(inspect.signature(function).parameters)
        argument_sets = [(True,), (False,)] if arity == 1 else [()]
        failed = False
        for args in argument_sets:
            if "fixture" in name or name.startswith("case_plain"):
                raw = function if not hasattr(function, "__wrapped__") else function.__wrapped__
                failed = failed or (inspect.isgeneratorfunction(raw) and "fixture" in name and run_fixture(raw, args))
            elif inspect.isasyncgenfunction(getattr(function, "__wrapped__", function)):
                failed = failed or run_async_context_manager(function, args)
            else:
                failed = failed or run_context_manager(function, args)
        print(f"{name}: {'didntstop' if failed else 'stopped'}")


if __name__ == "__main__":
    main()
