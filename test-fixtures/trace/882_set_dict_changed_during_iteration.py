# A set changed in size while iterated raises at the next step (the end included); a dict changed in size too.
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RE", e)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RE", e, d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RE", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RE", e)
d = {1: 1}
for k in d:
    d[k] = 2
print(d)
it = iter({1: 1})
d2 = {1: 1}
it = iter(d2)
d2[2] = 2
try:
    next(it)
except RuntimeError as e:
    print("RE", e)
s = {1, 2, 3}
it = iter(s)
print(next(it))
s.add(9)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RE", e)
s.remove(9)
try:
    print(next(it))
except RuntimeError as e:
    print("RE again", e)
s = {1}
it = iter(s)
print(list(it))
s.add(2)
print(list(it))
s = {1, 2}
it = iter(s)
print(next(it), next(it))
s.add(5)
try:
    next(it)
except RuntimeError as e:
    print("RE at end", e)
fs = frozenset({3, 4})
print(sorted(x for x in fs))
