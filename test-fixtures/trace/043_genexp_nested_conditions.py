# Nested loops and conditions in generator expressions, consumed by built-ins.
print(sum(x * y for x in range(4) for y in range(4) if x != y))
print(list((x, y) for x in "ab" for y in (1, 2)))
print(max(len(w) for w in "the quick brown fox".split()))
print(sorted((w for w in ["pear", "fig", "apple"]), key=len))
print(tuple(c.upper() for c in "hey" if c != "e"))
print(dict((k, v) for k, v in zip("abc", range(3))))
print(set(n % 3 for n in range(10)))
