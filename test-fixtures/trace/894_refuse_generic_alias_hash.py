# list[int] as a dict key: CPython hashes generic aliases by origin and arguments; the runtime refuses rather than key it by identity (a KeyError before).
d = {list[int]: 1}
print(d[list[int]], hash(list[int]) == hash(list[int]))
