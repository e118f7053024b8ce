# enum: an enum mixed with str (a StrEnum-like class): the runtime cannot subclass str, so it refuses.
from enum import Enum
class Strish(str, Enum):
    A = 'a'
print(Strish.A.upper())
