# A tokenizer generator using string methods.
def tokens(text):
    word = ""
    for ch in text:
        if ch.isalnum() or ch == "_":
            word += ch
            continue
        if word:
            yield ("NAME" if not word.isdigit() else "NUMBER", word)
            word = ""
        if ch.strip():
            yield ("OP", ch)
    if word:
        yield ("NAME" if not word.isdigit() else "NUMBER", word)


print(list(tokens("x1 = (y + 42)*z")))
print([t for kind, t in tokens("a,b;c") if kind == "OP"])
print("-".join(t.upper() for _, t in tokens("foo bar")), "a b".split(), "x".join(["1", "2"]))
