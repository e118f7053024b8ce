# Dotted imports of registry modules: import os.path, from collections.abc import, import collections.abc.
import os.path
print(os.path.join('a', 'b'))
from collections.abc import Iterable, Mapping
print(isinstance([], Iterable))
import collections.abc
print(collections.abc.Sized)
