# A log-analysis pipeline in the style of David Beazley's generator tricks: re-parsed lines as namedtuples,
# Counter and heapq summaries, json output, logging of malformed lines to stdout.
import heapq
import json
import logging
import re
import sys
from collections import Counter, defaultdict, namedtuple

LOG = '''\
81.107.39.38 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238
24.1.247.118 - - [24/Feb/2008:00:08:59 -0600] "GET /favicon.ico HTTP/1.1" 404 133
this line is broken
81.107.39.38 - - [24/Feb/2008:00:09:01 -0600] "GET /ply/ HTTP/1.1" 304 -
66.249.65.22 - - [24/Feb/2008:00:10:31 -0600] "GET /dynamic/ply/ HTTP/1.1" 200 4447
24.1.247.118 - - [24/Feb/2008:00:11:02 -0600] "POST /cgi-bin/form HTTP/1.1" 500 1200
'''

logging.basicConfig(stream=sys.stdout, format='%(levelname)s %(name)s: %(message)s')
log = logging.getLogger('apache')
Record = namedtuple('Record', 'host referrer user datetime method request proto status bytes')
pattern = re.compile(r'(\S+) (\S+) (\S+) \[(.*?)\] "(\S+) (\S+) (\S+)" (\S+) (\S+)')


def lines(text):
    for n, line in enumerate(text.splitlines(), 1):
        yield n, line


def parse(numbered):
    for n, line in numbered:
        m = pattern.match(line)
        if m is None:
            log.warning('line %d does not parse: %r', n, line[:20])
            continue
        yield Record(*m.groups())


def typed(records):
    for r in records:
        yield r._replace(status=int(r.status), bytes=0 if r.bytes == '-' else int(r.bytes))


records = list(typed(parse(lines(LOG))))
print(len(records), records[0])
print(sum(r.bytes for r in records), Counter(r.status for r in records).most_common())
by_host = defaultdict(list)
for r in records:
    by_host[r.host].append(r.request)
print(json.dumps(by_host, indent=1, sort_keys=True))
print(heapq.nlargest(2, records, key=lambda r: r.bytes))
errors = (r for r in records if r.status >= 400)
print([f'{r.status} {r.request}' for r in errors])
print(re.sub(r'(\d+)\.(\d+)\.(\d+)\.(\d+)', r'\1.\2.x.x', records[-1].host), json.loads(json.dumps(records[0]._asdict()))['status'])
