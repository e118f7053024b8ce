# Pagination over a fake API with yield from, early exit via islice, and cleanup reporting.
from itertools import islice

PAGES = {None: (["a", "b"], "p2"), "p2": (["c"], "p3"), "p3": (["d", "e"], None)}


def fetch(token):
    print("fetching", token)
    return PAGES[token]


def page_items(token):
    items, next_token = fetch(token)
    yield from items
    return next_token


def all_items():
    token = None
    pages = 0
    try:
        while True:
            token = yield from page_items(token)
            pages += 1
            if token is None:
                return pages
    finally:
        print("pages read:", pages)


print(list(islice(all_items(), 3)))
g = all_items()
print(list(g))
it = all_items()
print(next(it), next(it), next(it))
it.close()
