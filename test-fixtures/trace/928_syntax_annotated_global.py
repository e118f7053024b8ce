# A name annotated in a function after its global declaration: "annotated name can't be global", a symbol-table error found before the compiler's (the __debug__ assignment below).
print("never printed")
counter = 0
def bump():
    global counter
    counter: int = counter + 1
__debug__ = False
