# Seed example: a coroutine that prints what it receives; must be primed first.
def echo():
    while True:
        received = yield
        print(f"You sent: {received}")


gen = echo()
print(next(gen))
print(gen.send("Hello"))
gen.send("World")
gen.send(42)
gen.close()
print("closed")
