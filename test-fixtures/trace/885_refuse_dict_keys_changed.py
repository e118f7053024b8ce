# A dict whose keys are deleted and added while it is iterated: CPython raises "dictionary keys changed during
# iteration" or skips keys, depending on when its table resizes; the runtime refuses.
d = {0: 0}
try:
    for i in d:
        del d[0]
        d[0] = 0
except RuntimeError as e:
    print(e)
