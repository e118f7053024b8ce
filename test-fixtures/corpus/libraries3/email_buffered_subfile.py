# From CPython 3.13.0, Lib/email/feedparser.py: `NeedMoreData`, `NLCRE_crack` and the `BufferedSubFile` class (as written), with a driver.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
import re
from collections import deque
from io import StringIO

NLCRE_crack = re.compile(r'(\r\n|\r|\n)')
NeedMoreData = object()

class BufferedSubFile(object):
    """A file-ish object that can have new data loaded into it.

    You can also push and pop line-matching predicates onto a stack.  When the
    current predicate matches the current line, a false EOF response
    (i.e. empty string) is returned instead.  This lets the parser adhere to a
    simple abstraction -- it parses until EOF closes the current message.
    """
    def __init__(self):
        # Text stream of the last partial line pushed into this object.
        # See issue 22233 for why this is a text stream and not a list.
        self._partial = StringIO(newline='')
        # A deque of full, pushed lines
        self._lines = deque()
        # The stack of false-EOF checking predicates.
        self._eofstack = []
        # A flag indicating whether the file has been closed or not.
        self._closed = False

    def push_eof_matcher(self, pred):
        self._eofstack.append(pred)

    def pop_eof_matcher(self):
        return self._eofstack.pop()

    def close(self):
        # Don't forget any trailing partial line.
        self._partial.seek(0)
        self.pushlines(self._partial.readlines())
        self._partial.seek(0)
        self._partial.truncate()
        self._closed = True

    def readline(self):
        if not self._lines:
            if self._closed:
                return ''
            return NeedMoreData
        # Pop the line off the stack and see if it matches the current
        # false-EOF predicate.
        line = self._lines.popleft()
        # RFC 2046, section 5.1.2 requires us to recognize outer level
        # boundaries at any level of inner nesting.  Do this, but be sure it's
        # in the order of most to least nested.
        for ateof in reversed(self._eofstack):
            if ateof(line):
                # We're at the false EOF.  But push the last line back first.
                self._lines.appendleft(line)
                return ''
        return line

    def unreadline(self, line):
        # Let the consumer push a line back into the buffer.
        assert line is not NeedMoreData
        self._lines.appendleft(line)

    def push(self, data):
        """Push some new data into this object."""
        self._partial.write(data)
        if '\n' not in data and '\r' not in data:
            # No new complete lines, wait for more.
            return

        # Crack into lines, preserving the linesep characters.
        self._partial.seek(0)
        parts = self._partial.readlines()
        self._partial.seek(0)
        self._partial.truncate()

        # If the last element of the list does not end in a newline, then treat
        # it as a partial line.  We only check for '\n' here because a line
        # ending with '\r' might be a line that was split in the middle of a
        # '\r\n' sequence (see bugs 1555570 and 1721862).
        if not parts[-1].endswith('\n'):
            self._partial.write(parts.pop())
        self.pushlines(parts)

    def pushlines(self, lines):
        self._lines.extend(lines)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line == '':
            raise StopIteration
        return line


def drain(f):
    """The lines readline gives until it needs more data or reaches a (false) EOF."""
    lines = []
    while True:
        line = f.readline()
        if line is NeedMoreData or line == '':
            return lines, 'more' if line is NeedMoreData else 'eof'
        lines.append(line)

f = BufferedSubFile()
f.push('Subject: hi\r\nFrom: a@b')
print(repr(f.readline()), f.readline() is NeedMoreData)
f.push('.c\nTo: x\n\nbody line 1\nbody')
print(drain(f))
f.push(' line 2\r')
f.push('\n--BOUNDARY\nafter\n')
f.push_eof_matcher(lambda line: line.startswith('--BOUNDARY'))
print(drain(f))
print(f.pop_eof_matcher() is not None)
print(repr(f.readline()))
f.unreadline('pushed back\n')
f.push('tail without newline')
print(drain(f))
f.close()
print(list(f), repr(f.readline()))
