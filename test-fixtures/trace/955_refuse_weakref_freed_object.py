# A weak reference to an object nothing else holds: CPython frees it at once (refcounting) or, in a cycle,
# when its collector runs; the runtime does not model when, and refuses rather than answer None or the object.
import weakref


class Node:
    pass


def fresh():
    node = Node()
    return weakref.ref(node)


r = fresh()
print(r() is None)
