# itertools.combinations_with_replacement: emission order, r = 0, empty pools and the errors.
from itertools import combinations_with_replacement as cwr
print(list(cwr('ABC', 2)), list(cwr(range(3), 0)), list(cwr([], 2)), list(cwr([], 0)), list(cwr('ab', 3)), cwr('a', 1))
try: cwr('a', -1)
except ValueError as e: print(e)
try: cwr('a')
except TypeError as e: print(e)
