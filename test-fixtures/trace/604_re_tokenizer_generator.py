# re: the Python docs' tokenizer as a generator over finditer (lastgroup), and the docs' examples.
import re

def tokenize(code):
    # Built at run time: the order of a folded set display depends on how CPython compiled it (see 459).
    keywords = set(['IF', 'THEN', 'ENDIF', 'FOR', 'NEXT', 'GOSUB', 'RETURN'])
    token_specification = [
        ('NUMBER',   r'\d+(\.\d*)?'),  # Integer or decimal number
        ('ASSIGN',   r':='),           # Assignment operator
        ('END',      r';'),            # Statement terminator
        ('ID',       r'[A-Za-z]+'),    # Identifiers
        ('OP',       r'[+\-*/]'),      # Arithmetic operators
        ('NEWLINE',  r'\n'),           # Line endings
        ('SKIP',     r'[ \t]+'),       # Skip over spaces and tabs
        ('MISMATCH', r'.'),            # Any other character
    ]
    tok_regex = '|'.join('(?P<%s>%s)' % pair for pair in token_specification)
    line_num = 1
    line_start = 0
    for mo in re.finditer(tok_regex, code):
        kind = mo.lastgroup
        value = mo.group()
        column = mo.start() - line_start
        if kind == 'NUMBER':
            value = float(value) if '.' in value else int(value)
        elif kind == 'ID' and value in keywords:
            kind = value
        elif kind == 'NEWLINE':
            line_start = mo.end()
            line_num += 1
            continue
        elif kind == 'SKIP':
            continue
        yield kind, value, line_num, column

statements = '''
    IF quantity THEN
        total := total + price * quantity;
        tax := price * 0.05;
    ENDIF;
'''
for token in tokenize(statements):
    print(token)
print(re.match(r'(\d+)\.(\d+)', '24.1632').lastindex)
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__module__, type(e).__qualname__, e)
valid = re.compile(r"^[a2-9tjqk]{5}$")
print(valid.match("akt5q"), valid.match("akt5e"), valid.match("akt"))
pair = re.compile(r".*(.).*\1")
print(pair.match("717ak").group(1), pair.match("354aa").group(1))
print(re.search(r"(?<=-)\w+", "spam-egg"), re.sub(r'\s+', ' ', '  a \t b\n c '), re.findall(r"\w+ly\b", "He was carefully disguised but captured quickly by police."))
print(re.sub(r'def\s+([a-zA-Z_][a-zA-Z_0-9]*)\s*\(\s*\):', r'static PyObject*\npy_\1(void)\n{', 'def myfunc():'))
t(lambda: re.sub(r'(?P<a>x)', r'\g<b>', 'x'))
t(lambda: re.sub(r'(x)', r'\g<2>', 'x'))
t(lambda: re.sub(r'(x)', r'\g<-1>', 'x'))
t(lambda: re.sub(r'(x)', '\\', 'x'))
t(lambda: re.compile('(?P<a>)(?P=a)x').match('x'))
t(lambda: re.compile(r'a|b|').findall('abc'))
print(re.findall(r'\d+|(?=x)', '12x3'), re.split(r'(?=[A-Z])', 'HelloWorldFoo'), re.sub('(?m)^', '> ', 'a\nb\n'), re.findall('(?m)$', 'a\nb\n'))
print(re.findall(r'[^\n]*?$', 'ab\n'), re.match(r'(?s).+', 'a\nb'), re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
