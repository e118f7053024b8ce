# re: RegexFlag behaves as CPython's IntFlag in arithmetic and comparisons (plain ints come out).
import re

print(re.I + 1, 1 + re.I, re.M * 2, re.I < 3, 3 > re.I, re.I - re.I, -re.I, re.I / 2, re.M // 3, re.M % 3)
print(re.I | re.M, re.I == 2, int(re.I), hash(re.I) == hash(2), abs(re.I), 2 ** re.I)
try:
    re.I + 'a'
except TypeError as e:
    print(e)
