# From PEP 255 (Simple Generators; Schemenauer, Peters, Hetland): the binary tree class with its recursive and non-recursive inorder generators and driver (prints in Python 3 spelling), fib, and the protocol examples.
# Licence: public domain.

# A binary tree class.
class Tree:

    def __init__(self, label, left=None, right=None):
        self.label = label
        self.left = left
        self.right = right

    def __repr__(self, level=0, indent="    "):
        s = level*indent + repr(self.label)
        if self.left:
            s = s + "\n" + self.left.__repr__(level+1, indent)
        if self.right:
            s = s + "\n" + self.right.__repr__(level+1, indent)
        return s

    def __iter__(self):
        return inorder(self)

# Create a Tree from a list.
def tree(list):
    n = len(list)
    if n == 0:
        return []
    i = n // 2
    return Tree(list[i], tree(list[:i]), tree(list[i+1:]))

# A recursive generator that generates Tree labels in in-order.
def inorder(t):
    if t:
        for x in inorder(t.left):
            yield x
        yield t.label
        for x in inorder(t.right):
            yield x

# Show it off: create a tree.
t = tree("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Print the nodes of the tree in in-order.
for x in t:
    print(x, end=' ')
print()

# A non-recursive generator.
def inorder(node):
    stack = []
    while node:
        while node.left:
            stack.append(node)
            node = node.left
        yield node.label
        while not node.right:
            try:
                node = stack.pop()
            except IndexError:
                return
            yield node.label
        node = node.right

# Exercise the non-recursive generator.
for x in t:
    print(x, end=' ')
print()
print(repr(tree("ABCDEFG")))

# The PEP's fib and the generator protocol it describes.
def fib():
    a, b = 0, 1
    while 1:
        yield b
        a, b = b, a+b

g = fib()
print([next(g) for _ in range(10)])

def f():
    return
    yield
print(list(f()))

def g2():
    yield 1
    try:
        yield 2
    finally:
        print("cleanup")
    yield 3
gen = g2()
print(next(gen), next(gen))
gen.close()
