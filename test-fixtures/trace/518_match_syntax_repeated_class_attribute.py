# CPython refuses this pattern when it compiles the module: nothing runs.
print("never printed")
match x:
    case C(a=1, a=2):
        pass
