# A line-parsing coroutine that returns its result on close via GeneratorExit handling.
def parser():
    records = []
    current = {}
    try:
        while True:
            line = yield len(records)
            if not line:
                if current:
                    records.append(current)
                    current = {}
                continue
            key, _, value = line.partition(":")
            current[key.strip()] = value.strip()
    except GeneratorExit:
        if current:
            records.append(current)
        return records


p = parser()
next(p)
for line in ["name: ada", "lang: python", "", "name: bob"]:
    print(repr(line), p.send(line))
print(p.close())
