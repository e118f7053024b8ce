# collections.abc: Iterable[int] and Mapping[str, int] are types.GenericAlias objects, as in CPython (refused until they were built).
import collections.abc as c
print(c.Iterable[int], c.Mapping[str, int])
