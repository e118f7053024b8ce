# keyword: kwlist, softkwlist, iskeyword, issoftkeyword (CPython 3.13's Lib/keyword.py).
import keyword
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist), keyword.softkwlist, keyword.__all__)
