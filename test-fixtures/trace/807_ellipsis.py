# Ellipsis: the ... literal and the builtin name are one singleton of type ellipsis.
print(...)
print(type(...))
x = ...
print(x is ..., repr(x), str(x), x == ..., bool(x), {...: 1}[...], type(...)() is ...)
