# A generator-based state machine that parses a tiny key=value protocol sent in chunks.
def parser():
    pairs = []
    buffer = ""
    state = "key"
    key = ""
    while True:
        chunk = yield pairs[-1] if pairs else None
        if chunk is None:
            break
        for ch in chunk:
            if state == "key":
                if ch == "=":
                    key, buffer, state = buffer, "", "value"
                else:
                    buffer += ch
            elif ch == ";":
                pairs.append((key.strip(), buffer.strip()))
                buffer, state = "", "key"
            else:
                buffer += ch
    return dict(pairs)


p = parser()
print(next(p))
for chunk in ["na", "me = ada;", " lang=py", "thon;", "x=1", ";"]:
    print(repr(chunk), "->", p.send(chunk))
try:
    p.send(None)
except StopIteration as done:
    print(done.value)
