# A global declaration after the name was read, and after it was assigned, in the same function: the first in source order is the SyntaxError ("used prior to global declaration"); an import before it is allowed.
print("never printed")
def first():
    import os
    global os
def second():
    print(total)
    global total
def third():
    total = 1
    global total
