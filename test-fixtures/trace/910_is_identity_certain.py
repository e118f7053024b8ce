# `is` where CPython's answer is certain: None, bools, the cached ints -5..256, '' and one-character
# latin-1 strs, different values, and objects. Two equal ints or strs outside that are refused (911).
def gen(values):
    for v in values:
        yield v

items = [None, True, 0, 256, -5, '', 'a', 'é', object]
seen = list(gen(items))
print([a is b for a, b in zip(seen, items)])
one, thousand, other, ab, ba, small = 1, 1000, 1001, 'ab', 'ba', 256
print(thousand is other, ab is ba, one is True, small is False, None is not None)
x = [1, 2]
print(x is x, x is [1, 2], gen is gen, pow(2, 8) is small, int('256') is small, ''.join([]) is ab[:0])
