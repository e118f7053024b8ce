# Fixture for GEN005 suspended-resource. Each `case_*` function returns (or is) a generator; the driver
# gives it a temporary file (and a lock, a holder object, a list) as arguments, advances it once,
# closes it, and prints `leaked` when a resource the frame acquired is still open (or a lock still held)
# after `close()` and was not handed to the consumer, else `released`. The driver keeps its own
# reference to every file it sees opened, so reference counting cannot hide a missing close. Cases with
# an expectation must print `leaked`, all others must not (cpython-fixtures.test.ts, CPython 3.13).
import asyncio
import builtins
import contextlib
import inspect
import io
import os
import socket
import sqlite3
import tempfile
import threading
import types


# --- positives -------------------------------------------------------------------------------------


def case_named_file_closed_after_loop(path):
    f = open(path)  # error: [suspended-resource]
    for line in f:
        yield line
    f.close()


def case_for_loop_over_open(path):
    for line in open(path):  # error: [suspended-resource]
        yield line.rstrip()


def case_enumerate_over_open(path):
    for number, line in enumerate(open(path, encoding="utf-8")):  # error: [suspended-resource]
        yield number, line


def case_generator_expression_over_open(path):
    return (line.upper() for line in open(path))  # error: [suspended-resource]


def case_io_open_read_in_chunks(path):
    f = io.open(path, "rb")  # error: [suspended-resource]
    while chunk := f.read(4):
        yield chunk
    f.close()


def case_closed_only_on_value_error(path):
    f = open(path)  # error: [suspended-resource]
    try:
        yield f.readline()
    except ValueError:
        f.close()
        raise
    f.close()


def case_lock_acquired_across_yield(lock):
    lock.acquire()  # error: [suspended-resource]
    yield "critical section"
    lock.release()


def case_temporary_file():
    spool = tempfile.TemporaryFile()  # error: [suspended-resource]
    spool.write(b"data")
    yield spool.tell()
    spool.close()


def case_socket():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # error: [suspended-resource]
    yield sock.family
    sock.close()


def case_sqlite_connection():
    conn = sqlite3.connect(":memory:")  # error: [suspended-resource]
    for row in conn.execute("SELECT 1 UNION SELECT 2"):
        yield row
    conn.close()


async def case_async_generator(path):
    f = open(path)  # error: [suspended-resource]
    yield f.readline()
    f.close()


async def case_async_with_open_across_yield(path):
    # Abandoned by `async for ...: break`, the generator is closed only when asyncio's finaliser runs.
    with open(path) as f:  # error: [suspended-resource]
        yield f.readline()
        yield f.readline()


async def case_async_with_consumed_with_aclosing(path):
    with open(path) as f:
        yield f.readline()
        yield f.readline()


# The consumer, in module-level code: every call of that generator is wrapped in aclosing().
ACLOSED = {"case_async_with_consumed_with_aclosing": lambda path: contextlib.aclosing(case_async_with_consumed_with_aclosing(path))}


@contextlib.asynccontextmanager
async def case_async_context_manager_with_open(path):
    with open(path) as f:
        yield f


def case_closed_only_at_the_end(path):
    f = open(path)  # error: [suspended-resource]
    while True:
        line = f.readline()
        if not line:
            f.close()
            return
        yield line


def case_loop_back_to_yield(path):
    # Acquired after the first yield, live at the loop's yield on the next iteration.
    result = None
    for _ in range(2):
        yield result
        handle = open(path)  # error: [suspended-resource]
        result = handle.readline()


# --- negatives -------------------------------------------------------------------------------------


def case_with_statement(path):
    with open(path) as f:
        for line in f:
            yield line


def case_try_finally(path):
    f = open(path)
    try:
        yield from f
    finally:
        f.close()


def case_try_finally_with_none_check(path):
    f = None
    try:
        f = open(path)
        yield f.readline()
    finally:
        if f is not None:
            f.close()


def case_except_base_exception_closes(path):
    f = open(path)
    try:
        yield f.readline()
    except BaseException:
        f.close()
        raise
    f.close()


def case_contextlib_closing(path):
    with contextlib.closing(open(path)) as f:
        yield f.readline()


def case_exit_stack_enter_context(path):
    with contextlib.ExitStack() as stack:
        f = stack.enter_context(open(path))
        yield f.readline()


def case_exit_stack_takes_named_file(path):
    with contextlib.ExitStack() as stack:
        f = open(path)
        stack.enter_context(f)
        yield f.readline()


def case_closed_before_yield(path):
    for _ in range(2):
        f = open(path)
        data = f.read()
        f.close()
        yield data


def case_yielded_to_consumer(path):
    # Ownership passes to the consumer, who must close it.
    f = open(path)
    yield f


def case_stored_on_holder(path, holder):
    holder.file = open(path)
    yield holder.file.readline()


def case_appended_to_list(path, files):
    f = open(path)
    files.append(f)
    yield f.readline()


def case_lock_try_finally(lock):
    lock.acquire()
    try:
        yield "critical section"
    finally:
        lock.release()


def case_private_lock_nobody_else_can_reach():
    # tornado's locks_test: a lock made here and never handed out; holding it harms no one.
    lock = threading.Lock()
    lock.acquire()
    yield "holding a lock only this frame knows"
    lock.release()


def case_lock_with(lock):
    with lock:
        yield "critical section"


def case_acquired_after_last_yield(path):
    yield "header"
    f = open(path)
    data = f.read()
    f.close()
    print(len(data))


def case_resource_in_nested_function(path):
    # The nested function's file belongs to its own frame, which is not a generator.
    def read_all():
        f = open(path)
        try:
            return f.read()
        finally:
            f.close()
    yield read_all()


def case_local_open_is_not_builtin():
    open = io.StringIO  # noqa: A001
    f = open("not a file")
    yield f.read()


def case_scandir_consumed_at_once(path):
    # A scandir iterator closes itself when exhausted, and dict() exhausts it at once.
    entries = dict((entry.name, entry) for entry in os.scandir(os.path.dirname(path)))
    yield sorted(entries)


def case_scandir_in_loop(path):
    for entry in os.scandir(os.path.dirname(path)):  # error: [suspended-resource]
        yield entry.name


def case_not_a_generator(path):
    # An ordinary function: nothing is suspended.
    f = open(path)
    data = f.read()
    f.close()
    return iter([data])


async def case_async_try_finally(path):
    # The `finally` runs only when the abandoned generator is closed: asyncio's finaliser, later.
    f = open(path)  # error: [suspended-resource]
    try:
        yield f.readline()
        yield f.readline()
    finally:
        f.close()


async def case_async_try_finally_consumed_with_aclosing(path):
    f = open(path)
    try:
        yield f.readline()
        yield f.readline()
    finally:
        f.close()


ACLOSED["case_async_try_finally_consumed_with_aclosing"] = lambda path: contextlib.aclosing(case_async_try_finally_consumed_with_aclosing(path))


@contextlib.asynccontextmanager
async def case_async_context_manager_try_finally(path):
    f = open(path)
    try:
        yield f.readline()
    finally:
        f.close()


async def case_async_closed_before_the_yield(path):
    f = open(path)
    data = f.readline()
    f.close()
    yield data
    yield data


# --- driver ----------------------------------------------------------------------------------------

_opened = []
# How many times the driver advances a case before closing it (once unless listed).
_STEPS = {"case_loop_back_to_yield": 2}
_real_open = builtins.open
_real_io_open = io.open
_real_scandir = os.scandir


def _tracking(opener):
    def tracked(*args, **kwargs):
        handle = opener(*args, **kwargs)
        _opened.append(handle)
        return handle
    return tracked


def _is_resource(value):
    if isinstance(value, (io.StringIO, io.BytesIO, type)):
        return False
    return isinstance(value, (io.IOBase, socket.socket, sqlite3.Connection, tempfile._TemporaryFileWrapper)) or (
        hasattr(value, "closed") and hasattr(value, "close") and not isinstance(value, types.GeneratorType)
    )


def _is_released(value):
    if type(value).__name__ == "ScandirIterator":
        # No `closed` flag: a closed iterator yields nothing more (the directory has entries left).
        return next(value, None) is None
    if hasattr(value, "locked"):
        return not value.locked()
    if isinstance(value, socket.socket):
        return value.fileno() == -1
    if isinstance(value, sqlite3.Connection):
        try:
            value.execute("SELECT 1")
        except sqlite3.ProgrammingError:
            return True
        return False
    return bool(getattr(value, "closed", True))


def _run_coroutine(coroutine):
    # No event loop: nothing here waits on I/O, and asyncio.run would close the generators again.
    try:
        while True:
            coroutine.send(None)
    except StopIteration as stop:
        return stop.value


def _frame_locals(generator):
    frame = getattr(generator, "gi_frame", None) or getattr(generator, "ag_frame", None)
    return list(frame.f_locals.values()) if frame is not None else []


# Async generators consumed the way real code does, under asyncio: `async for ...: break` (or the
# consumer given here); `leaked` when a file they opened is still open right after the consumer stopped.
_CONSUMED_IN_LOOP = {
    "case_async_with_open_across_yield", "case_async_with_consumed_with_aclosing", "case_async_context_manager_with_open",
    "case_async_try_finally", "case_async_try_finally_consumed_with_aclosing", "case_async_context_manager_try_finally",
    "case_async_closed_before_the_yield",
}


def _run_in_loop(function, path):
    async def consume():
        if function.__name__ in ACLOSED:
            async with ACLOSED[function.__name__](path) as lines:
                async for _ in lines:
                    break
        elif inspect.isasyncgenfunction(function):
            async for _ in function(path):
                break
        else:
            async with function(path):
                pass
        return [value for value in _opened if not _is_released(value)]

    still_open = asyncio.run(consume())
    return "leaked" if still_open else "released"


def _run_case(function, path):
    _opened.clear()
    if function.__name__ in _CONSUMED_IN_LOOP:
        return _run_in_loop(function, path)
    arguments = {
        "path": path,
        "lock": threading.Lock(),
        "holder": types.SimpleNamespace(),
        "files": [],
    }
    wanted = {name: arguments[name] for name in inspect.signature(function).parameters}
    generator = function(**wanted)
    given = []
    for _ in range(_STEPS.get(function.__name__, 1)):
        if inspect.isasyncgen(generator):
            given.append(_run_coroutine(generator.__anext__()))
        elif inspect.isgenerator(generator):
            given.append(next(generator))
        else:
            return "released (not a generator)"
    held = list(_opened) + [value for value in _frame_locals(generator) if _is_resource(value)]
    if "lock" in wanted:
        held.append(wanted["lock"])
    handed_over = [*given, *vars(wanted.get("holder", types.SimpleNamespace())).values(), *wanted.get("files", [])]
    if inspect.isasyncgen(generator):
        _run_coroutine(generator.aclose())
    else:
        generator.close()
    leaked = [value for value in held if not any(value is given for given in handed_over) and not _is_released(value)]
    for value in held + handed_over:
        if hasattr(value, "release") and hasattr(value, "locked") and value.locked():
            value.release()
        elif hasattr(value, "close") and not isinstance(value, (str, tuple)):
            value.close()
    return "leaked" if leaked else "released"


def main():
    builtins.open = _tracking(_real_open)
    io.open = _tracking(_real_io_open)
    os.scandir = _tracking(_real_scandir)
    directory = tempfile.mkdtemp()
    path = os.path.join(directory, "data.txt")
    other = os.path.join(directory, "other.txt")
    try:
        with _real_open(path, "w", encoding="utf-8") as out:
            out.write("first\nsecond\nthird\n")
        with _real_open(other, "w", encoding="utf-8") as out:
            out.write("other\n")
        for name, function in sorted(globals().items()):
            if name.startswith("case_"):
                print(f"{name}: {_run_case(function, path)}")
    finally:
        builtins.open = _real_open
        io.open = _real_io_open
        os.scandir = _real_scandir
        os.remove(path)
        os.remove(other)
        os.rmdir(directory)


if __name__ == "__main__":
    main()
