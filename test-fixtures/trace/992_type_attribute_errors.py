# A class attribute CPython does not have is an AttributeError naming the class; `__abstractmethods__`, a
# descriptor of type that only an ABC's class sets, raises AttributeError with the bare name (and hasattr is
# False), as CPython's type_abstractmethods does.
class A:
    pass


class B(A):
    x = 1


for cls in (A, B, int):
    for name in ('__abstractmethods__', 'nope', 'x'):
        try:
            print(cls.__name__, name, getattr(cls, name))
        except AttributeError as e:
            print(cls.__name__, name, 'AttributeError:', e)
print(hasattr(A, '__abstractmethods__'), hasattr(B, 'x'), getattr(A, 'nope', 'default'))
