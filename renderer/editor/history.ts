// One undo history for both views: each entry is the whole document text
// plus the layout, so undo after a canvas drop and undo after typing are the
// same operation. Typing bursts coalesce into one entry.
export interface Snapshot {
  text: string;
  positions: Record<string, { x: number; y: number }>;
}

export class History {
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];
  private lastTag: string | null = null;
  private lastAt = 0;
  constructor(private readonly limit = 200) {}

  /** Records the state *before* a change. Same `tag` within `windowMs` joins the previous entry. */
  record(before: Snapshot, tag: string | null = null, now = Date.now(), windowMs = 1000): void {
    const join = tag !== null && tag === this.lastTag && now - this.lastAt < windowMs;
    if (!join) {
      this.past.push(before);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.future = [];
    this.lastTag = tag;
    this.lastAt = now;
  }

  undo(current: Snapshot): Snapshot | undefined {
    const prev = this.past.pop();
    if (prev) this.future.push(current);
    this.lastTag = null;
    return prev;
  }

  redo(current: Snapshot): Snapshot | undefined {
    const next = this.future.pop();
    if (next) this.past.push(current);
    this.lastTag = null;
    return next;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  clear(): void {
    this.past = [];
    this.future = [];
    this.lastTag = null;
  }
}
