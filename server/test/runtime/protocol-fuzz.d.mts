// Types of protocol-fuzz.mjs.
/** The Python source of the generated program for `seed`. */
export function makeProgram(seed: number): string;
