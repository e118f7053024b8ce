# Breaking out of a for loop leaves the generator suspended until close().
import inspect


def gen():
    try:
        for i in range(10):
            yield i
    finally:
        print("cleanup at close")


g = gen()
for value in g:
    if value == 2:
        break
print("after break", inspect.getgeneratorstate(g))
print(next(g))
g.close()
print(inspect.getgeneratorstate(g))
