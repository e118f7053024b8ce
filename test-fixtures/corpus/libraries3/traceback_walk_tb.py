# From CPython 3.13.0, Lib/traceback.py: `walk_tb` and `walk_stack` (as written), with a driver.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
import sys

def walk_stack(f):
    """Walk a stack yielding the frame and line number for each frame.

    This will follow f.f_back from the given frame. If no frame is given, the
    current stack is used. Usually used with StackSummary.extract.
    """
    if f is None:
        f = sys._getframe().f_back.f_back.f_back.f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back

def walk_tb(tb):
    """Walk a traceback yielding the frame and line number for each frame.

    This will follow tb.tb_next (and thus is in the opposite order to
    walk_stack). Usually used with StackSummary.extract.
    """
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def parse(text):
    return convert(text.split(','))

def convert(parts):
    return [int(p) for p in parts]

def outer():
    return inner()

def inner():
    return [(f.f_code.co_name, lineno) for f, lineno in walk_stack(sys._getframe())]

try:
    parse('1,2,x')
except ValueError as e:
    print(e)
    for frame, lineno in walk_tb(e.__traceback__):
        print(frame.f_code.co_name, lineno)
    print(len(list(walk_tb(e.__traceback__))))
print(outer())
print(list(walk_tb(None)))
