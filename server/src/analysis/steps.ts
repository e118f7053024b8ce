// Computations cut into steps, so that the language server can return to its event loop between them
// (requests are answered during a long analysis) or abandon them (a newer version of the document
// supersedes the analysis). The CLI runs every step at once; both run the same code.

/**
 * A computation in steps: each `yield` is a point where the caller may pause it or abandon it. It must
 * not be resumed once its inputs changed; between steps it holds only values it computed itself.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once: the synchronous result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/**
 * One computation in steps that several parties may need: each drives it with `steps()` (the
 * analysis, one step at a time) or `finish()` (a request that needs the value now, between two of
 * the analysis' steps); it runs once, and whoever comes later finds it done.
 */
export class SharedSteps<T> {
  private outcome: { value: T } | null = null;

  constructor(private readonly inner: Steps<T>) {}

  *steps(): Steps<T> {
    while (this.outcome === null) {
      const next = this.inner.next();
      if (next.done === true) this.outcome = { value: next.value };
      else yield;
    }
    return this.outcome.value;
  }

  finish(): T {
    return runSteps(this.steps());
  }
}
