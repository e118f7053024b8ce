# Seed example: running average driven by send(); sending None ends it with StopIteration.
def running_average():
    total = 0
    count = 0
    average = None

    while True:
        number = yield average

        if number is None:
            break

        total += number
        count += 1
        average = total / count


avg = running_average()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(30))
print(avg.send(40))
try:
    avg.send(None)
except StopIteration as e:
    print("finished", e.value)
