# A script with top-level driver code and no __main__ guard; a directive above a generator.
def squares(limit):
    for i in range(limit):
        yield i * i


# yieldlens: trace list(chunks("abcdefg", 3))
# yieldlens: trace next(chunks([], 2), "empty")
def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


for value in squares(4):
    print(value)
print(sum(squares(1000)))
