# f-strings inside generators: conversions, format specs, nested expressions.
def report(items):
    for i, (name, price) in enumerate(items, start=1):
        yield f"{i:>2}. {name!r:<8}|{price:8.2f}|{price:>+6.1f}|{price * 100:,.0f}"


for line in report([("tea", 3.5), ("cake", 1234.125)]):
    print(line)
width = 6
value = 42
print(f"{value:{width}}|{value:0{width}d}|{value:x}|{value:#o}|{value:b}")
print(f"{'nested ' + str(value)}" f" {value!s} {3.0!r} {[1, 2]!r} {{braces}}")
print(f"{value=} {width * 2 = }")
