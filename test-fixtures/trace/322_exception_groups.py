# BaseExceptionGroup and ExceptionGroup: construction checks, the BaseExceptionGroup of Exceptions that is an
# ExceptionGroup, str/repr, message/exceptions, and subgroup/split/derive keeping the nesting.
def run(label, fn):
    try: print(label, repr(fn()))
    except BaseException as e: print(label, type(e).__name__, e)
run('1', lambda: BaseExceptionGroup('m', [ValueError(1)]))
run('2', lambda: BaseExceptionGroup('m', [KeyboardInterrupt()]))
run('3', lambda: ExceptionGroup('m', [KeyboardInterrupt()]))
run('4', lambda: ExceptionGroup(1, [ValueError()]))
run('5', lambda: ExceptionGroup('m', []))
run('6', lambda: ExceptionGroup('m', 5))
run('7', lambda: ExceptionGroup('m', [5]))
run('8', lambda: ExceptionGroup('m'))
run('9', lambda: ExceptionGroup('m', (ValueError(1), TypeError(2))))
e = ExceptionGroup('msg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [KeyError(3)])])
print(str(e), e.message, e.exceptions, e.args, type(e).__mro__)
print(e.subgroup(ValueError), e.split(KeyError), e.derive([ValueError(9)]))
print(e.subgroup(lambda x: isinstance(x, (ValueError, ExceptionGroup))))
print(repr(ExceptionGroup('a', [ValueError()])), str(ExceptionGroup('a', [ValueError()])), vars(e))
run('10', lambda: ExceptionGroup('m', [ValueError()], 3))
class MyEG(ExceptionGroup): pass
run('11', lambda: MyEG('m', [ValueError()]))
print(e.subgroup(OSError), e.split(OSError))
