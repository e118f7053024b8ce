# From Fluent Python, 2nd edition, example code (github.com/fluentpython/example-code-2e @ cf3161ca006b): `18-with-match/lispy/py3.10/lis.py` (Peter Norvig's lispy, edited for the book; its `__main__` reads a file or runs a REPL) with the doctests and tests of `lispy/py3.10/examples_test.py`, each printing what it asserts.
# Licence: MIT, Copyright (c) 2021 Luciano Ramalho (the example code of Fluent Python, 2nd edition).
#!/usr/bin/env python

################ Lispy: Scheme Interpreter in Python 3.10

## (c) Peter Norvig, 2010-18; See http://norvig.com/lispy.html
## Minor edits for Fluent Python, Second Edition (O'Reilly, 2021)
## by Luciano Ramalho, adding type hints and pattern matching.


################ Imports and Types

# tag::IMPORTS[]
import math
import operator as op
from collections import ChainMap
from itertools import chain
from typing import Any, TypeAlias, NoReturn

Symbol: TypeAlias = str
Atom: TypeAlias = float | int | Symbol
Expression: TypeAlias = Atom | list
# end::IMPORTS[]


################ Parsing: parse, tokenize, and read_from_tokens

def parse(program: str) -> Expression:
    "Read a Scheme expression from a string."
    return read_from_tokens(tokenize(program))

def tokenize(s: str) -> list[str]:
    "Convert a string into a list of tokens."
    return s.replace('(', ' ( ').replace(')', ' ) ').split()

def read_from_tokens(tokens: list[str]) -> Expression:
    "Read an expression from a sequence of tokens."
    if len(tokens) == 0:
        raise SyntaxError('unexpected EOF while reading')
    token = tokens.pop(0)
    if '(' == token:
        exp = []
        while tokens[0] != ')':
            exp.append(read_from_tokens(tokens))
        tokens.pop(0)  # discard ')'
        return exp
    elif ')' == token:
        raise SyntaxError('unexpected )')
    else:
        return parse_atom(token)

def parse_atom(token: str) -> Atom:
    "Numbers become numbers; every other token is a symbol."
    try:
        return int(token)
    except ValueError:
        try:
            return float(token)
        except ValueError:
            return Symbol(token)


################ Global Environment

# tag::ENV_CLASS[]
class Environment(ChainMap[Symbol, Any]):
    "A ChainMap that allows changing an item in-place."

    def change(self, key: Symbol, value: Any) -> None:
        "Find where key is defined and change the value there."
        for map in self.maps:
            if key in map:
                map[key] = value  # type: ignore[index]
                return
        raise KeyError(key)
# end::ENV_CLASS[]

def standard_env() -> Environment:
    "An environment with some Scheme standard procedures."
    env = Environment()
    env.update(vars(math))   # sin, cos, sqrt, pi, ...
    env.update({
            '+': op.add,
            '-': op.sub,
            '*': op.mul,
            '/': op.truediv,
            'quotient': op.floordiv,
            '>': op.gt,
            '<': op.lt,
            '>=': op.ge,
            '<=': op.le,
            '=': op.eq,
            'abs': abs,
            'append': lambda *args: list(chain(*args)),
            'apply': lambda proc, args: proc(*args),
            'begin': lambda *x: x[-1],
            'car': lambda x: x[0],
            'cdr': lambda x: x[1:],
            'cons': lambda x, y: [x] + y,
            'display': lambda x: print(lispstr(x)),
            'eq?': op.is_,
            'equal?': op.eq,
            'filter': lambda *args: list(filter(*args)),
            'length': len,
            'list': lambda *x: list(x),
            'list?': lambda x: isinstance(x, list),
            'map': lambda *args: list(map(*args)),
            'max': max,
            'min': min,
            'not': op.not_,
            'null?': lambda x: x == [],
            'number?': lambda x: isinstance(x, (int, float)),
            'procedure?': callable,
            'round': round,
            'symbol?': lambda x: isinstance(x, Symbol),
    })
    return env


################ Interaction: A REPL

# tag::REPL[]
def repl(prompt: str = 'lis.py> ') -> NoReturn:
    "A prompt-read-eval-print loop."
    global_env = Environment({}, standard_env())
    while True:
        ast = parse(input(prompt))
        val = evaluate(ast, global_env)
        if val is not None:
            print(lispstr(val))

def lispstr(exp: object) -> str:
    "Convert a Python object back into a Lisp-readable string."
    if isinstance(exp, list):
        return '(' + ' '.join(map(lispstr, exp)) + ')'
    else:
        return str(exp)
# end::REPL[]


################ Evaluator

# tag::EVALUATE[]
KEYWORDS = ['quote', 'if', 'lambda', 'define', 'set!']

def evaluate(exp: Expression, env: Environment) -> Any:
    "Evaluate an expression in an environment."
    match exp:
        case int(x) | float(x):
            return x
        case Symbol(var):
            return env[var]
        case ['quote', x]:
            return x
        case ['if', test, consequence, alternative]:
            if evaluate(test, env):
                return evaluate(consequence, env)
            else:
                return evaluate(alternative, env)
        case ['lambda', [*parms], *body] if body:
            return Procedure(parms, body, env)
        case ['define', Symbol(name), value_exp]:
            env[name] = evaluate(value_exp, env)
        case ['define', [Symbol(name), *parms], *body] if body:
            env[name] = Procedure(parms, body, env)
        case ['set!', Symbol(name), value_exp]:
            env.change(name, evaluate(value_exp, env))
        case [func_exp, *args] if func_exp not in KEYWORDS:
            proc = evaluate(func_exp, env)
            values = [evaluate(arg, env) for arg in args]
            return proc(*values)
        case _:
            raise SyntaxError(lispstr(exp))
# end::EVALUATE[]

# tag::PROCEDURE[]
class Procedure:
    "A user-defined Scheme procedure."

    def __init__(  # <1>
        self, parms: list[Symbol], body: list[Expression], env: Environment
    ):
        self.parms = parms  # <2>
        self.body = body
        self.env = env

    def __call__(self, *args: Expression) -> Any:  # <3>
        local_env = dict(zip(self.parms, args))  # <4>
        env = Environment(local_env, self.env)  # <5>
        for exp in self.body:  # <6>
            result = evaluate(exp, env)
        return result  # <7>
# end::PROCEDURE[]


################ command-line interface

def run(source: str) -> Any:
    global_env = Environment({}, standard_env())
    tokens = tokenize(source)
    while tokens:
        exp = read_from_tokens(tokens)
        result = evaluate(exp, global_env)
    return result

def main(args: list[str]) -> None:
    if len(args) == 1:
        with open(args[0]) as fp:
            run(fp.read())
    else:
        repl()


# ---- driver: lispy/py3.10/examples_test.py
import math
print("--- example 1")
print("--- example 2")
try:
    _value = parse('1.5')
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 3")
try:
    _value = parse('ni!')
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 4")
try:
    _value = parse('(gcd 18 45)')
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 5")
try:
    _value = parse('\n(define double\n    (lambda (n)\n        (* n 2)))\n')
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 6")
print("--- example 7")
try:
    inner_env = {'a': 2}
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 8")
try:
    outer_env = {'a': 0, 'b': 1}
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 9")
try:
    env = Environment(inner_env, outer_env)
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 10")
try:
    _value = env['a']
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 11")
try:
    env['a'] = 111
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 12")
try:
    env['c'] = 222
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 13")
try:
    _value = env
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 14")
try:
    _value = env.change('b', 333)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 15")
try:
    _value = env
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 16")
print("--- example 17")
try:
    _value = evaluate(parse('1.5'), {})
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 18")
try:
    _value = evaluate(parse('+'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 19")
try:
    _value = evaluate(parse('ni!'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 20")
try:
    _value = evaluate(parse('(quote no-such-name)'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 21")
try:
    _value = evaluate(parse('(quote (99 bottles of beer))'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 22")
try:
    _value = evaluate(parse('(quote (/ 10 0))'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 23")
try:
    _value = evaluate(parse('(if (= 3 3) 1 0))'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 24")
try:
    _value = evaluate(parse('(if (= 3 4) 1 0))'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 25")
try:
    expr = '(lambda (a b) (* (/ a b) 100))'
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 26")
try:
    f = evaluate(parse(expr), standard_env())
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 27")
try:
    _value = f
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 28")
try:
    _value = f(15, 20)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 29")
try:
    global_env = standard_env()
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 30")
try:
    _value = evaluate(parse('(define answer (* 7 6))'), global_env)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 31")
try:
    _value = global_env['answer']
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 32")
try:
    global_env = standard_env()
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 33")
try:
    percent = '(define (% a b) (* (/ a b) 100))'
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 34")
try:
    _value = evaluate(parse(percent), global_env)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 35")
try:
    _value = global_env['%']
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 36")
try:
    _value = global_env['%'](170, 200)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 37")
try:
    _value = evaluate(parse('(% (* 12 14) (- 500 100))'), global_env)
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
print("--- example 38")
try:
    _value = evaluate(parse('(lambda is not like this)'), standard_env())
    if _value is not None:
        print(repr(_value))
except Exception as _error:
    print(f'{type(_error).__name__}: {_error}')
fact_src = '\n(define (! n)\n    (if (< n 2)\n        1\n        (* n (! (- n 1)))\n    )\n)\n(! 42)\n'
gcd_src = '\n(define (mod m n)\n    (- m (* n (quotient m n))))\n(define (gcd m n)\n    (if (= n 0)\n        m\n        (gcd n (mod m n))))\n(display (gcd 18 45))\n'
quicksort_src = '\n(define (quicksort lst)\n    (if (null? lst)\n        lst\n        (begin\n            (define pivot (car lst))\n            (define rest (cdr lst))\n            (append\n                (quicksort\n                    (filter (lambda (x) (< x pivot)) rest))\n                (list pivot)\n                (quicksort\n                    (filter (lambda (x) (>= x pivot)) rest)))\n        )\n    )\n)\n(quicksort (list 2 1 6 3 4 0 8 9 7 5))\n'
newton_src = '\n(define (sqrt x)\n    (sqrt-iter 1.0 x))\n(define (sqrt-iter guess x)\n    (if (good-enough? guess x)\n        guess\n        (sqrt-iter (improve guess x) x)))\n(define (good-enough? guess x)\n    (< (abs (- (* guess guess) x)) 0.001))\n(define (improve guess x)\n    (average guess (/ x guess)))\n(define (average x y)\n    (/ (+ x y) 2))\n(sqrt 123454321)\n'
closure_src = '\n(define (make-adder increment)\n    (lambda (x) (+ increment x))\n)\n(define inc (make-adder 1))\n(inc 99)\n'
closure_with_change_src = '\n(define (make-counter)\n    (define n 0)\n    (lambda ()\n        (set! n (+ n 1))\n        n)\n)\n(define counter (make-counter))\n(display (counter))\n(display (counter))\n(display (counter))\n'
closure_averager_src = '\n(define (make-averager)\n    (define count 0)\n    (define total 0)\n    (lambda (new-value)\n        (set! count (+ count 1))\n        (set! total (+ total new-value))\n        (/ total count)\n    )\n)\n(define avg (make-averager))\n(avg 10)\n(avg 11)\n(avg 15)\n'
def test_factorial():
    got = run(fact_src)
    print(repr(got))
    print(repr(got))
print("--- test_factorial")
test_factorial()
def test_gcd():
    run(gcd_src)
print("--- test_gcd")
test_gcd()
def test_quicksort():
    got = run(quicksort_src)
    print(repr(got))
print("--- test_quicksort")
test_quicksort()
def test_newton():
    got = run(newton_src)
    print(repr(math.isclose(got, 11111)))
print("--- test_newton")
test_newton()
def test_closure():
    got = run(closure_src)
    print(repr(got))
print("--- test_closure")
test_closure()
def test_closure_with_change():
    run(closure_with_change_src)
print("--- test_closure_with_change")
test_closure_with_change()
def test_closure_averager():
    got = run(closure_averager_src)
    print(repr(got))
print("--- test_closure_averager")
test_closure_averager()
