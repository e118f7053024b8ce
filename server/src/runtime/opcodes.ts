// The instruction set shared by the compiler and the VM: a small, CPython-3.8-like stack machine with
// a per-frame block stack for exception handlers. Each instruction is two Int32 slots (opcode, argument).

export const enum Op {
  NOP,
  POP_TOP,
  DUP_TOP,
  DUP_TOP_TWO,
  ROT_TWO,
  ROT_THREE,
  ROT_FOUR,
  LOAD_CONST,
  LOAD_FAST,
  STORE_FAST,
  DELETE_FAST,
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  LOAD_CLOSURE,
  LOAD_CLASSDEREF,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  LOAD_ATTR,
  STORE_ATTR,
  DELETE_ATTR,
  LOAD_METHOD,
  CALL_METHOD,
  BINARY_SUBSCR,
  STORE_SUBSCR,
  DELETE_SUBSCR,
  BUILD_SLICE,
  BINARY_OP,
  INPLACE_OP,
  UNARY_NEG,
  UNARY_POS,
  UNARY_NOT,
  UNARY_INVERT,
  COMPARE_OP,
  JUMP,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  GET_ITER,
  FOR_ITER,
  BUILD_LIST,
  BUILD_TUPLE,
  BUILD_SET,
  BUILD_MAP,
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  LIST_EXTEND,
  SET_UPDATE,
  DICT_UPDATE,
  LIST_TO_TUPLE,
  UNPACK_SEQUENCE,
  UNPACK_EX,
  CALL,
  CALL_KW,
  CALL_EX,
  MAKE_FUNCTION,
  RETURN_VALUE,
  YIELD_VALUE,
  GET_YIELD_FROM_ITER,
  SEND,
  SETUP_FINALLY,
  POP_BLOCK,
  POP_EXCEPT,
  RERAISE,
  RAISE_VARARGS,
  CHECK_EXC_MATCH,
  BEFORE_WITH,
  WITH_EXCEPT_START,
  WITH_EXIT,
  FORMAT_VALUE,
  BUILD_STRING,
  LOAD_BUILD_CLASS,
  IMPORT_NAME,
  IMPORT_FROM,
  /** `from m import *`: pops the module and binds its public names (its `__all__`) in the globals. */
  IMPORT_STAR,
  UNSUPPORTED,
  LOAD_ASSERTION_ERROR,
  LOAD_LOCALS,
  COPY_DICT_WITHOUT,
  /** Pops a for-loop iterator early (break/return); a temporary generator dies here, as in CPython. */
  POP_ITER,
  /** STORE_FAST then LOAD_FAST of the same local (peephole; the LOAD_FAST's slot stays, skipped). */
  STORE_FAST_LOAD_FAST,
  /** FOR_ITER whose next instruction is STORE_FAST: stores the item itself and skips it. */
  FOR_ITER_STORE_FAST,
  /** LOAD_FAST then YIELD_VALUE 0: yields the local; the YIELD_VALUE's slot stays (f.ip, lines). */
  LOAD_FAST_YIELD,
  /** SEND then its `yield from` YIELD_VALUE: yields the subiterator's value; the YIELD_VALUE's slot stays. */
  SEND_YIELD,
  /** LOAD_CONST then BINARY_OP/INPLACE_OP: small-int arithmetic with the constant in one dispatch, else just the LOAD_CONST. */
  LOAD_CONST_BINARY_OP,
  /** COMPARE_OP (<, <=, ==, !=, >, >=) then POP_JUMP_IF_FALSE: number comparisons branch at once, else just the COMPARE_OP. */
  COMPARE_OP_JUMP_IF_FALSE,
  /** FOR_ITER then STORE_NAME (module-level loops): stores the item into its cached global cell, else pushes it for the STORE_NAME. */
  FOR_ITER_STORE_NAME,
  /** LOAD_FAST then LOAD_FAST (`x * x`, `a + b`, call arguments): both locals in one dispatch; the second slot stays, skipped. */
  LOAD_FAST_LOAD_FAST,
  /** `await`: TOS becomes its awaitable's iterator (arg 1: of __aenter__'s result, 2: of __aexit__'s), as _PyEval_GetAwaitable. */
  GET_AWAITABLE,
  /** `async for`: TOS becomes TOS.__aiter__() (checked for __anext__). */
  GET_AITER,
  /** Pushes the awaitable of TOS.__anext__() (the async iterator stays). */
  GET_ANEXT,
  /** The StopAsyncIteration handler of `async for`: ends the loop (pops the iterator) or re-raises anything else. */
  END_ASYNC_FOR,
  /** `async with`: pushes the bound __aexit__, then the result of __aenter__() (an awaitable). */
  BEFORE_ASYNC_WITH,
  /** Pops a bound __exit__/__aexit__ and pushes what calling it with (None, None, None) returned. */
  WITH_EXIT_CALL,
  /** Pushes stack[-arg] (CPython's COPY: 1 is TOS). */
  COPY,
  /** `match`: pushes whether TOS is a sequence for patterns (the subject stays). */
  MATCH_SEQUENCE,
  /** `match`: pushes whether TOS is a mapping for patterns (the subject stays). */
  MATCH_MAPPING,
  /** Pushes len(TOS) (the subject stays). */
  GET_LEN,
  /** [subject, keys] → [subject, keys, values tuple or None]. */
  MATCH_KEYS,
  /** [subject, cls, keyword names] → [attributes tuple or None]; arg: the number of positional sub-patterns. */
  MATCH_CLASS,
  /** [subject, keys] → [dict of the subject's other items] (`**rest`). */
  MATCH_REST,
  /** Module and class bodies with annotations: `__annotations__ = {}` unless the namespace has one. */
  SETUP_ANNOTATIONS,
}

/** BINARY_OP / INPLACE_OP arguments. */
export const BIN_OPS = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '@'] as const;
/** COMPARE_OP arguments. */
export const CMP_OPS = ['<', '<=', '==', '!=', '>', '>=', 'in', 'not in', 'is', 'is not'] as const;

export const enum BlockType {
  FINALLY = 1,
  HANDLER = 2,
}
