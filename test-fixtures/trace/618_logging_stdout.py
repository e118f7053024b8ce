# logging: loggers, levels, handlers writing to stdout (StreamHandler(sys.stdout), basicConfig(stream=...)), the
# three format styles, filters, propagation, lastResort (to stderr: not in stdout), from generators.
import logging
import sys

log = logging.getLogger('pipeline')
print(log, log.level, log.getEffectiveLevel(), log.parent, logging.getLogger() is logging.root, logging.getLevelName(15))
logging.warning('no handlers: lastResort writes %s to stderr', 'this')
logging.basicConfig(stream=sys.stdout, level=logging.INFO)
print(logging.root.handlers[0].level, logging.root.level, logging.getLevelName(logging.root.level))


def stages(items):
    for i in items:
        log.debug('skipped %d', i)
        log.info('stage %d', i)
        if i % 2:
            log.warning('odd item %r', i)
        yield i * 10


print(list(stages([1, 2, 3])))
child = logging.getLogger('pipeline.load')
child.setLevel(logging.DEBUG)
child.debug('child debug %s', {'k': 1})
child.info('mapping args %(a)s', {'a': 'A'})
print(child.parent is log, child.getEffectiveLevel(), log.getChild('load') is child, child.isEnabledFor(logging.DEBUG))
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('[{levelname}] {name}: {message}', style='{'))
quiet = logging.getLogger('quiet')
quiet.addHandler(handler)
quiet.propagate = False
quiet.error('braces %s', 'style')
handler.setFormatter(logging.Formatter('$levelname|$message', style='$'))
quiet.critical('dollar')


class OnlyEven(logging.Filter):
    def filter(self, record):
        return not record.args or record.args[0] % 2 == 0


quiet.addFilter(OnlyEven())
for n in range(4):
    quiet.warning('n=%d', n)
quiet.log(logging.ERROR, 'via log()')
logging.disable(logging.WARNING)
quiet.error('still shown (ERROR > WARNING)')
quiet.warning('hidden by disable')
logging.disable(logging.NOTSET)
print(logging.getLogger('a.b.c').parent is logging.root, logging.getLogger('a').name, logging.getLogger('a.b.c').parent.name)
for call in (lambda: log.setLevel('LOUD'), lambda: log.log('x', 'm'), lambda: logging.Formatter('x', style='?')):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
