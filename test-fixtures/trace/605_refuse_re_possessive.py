# re: a possessive quantifier has no JS equivalent; the runtime refuses it rather than guess.
import re

print(re.findall(r'\d++', 'a12b3'))
