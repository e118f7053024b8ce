# throw() while delegating to an iterator without throw(): raised at the `yield from` in the outer frame.
def outer():
    try:
        yield from iter([1, 2, 3])
    except ValueError as e:
        print("outer caught", e)
        yield "recovered"


g = outer()
print(next(g))
print(g.throw(ValueError("into list iterator")))
print(list(g))
