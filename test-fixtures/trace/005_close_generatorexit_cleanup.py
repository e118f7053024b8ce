# Seed example: a reader that catches GeneratorExit on close(), cleans up and re-raises.
import io


def file_reader(name, f):
    print(f"Opening {name}")
    try:
        for line in f:
            yield line.strip()
    except GeneratorExit:
        print("Closing file...")
        f.close()
        raise


data = io.StringIO("first line\nsecond line\nthird line\n")
reader = file_reader('data.txt', data)
print(next(reader))
print(next(reader))
print(reader.close())
print(data.closed)
print(reader.gi_frame)
