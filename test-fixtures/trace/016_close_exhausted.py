# close() on an exhausted generator does nothing and returns None.
def gen():
    try:
        yield 1
    finally:
        print("finally once")


g = gen()
for value in g:
    print("value", value)
print(g.close())
print(g.close())
