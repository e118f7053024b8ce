# isinstance() with a typing alias: CPython's typing objects have their own __instancecheck__ (List[int] raises
# TypeError, List checks list), which the runtime does not model; refused.
from typing import List
print(isinstance([1], List))
