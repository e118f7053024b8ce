# __debug__ cannot be a target: as a parameter, a keyword argument, a for target or an augmented assignment it is the compiler's "cannot assign to __debug__".
print("never printed")
def run(flag):
    return flag
run(__debug__=True)
