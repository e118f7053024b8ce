# Found by the value fuzzer: str methods check their arguments with CPython's messages; %-formatting and
# format specs (%c, %o on floats, mapping arguments, inf/nan in upper case).
calls = [
    lambda: 'a'.find(1), lambda: 'a'.count(1.5), lambda: 'a'.split(1), lambda: 'a'.rsplit(1),
    lambda: 'a'.replace('a', 2), lambda: 'a'.partition(1), lambda: 'a'.removeprefix(1), lambda: 'a'.startswith((1,)),
    lambda: 'a'.center(3, 1), lambda: ''.rfind(None), lambda: '3'.lstrip(5), lambda: ''.join(True),
    lambda: str.isdigit(1), lambda: '%c' % 'ab', lambda: '%o' % 1.5, lambda: '%X' % [1], lambda: f'{-1:c}',
    lambda: int('', 0), lambda: 'a' % 5,
]
for call in calls:
    try:
        print(repr(call()))
    except Exception as error:
        print(type(error).__name__, error)
print('%5c|%-3c|%c' % ('x', 65, 'é'), '%a' % 'é', 'a' % [1], 'a' % {}, f"{float('inf'):E} {float('nan'):F} {1e300:G} {float('nan'):%}")
