# str.maketrans is a staticmethod: called on an instance (as shlex does, self.wordchars.maketrans(d)) it
# gets no self. Its three forms and their errors, astral characters included.
wordchars = 'abcdef();<>|&'
t = wordchars.maketrans(dict.fromkeys('();<>|&'))
print(t)
print(wordchars.translate(t))
print('abc'.maketrans('ab', 'xy'), str.maketrans('a', 'b', 'cd'))
print(str.maketrans({'a': 'b', 98: None, True: 'one'}))
print(str.maketrans('\U0001F600x', 'y\U0001F601'))
print('héllo'.translate(str.maketrans('é', 'e')))
print(type('x'.maketrans).__name__, type(str.__dict__['maketrans']).__name__)
for args in [({'ab': 1},), ({1.5: 1},), ([1],), ('ab', 'c'), (1, 'c'), ('a', 2), ('a', 'b', 3), (), ('a', 'b', 'c', 'd')]:
    try:
        print(args, str.maketrans(*args))
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__, e)
