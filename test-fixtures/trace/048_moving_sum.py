# Seed example: a moving-window sum coroutine.
def moving_sum(window):
    total = 0
    buf = []
    while True:
        x = yield total
        buf.append(x)
        total += x
        if len(buf) > window:
            total -= buf.pop(0)


m = moving_sum(3)
next(m)
for value in [1, 2, 3, 4, 5, 10]:
    print(value, m.send(value))
print(m.gi_frame.f_locals["buf"])
