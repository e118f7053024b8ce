# Nothing in a generator body runs before the first next(); the interleaving shows the laziness.
log = []


def gen():
    log.append("start")
    yield 1
    log.append("middle")
    yield 2
    log.append("end")


g = gen()
log.append("created")
log.append(next(g))
log.append(next(g))
log.append(next(g, "stop"))
print(log)
