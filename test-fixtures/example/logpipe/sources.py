"""Where lines come from: log files on disk."""
import contextlib


def read_lines(path):
    """Yields the lines of a file; the file stays open while the consumer is suspended (a bug)."""
    f = open(path, encoding="utf-8")
    for line in f:
        yield line
    f.close()


def read_lines_safely(path):
    """The same, with ``with``: closing the generator closes the file."""
    with open(path, encoding="utf-8") as f:
        yield from f


@contextlib.contextmanager
def opened_log(path):
    """A context manager that always closes the file, even when the ``with`` body raises."""
    f = open(path, encoding="utf-8")
    try:
        yield f
    finally:
        f.close()
