# GeneratorExit is a BaseException: `except Exception` does not stop close().
def gen():
    try:
        yield 1
    except Exception as e:
        print("not reached", e)
    finally:
        print("finally")


g = gen()
next(g)
g.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
print(GeneratorExit.__mro__)
