// The summaries of imported modules, shared by the threads of a parallel `check` through one
// SharedArrayBuffer: the first thread that needs a module claims it, summarises it and publishes the
// JSON (the same text `detachedFromSource` round-trips through, so a summary taken from here is equal to
// one made locally); a thread that needs it meanwhile waits for it instead of parsing the module too.
// Lookups are rare (about a hundred modules on the standard library), so one lock guards the table.
//
// Layout (Int32 words, then bytes): a header (lock, entries used, bytes used), a table of ENTRY_WORDS
// words per entry (key hash, state, key offset, key length, value offset, value length), then the data:
// key and value bytes, appended. The buffer is allocated at its full size: untouched pages cost no memory.

const HEADER_WORDS = 4;
const ENTRY_WORDS = 6;
const LOCK = 0;
const USED_ENTRIES = 1;
const USED_BYTES = 2;

const EMPTY = 0;
/** A thread is summarising the module; the others wait on the state word. */
const CLAIMED = 1;
const READY = 2;
/** The value did not fit: whoever needs it summarises it locally. */
const UNAVAILABLE = 3;

/** How long a thread waits for another one's summary before making its own (a thread that died). */
const WAIT_MS = 10_000;

export interface SharedSummaryBuffer {
  buffer: SharedArrayBuffer;
  entries: number;
}

/** A buffer for `entries` summaries and `bytes` of their JSON, or null when it cannot be allocated. */
export function allocateSharedSummaries(entries = 1 << 16, bytes = 256 << 20): SharedSummaryBuffer | null {
  try {
    return { buffer: new SharedArrayBuffer((HEADER_WORDS + entries * ENTRY_WORDS) * 4 + bytes), entries };
  } catch {
    return null;
  }
}

/** The outcome of `claim`: the published JSON, or the duty to compute it (then always `publish`). */
export type Claim = { kind: 'ready'; json: string } | { kind: 'compute'; slot: number } | { kind: 'local' };

export class SharedSummaries {
  private readonly words: Int32Array;
  private readonly bytes: Buffer;
  private readonly capacity: number;
  private readonly dataStart: number;

  constructor(shared: SharedSummaryBuffer) {
    this.capacity = shared.entries;
    this.words = new Int32Array(shared.buffer, 0, HEADER_WORDS + shared.entries * ENTRY_WORDS);
    this.dataStart = this.words.byteLength;
    this.bytes = Buffer.from(shared.buffer, this.dataStart);
  }

  /** The JSON for `key` when some thread published it, else a slot to compute it into (or 'local'). */
  claim(key: string): Claim {
    const keyBytes = Buffer.from(key, 'utf8');
    const hash = hashBytes(keyBytes);
    let slot: number;
    this.lock();
    try {
      slot = this.find(keyBytes, hash);
      if (slot < 0) {
        const free = -slot - 1;
        // The table is kept at most half full, so that probing stays short.
        const full = free >= this.capacity || Atomics.load(this.words, USED_ENTRIES) >= this.capacity / 2;
        const offset = full ? -1 : this.allocate(keyBytes.length);
        if (offset < 0) return { kind: 'local' };
        keyBytes.copy(this.bytes, offset);
        const base = this.entryBase(free);
        this.words[base + 2] = offset;
        this.words[base + 3] = keyBytes.length;
        this.words[base] = hash;
        Atomics.store(this.words, base + 1, CLAIMED);
        Atomics.add(this.words, USED_ENTRIES, 1);
        return { kind: 'compute', slot: free };
      }
    } finally {
      this.unlock();
    }
    const state = this.entryBase(slot) + 1;
    const deadline = Date.now() + WAIT_MS;
    while (Atomics.load(this.words, state) === CLAIMED) {
      const left = deadline - Date.now();
      if (left <= 0) return { kind: 'local' };
      Atomics.wait(this.words, state, CLAIMED, left);
    }
    if (Atomics.load(this.words, state) !== READY) return { kind: 'local' };
    const base = this.entryBase(slot);
    const offset = this.words[base + 4] ?? 0;
    return { kind: 'ready', json: this.bytes.toString('utf8', offset, offset + (this.words[base + 5] ?? 0)) };
  }

  /** Publishes the JSON of a claimed slot and wakes the threads waiting for it. */
  publish(slot: number, json: string): void {
    const length = Buffer.byteLength(json, 'utf8');
    const base = this.entryBase(slot);
    this.lock();
    let offset: number;
    try {
      offset = this.allocate(length);
    } finally {
      this.unlock();
    }
    if (offset < 0) {
      this.settle(base, UNAVAILABLE);
      return;
    }
    this.bytes.write(json, offset, length, 'utf8');
    this.words[base + 4] = offset;
    this.words[base + 5] = length;
    this.settle(base, READY);
  }

  /** Entries used and bytes of data, for `YIELDLENS_TIMING`. */
  usage(): { entries: number; bytes: number } {
    return { entries: Atomics.load(this.words, USED_ENTRIES), bytes: Atomics.load(this.words, USED_BYTES) };
  }

  private settle(base: number, state: number): void {
    // The store of the state word publishes the value words written before it (Atomics are sequentially consistent).
    Atomics.store(this.words, base + 1, state);
    Atomics.notify(this.words, base + 1);
  }

  private entryBase(slot: number): number {
    return HEADER_WORDS + slot * ENTRY_WORDS;
  }

  /** The slot holding `key`, or -(free slot + 1) where it would go (-(capacity + 1) when there is none). */
  private find(key: Buffer, hash: number): number {
    for (let probe = 0; probe < this.capacity; probe++) {
      const slot = (hash + probe) & (this.capacity - 1);
      const base = this.entryBase(slot);
      if (Atomics.load(this.words, base + 1) === EMPTY) return -slot - 1;
      if (this.words[base] !== hash || this.words[base + 3] !== key.length) continue;
      const offset = this.words[base + 2] ?? 0;
      if (key.equals(this.bytes.subarray(offset, offset + key.length))) return slot;
    }
    return -(this.capacity + 1);
  }

  /** `length` bytes of the data region (under the lock), or -1 when it is full. */
  private allocate(length: number): number {
    const used = this.words[USED_BYTES] ?? 0;
    if (used + length > this.bytes.length) return -1;
    this.words[USED_BYTES] = used + length;
    return used;
  }

  private lock(): void {
    while (Atomics.compareExchange(this.words, LOCK, 0, 1) !== 0) Atomics.wait(this.words, LOCK, 1, 1);
  }

  private unlock(): void {
    Atomics.store(this.words, LOCK, 0);
    Atomics.notify(this.words, LOCK, 1);
  }
}

/** FNV-1a over the key's bytes. */
function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return hash | 0;
}
