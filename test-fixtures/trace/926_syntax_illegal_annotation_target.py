# An expression that is no target, annotated: CPython's parser says "illegal target for annotation" (tree-sitter stops at it), before running anything.
print("never printed")
def f():
    return 1
f(): int = 2
