# 2.5 ** 2.5 lies within 0.01 units in the last place of a midpoint between two doubles: C's pow (whose
# error reaches 0.52 units) may round it either way, so the runtime refuses rather than pick one.
print(2.5 ** 2.5)
