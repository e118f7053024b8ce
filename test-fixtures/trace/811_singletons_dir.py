# dir() of Ellipsis and NotImplemented as CPython lists them (NotImplementedType adds __bool__).
print(dir(...) == dir(object()), len(dir(...)))
print((...) == None, ... != 0)
print(dir(NotImplemented) == dir(object()), sorted(set(dir(NotImplemented)) - set(dir(object()))))
