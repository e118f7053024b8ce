# More itertools over generators: accumulate, groupby, zip_longest, product, pairwise, batched.
import itertools
for name in ["accumulate", "groupby", "product", "permutations", "combinations", "zip_longest", "starmap", "compress", "filterfalse", "pairwise", "batched"]:
    print(name, hasattr(itertools, name))
print(list(itertools.accumulate([1, 2, 3])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.product("ab", repeat=2)))
print(list(itertools.pairwise("abcd")), list(itertools.batched(range(5), 2)))
