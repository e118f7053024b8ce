# re: RegexFlag is an int subclass in CPython (enum.IntFlag); the runtime's stand-in is not, so it refuses.
import re

print(isinstance(re.I, int))
