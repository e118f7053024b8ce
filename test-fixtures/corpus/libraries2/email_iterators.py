# From CPython 3.13.0, Lib/email/iterators.py: `walk`, `body_line_iterator`, `typed_subpart_iterator` (as written), driven by a small stand-in Message class.
# Licence: PSF-2.0 (Python Software Foundation License), Copyright (c) 2001 Python Software Foundation.
from io import StringIO

def walk(self):
    """Walk over the message tree, yielding each subpart.

    The walk is performed in depth-first order.  This method is a
    generator.
    """
    yield self
    if self.is_multipart():
        for subpart in self.get_payload():
            yield from subpart.walk()


# These two functions are imported into the Iterators.py interface module.
def body_line_iterator(msg, decode=False):
    """Iterate over the parts, returning string payloads line-by-line.

    Optional decode (default False) is passed through to .get_payload().
    """
    for subpart in msg.walk():
        payload = subpart.get_payload(decode=decode)
        if isinstance(payload, str):
            yield from StringIO(payload)


def typed_subpart_iterator(msg, maintype='text', subtype=None):
    """Iterate over the subparts with a given MIME type.

    Use `maintype' as the main MIME type to match against; this defaults to
    "text".  Optional `subtype' is the MIME subtype to match against; if
    omitted, only the main type is matched.
    """
    for subpart in msg.walk():
        if subpart.get_content_maintype() == maintype:
            if subtype is None or subpart.get_content_subtype() == subtype:
                yield subpart


def _structure(msg, fp=None, level=0, include_default=False):
    """A handy debugging aid"""
    if fp is None:
        fp = sys.stdout
    tab = ' ' * (level * 4)
    print(tab + msg.get_content_type(), end='', file=fp)
    if include_default:
        print(' [%s]' % msg.get_default_type(), file=fp)
    else:
        print(file=fp)
    if msg.is_multipart():
        for subpart in msg.get_payload():
            _structure(subpart, fp, level+1, include_default)


class Message:
    def __init__(self, ctype, payload):
        self._ctype = ctype
        self._payload = payload
    def is_multipart(self):
        return isinstance(self._payload, list)
    def get_payload(self, decode=False):
        return self._payload
    def get_content_maintype(self):
        return self._ctype.split('/')[0]
    def get_content_subtype(self):
        return self._ctype.split('/')[1]
    def get_content_type(self):
        return self._ctype
    def __repr__(self):
        return f'<{self._ctype}>'
    walk = walk

msg = Message('multipart/mixed', [
    Message('text/plain', 'Hello,\nthis is the body.\n'),
    Message('multipart/alternative', [Message('text/plain', 'alt text\n'), Message('text/html', '<p>alt</p>\n')]),
    Message('image/png', 'PNGDATA'),
])
print(list(msg.walk()))
print(list(body_line_iterator(msg)))
print(list(typed_subpart_iterator(msg)))
print(list(typed_subpart_iterator(msg, 'text', 'html')))
print(list(typed_subpart_iterator(msg, 'image')))
