# CPython refuses this pattern when it compiles the module: nothing runs.
print("never printed")
match x:
    case [a] | b:
        pass
