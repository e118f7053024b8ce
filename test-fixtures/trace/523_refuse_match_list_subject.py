# tree-sitter reads a match statement whose subject is a list display as an annotated assignment: refused.
point = (1, 2)
match [point, 3]:
    case [(x, y), z]:
        print(x, y, z)
