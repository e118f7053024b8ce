# sum() over ints that outgrow the exact fast path, bools, and floats after ints: each item is added once,
# and the float phase compensates as CPython 3.12+ does.
print(sum([2**53, 2**53, 5]))
print(sum([2**52, 2**52, 2**52, 1]))
print(sum(x for x in [10**17, 10**17]))
print(sum([1, 2, 2.5, 3]))
print(sum([True, True, 3]))
print(sum([1, 2**70]))
print(sum([], 2**70))
print(sum([2**60, -2**60, 7]))
print(sum([True, 0.1, 0.2, 0.3, 1e16, -1e16, 0.7]))
print(sum([1, 0.1, 0.2, 0.3, 1e16, -1e16, 0.7]))
print(sum([False, True, 2**53 - 1, True]))
print(sum(x * x for x in range(200000)))
