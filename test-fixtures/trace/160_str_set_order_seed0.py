# Iteration order of sets of str follows str hashing (compared with a PYTHONHASHSEED=0 CPython).
def words():
    yield from ["pear", "apple", "fig", "kiwi", "plum", "date", "lime"]


seen = set()
for word in words():
    seen.add(word)
    print(sorted(seen) == sorted(set(seen)), len(seen))
print(seen)
print(frozenset(words()))
print(list({w[0] for w in words()}))
print({w: len(w) for w in set(words())})
print(set("generator"), "-".join(set("yield")))
