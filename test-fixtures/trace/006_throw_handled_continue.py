# Seed example: throw() into a generator that handles the error and keeps running.
def error_handler():
    while True:
        try:
            value = yield
            print(f"Processing: {value}")
        except ValueError as e:
            print(f"Caught error: {e}")


gen = error_handler()
next(gen)
gen.send(10)
gen.send(20)
print(gen.throw(ValueError("Bad value!")))
gen.send(30)
print(gen.throw(ValueError))
gen.send(40)
