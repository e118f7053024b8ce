# Seed example: the frame's locals after each next().
def counter(start, end):
    current = start
    while current < end:
        value = current ** 2
        yield value
        current += 1


gen = counter(0, 3)
print(gen.gi_frame.f_locals)
print(next(gen))
print(gen.gi_frame.f_locals)
print(next(gen))
print(gen.gi_frame.f_locals)
