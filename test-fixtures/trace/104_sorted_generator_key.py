# Sorting and grouping values produced by generators.
def words():
    yield from "the quick brown fox jumps over the lazy dog".split()


print(sorted(words(), key=lambda w: (len(w), w)))
counts = {}
for w in words():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(sorted(set(words()))[:4])
