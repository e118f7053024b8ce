# str case operations by CPython's Unicode rules: title/capitalize (title case, ß -> Ss, final sigma),
# swapcase, istitle, isidentifier (XID_Start/XID_Continue); format's 'Unknown format code' message.
words = ['hello world', "they're bill's", 'élan vital', 'ß', 'ǆemal', 'ﬁne', 'ΣΑΣ', 'ΑΣ ΣΑ', 'HELLO wORLD', '', '123abc', 'ǅ', 'İstanbul', 'a1b2', 'ŉ', 'x_y-z']
for w in words:
    print(repr(w.title()), repr(w.capitalize()), repr(w.swapcase()), w.istitle(), w.isidentifier(), w.isupper(), w.islower(), repr(w.lower()), repr(w.upper()))
print('İ'.isidentifier(), '_1'.isidentifier(), '1a'.isidentifier(), 'a b'.isidentifier(), '℘x'.isidentifier(), '·'.isidentifier(), 'a·'.isidentifier())
for v, spec in [(3, 'ß'), ('a', 'İ'), (2.5, 'q'), (3, '>5z'), (3, 'xx'), ('s', '5.2y'), (1, ' '), (1, '\x01')]:
    try:
        print(format(v, spec))
    except ValueError as e:
        print(e)
