"""A plugin in the `acme` namespace package (no __init__.py in acme/ or acme/plugins/)."""


def csv_writer(rows):
    while True:
        row = yield
        rows.append(",".join(map(str, row)))
