# A nonlocal without a binding fails in the symbol table, before the compiler meets any earlier error.
print("never printed")
break


def f():
    nonlocal missing
    await f()
