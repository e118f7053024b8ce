# A generator that closes over and updates a nonlocal counter of its enclosing function.
def make_counter():
    calls = 0

    def numbers(limit):
        nonlocal calls
        for i in range(limit):
            calls += 1
            yield i

    def count():
        return calls

    return numbers, count


numbers, count = make_counter()
print(list(numbers(3)))
g = numbers(5)
next(g)
next(g)
print(count())
print(g.__qualname__)
