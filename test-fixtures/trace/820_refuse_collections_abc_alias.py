# collections.abc: Iterable[int] is a GenericAlias in CPython, which the runtime does not build for the ABCs: refused.
import collections.abc as c
print(c.Iterable[int], c.Mapping[str, int])
