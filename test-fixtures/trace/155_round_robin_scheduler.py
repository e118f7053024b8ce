# A round-robin scheduler of generator tasks (cooperative multitasking), with a task that fails and one that returns.
def task(name, steps):
    for i in range(steps):
        received = yield f"{name} step {i}"
        if received:
            print(f"{name} got {received!r}")
    return f"{name} done"


def failing(name):
    yield f"{name} starting"
    raise ValueError(f"{name} crashed")


def run(tasks):
    queue = list(tasks)
    results = {}
    tick = 0
    while queue:
        current = queue.pop(0)
        try:
            value = current.send(tick if tick % 3 == 0 and tick else None)
        except StopIteration as stop:
            results[current.__name__ + str(len(results))] = stop.value
            continue
        except ValueError as error:
            results["error" + str(len(results))] = str(error)
            continue
        print(f"tick {tick}: {value}")
        tick += 1
        queue.append(current)
    return results


print(run([task("a", 2), failing("b"), task("c", 3)]))
