# try/except/else/finally around yields, driven through each path.
def gen(fail):
    try:
        yield "try"
        if fail:
            raise ValueError("failing")
    except ValueError as e:
        yield f"except {e}"
    else:
        yield "else"
    finally:
        print("finally", fail)
    yield "after"


print(list(gen(False)))
print(list(gen(True)))
g = gen(False)
next(g)
print(g.throw(ValueError("thrown")))
print(list(g))
