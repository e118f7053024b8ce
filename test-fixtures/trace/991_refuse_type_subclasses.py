# type.__subclasses__(): CPython lists every subclass still alive, and a class lives in a reference cycle, so
# one the program no longer reaches stays listed until the cyclic collector runs; a built-in class's list also
# holds what the modules imported at startup defined (`BaseException.__subclasses__()` has io's
# UnsupportedOperation, importlib's _DeadlockError, ...). The runtime models neither and refuses, where it
# used to raise AttributeError (Fluent Python's class-tree examples, `tree/step6`).
class Base:
    pass


class Leaf(Base):
    pass


print(Base.__subclasses__())
