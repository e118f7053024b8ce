# Seed example: a generator expression is lazy and computes one value per next().
squares = (x * x for x in range(10))
print(next(squares))
print(next(squares))
print(sum(squares))
print(next(squares, "done"))
