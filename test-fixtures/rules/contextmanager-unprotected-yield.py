# Fixture for GEN009 contextmanager-unprotected-yield. Each `case_*` is a context manager (sync or
# async). The driver takes a snapshot of the state the cases touch (umask, working directory,
# sys.stdout, sys.path, a module global, an object's attributes, a registry of observers, the files and
# directories they create), runs `with case(): raise KeyError`, and prints `case_name: skipped` when the
# state afterwards differs from the snapshot (the cleanup was skipped), else `restored`. Cases with an
# expectation must print `skipped`, all others must not (cpython-fixtures.test.ts, CPython 3.13).
import asyncio
import contextlib
import inspect
import io
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import asynccontextmanager, contextmanager

CURRENT = None
OBSERVERS = []
OPENED = []
OUTPUT = io.StringIO()
SCRATCH = tempfile.mkdtemp(prefix="yieldlens-gen009-")


class Settings:
    verbose = False


settings = Settings()


class Publisher:
    def addObserver(self, observer):
        OBSERVERS.append(observer)

    def removeObserver(self, observer):
        OBSERVERS.remove(observer)


publisher = Publisher()


# --- positives -------------------------------------------------------------------------------------


@contextmanager
def case_umask_restored_after_yield():
    old_mask = os.umask(0o077)
    yield  # error: [contextmanager-unprotected-yield]
    os.umask(old_mask)


@contextlib.contextmanager
def case_chdir_back():
    saved = os.getcwd()
    os.chdir(SCRATCH)
    yield  # error: [contextmanager-unprotected-yield]
    os.chdir(saved)


@contextmanager
def case_stdout_restored():
    old_stdout = sys.stdout
    sys.stdout = open(os.devnull, "w")
    OPENED.append(sys.stdout)
    yield  # error: [contextmanager-unprotected-yield]
    sys.stdout.close()
    sys.stdout = old_stdout


@contextmanager
def case_observer_removed():
    events = []
    observer = events.append
    publisher.addObserver(observer)
    yield events  # error: [contextmanager-unprotected-yield]
    publisher.removeObserver(observer)


@contextmanager
def case_global_reset():
    global CURRENT
    CURRENT = "inside"
    yield  # error: [contextmanager-unprotected-yield]
    CURRENT = None


@contextmanager
def case_attributes_restored_from_saved():
    saved = {}
    for name in ("verbose",):
        saved[name] = getattr(settings, name)
        setattr(settings, name, True)
    yield  # error: [contextmanager-unprotected-yield]
    for name, value in saved.items():
        setattr(settings, name, value)


@contextmanager
def case_file_closed():
    f = open(os.devnull, "w")
    OPENED.append(f)
    yield f  # error: [contextmanager-unprotected-yield]
    f.close()


@contextmanager
def case_temporary_directory_removed():
    path = tempfile.mkdtemp(dir=SCRATCH)
    yield path  # error: [contextmanager-unprotected-yield]
    shutil.rmtree(path)


@contextmanager
def case_sys_path_entry_removed():
    sys.path.insert(0, SCRATCH)
    yield  # error: [contextmanager-unprotected-yield]
    sys.path.remove(SCRATCH)


@contextmanager
def case_cleanup_in_finally_after_the_yield():
    # tornado's assert_no_cycle_garbage: the `finally` belongs to a `try` after the yield.
    global CURRENT
    CURRENT = "collecting"
    yield  # error: [contextmanager-unprotected-yield]
    try:
        pass
    finally:
        CURRENT = None


@contextmanager
def case_only_specific_exceptions_handled():
    global CURRENT
    CURRENT = "specific"
    try:
        yield  # error: [contextmanager-unprotected-yield]
    except ValueError:
        pass
    CURRENT = None


@contextmanager
def case_process_terminated():
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    OPENED.append(process)
    yield process  # error: [contextmanager-unprotected-yield]
    process.kill()
    process.wait()


@asynccontextmanager
async def case_async_global_reset():
    global CURRENT
    CURRENT = "async"
    yield  # error: [contextmanager-unprotected-yield]
    CURRENT = None


# --- negatives -------------------------------------------------------------------------------------


@contextmanager
def case_protected_by_finally():
    old_mask = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old_mask)


@contextmanager
def case_except_that_reraises():
    global CURRENT
    CURRENT = "guarded"
    try:
        yield
    except BaseException:
        CURRENT = None
        raise
    else:
        CURRENT = None


@contextmanager
def case_resource_in_with():
    with open(os.devnull, "w") as f:
        OPENED.append(f)
        yield f


@contextmanager
def case_rename_commits_the_result():
    # luigi's temporary_path: the rename after the yield commits the result; on failure it must not run.
    final = os.path.join(SCRATCH, "result.txt")
    temporary = f"{final}-tmp"
    yield temporary
    os.rename(temporary, final)


@contextmanager
def case_upload_on_success():
    # luigi's dropbox temporary_path: uploading is the success path's work.
    temp_path = os.path.join(SCRATCH, "upload.txt")
    yield temp_path
    OBSERVERS.append(("uploaded", temp_path))


@contextmanager
def case_tag_printing():
    # The contextlib documentation's example: output after the yield is not cleanup.
    print("<h1>", end="", file=OUTPUT)
    yield
    print("</h1>", file=OUTPUT)


@contextmanager
def case_suppressed_exception():
    global CURRENT
    CURRENT = "suppressed"
    with contextlib.suppress(KeyError):
        yield
    CURRENT = None


@contextmanager
def case_error_branch_that_raises():
    state = {"error": None}
    yield state
    if state["error"] is not None:
        publisher.removeObserver(print)
        raise state["error"]


def case_plain_generator():
    global CURRENT
    CURRENT = "plain"
    yield
    CURRENT = None


# --- driver ----------------------------------------------------------------------------------------


def snapshot():
    mask = os.umask(0)
    os.umask(mask)
    live = [thing for thing in OPENED if (getattr(thing, "closed", None) is False) or (getattr(thing, "returncode", 0) is None and thing.poll() is None)]
    leftovers = sorted(os.listdir(SCRATCH))
    return (mask, os.getcwd(), sys.stdout, list(sys.path), CURRENT, dict(vars(settings)), list(OBSERVERS), len(live), leftovers)


def release_everything():
    for thing in OPENED:
        if hasattr(thing, "kill"):
            thing.kill()
            thing.wait()
        elif not thing.closed:
            thing.close()
    OPENED.clear()


def run(name, factory):
    global CURRENT
    before = snapshot()
    original = (os.umask(0), os.getcwd(), sys.stdout, list(sys.path), CURRENT, dict(vars(settings)), list(OBSERVERS))
    os.umask(original[0])
    try:
        if inspect.isasyncgenfunction(getattr(factory, "__wrapped__", None)):
            async def drive():
                async with factory():
                    raise KeyError(name)

            asyncio.run(drive())
        elif hasattr(factory, "__wrapped__"):
            with factory():
                raise KeyError(name)
        else:
            # Not a context manager: iterated, as plain generators are; nothing throws into it.
            list(factory())
    except KeyError:
        pass
    after = snapshot()
    # Put the world back for the next case.
    os.umask(original[0])
    os.chdir(original[1])
    sys.stdout = original[2]
    sys.path[:] = original[3]
    CURRENT = original[4]
    vars(settings).clear()
    vars(settings).update(original[5])
    OBSERVERS[:] = original[6]
    release_everything()
    for entry in os.listdir(SCRATCH):
        path = os.path.join(SCRATCH, entry)
        shutil.rmtree(path) if os.path.isdir(path) else os.unlink(path)
    return "restored" if after == before else "skipped"


def main():
    try:
        for name, factory in list(globals().items()):
            if name.startswith("case_"):
                print(f"{name}: {run(name, factory)}", flush=True)
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
