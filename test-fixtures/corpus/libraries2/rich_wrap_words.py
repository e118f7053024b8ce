# From rich 13.7.1 (as vendored in pip 24.2, pip/_vendor/rich/_wrap.py): `words` (as written) and `loop_last` from rich/_loop.py, with a driver that folds words to a width.
# Licence: MIT, Copyright (c) 2020 Will McGugan.
import re
from typing import Iterable, Tuple, TypeVar

T = TypeVar("T")

re_word = re.compile(r"\s*\S+\s*")

def words(text: str) -> Iterable[tuple[int, int, str]]:
    """Yields each word from the text as a tuple
    containing (start_index, end_index, word). A "word" in this context may
    include the actual word and any whitespace to the right.
    """
    position = 0
    word_match = re_word.match(text, position)
    while word_match is not None:
        start, end = word_match.span()
        word = word_match.group(0)
        yield start, end, word
        word_match = re_word.match(text, end)

def loop_last(values: Iterable[T]) -> Iterable[Tuple[bool, T]]:
    """Iterate and generate a tuple with a flag for last value."""
    iter_values = iter(values)
    try:
        previous_value = next(iter_values)
    except StopIteration:
        return
    for value in iter_values:
        yield False, previous_value
        previous_value = value
    yield True, previous_value


def fill(text, width):
    lines, line = [], ''
    for start, end, word in words(text):
        if len(line) + len(word.rstrip()) > width and line:
            lines.append(line.rstrip())
            line = ''
        line += word
    lines.append(line.rstrip())
    return lines

text = "  Generators are lazy:   they compute values only when asked, one at a time.  "
print(list(words(text)))
print(list(words('')), list(words('   ')))
for width in (10, 25, 80):
    for last, line in loop_last(fill(text, width)):
        print(f'{line!r:30} last={last}')
