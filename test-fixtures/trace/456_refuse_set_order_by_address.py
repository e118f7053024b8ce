# A set of objects hashed by their addresses: CPython's iteration order follows the addresses, which the
# runtime cannot know, so iterating it is refused (its size and membership are fine).
class Node:
    pass


nodes = {Node() for _ in range(3)}
print(len(nodes), all(isinstance(n, Node) for n in [next(iter({Node()}))]))
for node in nodes:
    print(type(node).__name__)
