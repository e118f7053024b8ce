# enum: IntEnum members are ints; the runtime cannot subclass int, so importing IntEnum is refused.
from enum import IntEnum
class Level(IntEnum):
    LOW = 1
    HIGH = 2
print(Level.LOW + 1, sorted([Level.HIGH, Level.LOW]))
