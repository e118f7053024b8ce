# A generator expression written over several lines: the yield's line is the element's line.
values = (
    value * 10
    for value in range(3)
    if value != 1
)
print(list(values))
pairs = (
    (
        a,
        b,
    )
    for a in range(2)
    for b in range(2)
)
print(list(pairs))
