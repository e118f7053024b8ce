# string (constants, capwords, Template and subclasses) and textwrap (wrap, fill, shorten, dedent, indent, TextWrapper): CPython's own Lib code over the runtime's re.
import re
from string import Template
print(re.sub('(?i)hello', 'bye', 'HeLLo wörld'), re.match('(?a:[_a-z]+)', 'abc'))
print(Template('$who likes $what, ${x}y $$').substitute(who='tim', what='kung pao', x='Z'), Template('$a $b').safe_substitute(a=1))
try: Template('$who').substitute()
except KeyError as e: print('KeyError', e)
try: Template('$').substitute()
except ValueError as e: print(e)
class MyT(Template):
    delimiter = '%'
print(MyT('%x and $y').substitute(x=1))
import string, textwrap
print(string.capwords(' hello   world '), string.ascii_letters, string.punctuation, repr(string.whitespace), string.printable[-10:])
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30), textwrap.fill(text, width=40, initial_indent='> ', subsequent_indent='  '))
print(textwrap.shorten('Hello  world, this is long', width=15), repr(textwrap.dedent('    a\n      b\n    c')), textwrap.indent('a\n\nb', '+ '))
w = textwrap.TextWrapper(width=10, break_long_words=True, max_lines=2, placeholder='...')
print(w.wrap('supercalifragilistic expialidocious word'), textwrap.wrap('a-b-c-d-e-f-g', 4))
