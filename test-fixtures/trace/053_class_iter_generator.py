# A tree whose __iter__ is a generator method delegating to its children with yield from.
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def __repr__(self):
        return f"Node({self.value!r})"


tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(list(tree))
it = iter(tree)
print(type(it).__name__, it.__qualname__)
print(next(it), next(it))
print(sum(tree))
print([n for n in tree if n % 2])
