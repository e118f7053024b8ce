// Runs document analyses as soon as the server is idle, with no fixed delay: an analysis waits until one
// full turn of the event loop passes without a new edit, so a burst of didChange messages (which the
// JSON-RPC reader dispatches one per turn) is coalesced into one analysis of the latest version.

export class IdleQueue {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Bumped on every enqueue; the tick compares it with the value it saw last time. */
  private activity = 0;
  private seenActivity = -1;
  private disposed = false;

  constructor(private readonly run: (uri: string) => void) {}

  enqueue(uri: string): void {
    this.pending.add(uri);
    this.activity++;
    if (!this.scheduled && !this.disposed) {
      this.scheduled = true;
      setImmediate(this.tick);
    }
  }

  /** Forgets a document (closed before its analysis ran). */
  drop(uri: string): void {
    this.pending.delete(uri);
  }

  /** Runs everything pending now (a request needs fresh results). */
  flush(uri?: string): void {
    if (uri !== undefined) {
      if (this.pending.delete(uri)) this.run(uri);
      return;
    }
    const uris = [...this.pending];
    this.pending.clear();
    for (const each of uris) this.run(each);
  }

  /**
   * Runs `callback` once a full turn of the event loop has passed without a new edit — used to hold a
   * result back until any message that arrived during a long analysis has been looked at.
   */
  whenQuiet(callback: () => void): void {
    let seen = this.activity;
    const check = (): void => {
      if (this.disposed) return;
      if (this.activity !== seen) {
        seen = this.activity;
        setImmediate(check);
        return;
      }
      callback();
    };
    setImmediate(() => setImmediate(check));
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
  }

  private readonly tick = (): void => {
    if (this.disposed) return;
    if (this.activity !== this.seenActivity) {
      // Something arrived since the last look: more messages may be queued behind it.
      this.seenActivity = this.activity;
      setImmediate(this.tick);
      return;
    }
    this.scheduled = false;
    this.flush();
  };
}
