/**
 * Incremental bookkeeping of the backup points on disk: each step costs O(1) amortised instead
 * of a pass over every retained point (5 jobs × 8760 points × 10 years went from ~4·10⁹ point
 * visits to ~10⁶).
 *
 * A point is kept while it is in a retention window (the latest R regular points, the latest
 * W weekly / M monthly / Y yearly flagged fulls) or another kept point depends on it. Windows
 * only ever drop their oldest point, and a dropped point never returns, so a reference count
 * of live dependents decides removal: a point leaving its last window with no dependents goes,
 * and its parent is re-examined (the cascade that deletes a whole forward-incremental chain
 * once its newest point expires). This keeps exactly "the needed points and everything they
 * depend on", the rule the per-step filter applied.
 */

export type Kind = 'full' | 'increment' | 'differential' | 'reverse';

export type Point = {
  readonly t: number;
  bytes: number;
  kind: Kind;
  /** The point this one needs to be restored (null: none). */
  parent: Point | null;
  /** A point of the regular schedule (false: a synthetic GFS full). */
  readonly regular: boolean;
  /** Live points whose parent this is. */
  dependents: number;
  /** Retention windows holding it. */
  windows: number;
  alive: boolean;
  /** bytes + parent's chain at creation: the bytes a restore to this point reads. */
  chain: number;
};

/** Neumaier's compensated sum: a running total that adds and removes without drift. */
export class RunningSum {
  private s = 0;
  private c = 0;
  reset(): void {
    this.s = 0;
    this.c = 0;
  }
  add(x: number): void {
    const t = this.s + x;
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** A retention window: the latest `keep` points pushed into it. */
class Window {
  private readonly queue: Point[] = [];
  private head = 0;
  constructor(private readonly keep: number) {}
  /** Adds p; returns the point that falls out, if any. */
  push(p: Point): Point | undefined {
    this.queue.push(p);
    if (this.queue.length - this.head <= this.keep) return undefined;
    const out = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return out;
  }
  get size(): number {
    return this.queue.length - this.head;
  }
  /** The two oldest points held. */
  oldest(): readonly [Point | undefined, Point | undefined] {
    return [this.queue[this.head], this.queue[this.head + 1]];
  }
  shift(): Point | undefined {
    return this.size > 0 ? this.queue[this.head++] : undefined;
  }
}

export type WindowName = 'regular' | 'weekly' | 'monthly' | 'yearly';

/** The points on disk with their totals, kept current as points come and go. */
export class LiveSet {
  readonly stored = new RunningSum();
  /** Σ bytes of the live regular points: the whole chain of forever- and reverse-incremental. */
  readonly regularBytes = new RunningSum();
  count = 0;
  fulls = 0;
  private readonly windows: Record<WindowName, Window>;
  /** Every point added, the dead ones compacted away now and then. */
  private points: Point[] = [];
  private sinceRebase = 0;

  constructor(keep: Record<WindowName, number>) {
    this.windows = {
      regular: new Window(keep.regular),
      weekly: new Window(keep.weekly),
      monthly: new Window(keep.monthly),
      yearly: new Window(keep.yearly),
    };
  }

  /** A new point on disk (with its chain), held by no window yet. */
  add(t: number, bytes: number, kind: Kind, parent: Point | null, regular: boolean): Point {
    const p: Point = {
      t,
      bytes,
      kind,
      parent,
      regular,
      dependents: 0,
      windows: 0,
      alive: true,
      chain: bytes + (parent?.chain ?? 0),
    };
    if (parent !== null) parent.dependents++;
    this.count++;
    if (kind === 'full') this.fulls++;
    this.stored.add(bytes);
    if (regular) this.regularBytes.add(bytes);
    this.points.push(p);
    if (++this.sinceRebase > Math.max(1024, this.count)) this.rebase();
    return p;
  }

  /**
   * Drops the dead points from the list and re-sums the totals from the live ones, so that a
   * data set shrinking by orders of magnitude over the horizon leaves no rounding residue of
   * its former size in the running sums (amortised O(1): once per max(1024, live) points).
   */
  rebase(): void {
    this.points = this.points.filter((x) => x.alive);
    this.stored.reset();
    this.regularBytes.reset();
    for (const p of this.points) {
      this.stored.add(p.bytes);
      if (p.regular) this.regularBytes.add(p.bytes);
    }
    this.sinceRebase = 0;
  }

  forEach(visit: (p: Point) => void): void {
    for (const p of this.points) if (p.alive) visit(p);
  }

  /** Rewrites a point in place (reverse-incremental's previous full, forever's merge). */
  rewrite(p: Point, bytes: number, kind: Kind, parent: Point | null): void {
    this.stored.add(bytes - p.bytes);
    if (p.regular) this.regularBytes.add(bytes - p.bytes);
    if (p.kind === 'full') this.fulls--;
    if (kind === 'full') this.fulls++;
    if (p.parent !== null) p.parent.dependents--;
    if (parent !== null) parent.dependents++;
    p.bytes = bytes;
    p.kind = kind;
    p.parent = parent;
  }

  /** Puts p in a window; the point that falls out is released. */
  hold(name: WindowName, p: Point): void {
    p.windows++;
    const out = this.windows[name].push(p);
    if (out === undefined) return;
    out.windows--;
    this.release(out);
  }

  windowSize(name: WindowName): number {
    return this.windows[name].size;
  }

  oldest(name: WindowName): readonly [Point | undefined, Point | undefined] {
    return this.windows[name].oldest();
  }

  /** Takes the oldest point out of a window without releasing it (forever's merge). */
  shift(name: WindowName): Point | undefined {
    const p = this.windows[name].shift();
    if (p !== undefined) p.windows--;
    return p;
  }

  /** Deletes p outright (forever-incremental's merged base). */
  remove(p: Point): void {
    if (!p.alive) return;
    p.alive = false;
    this.count--;
    if (p.kind === 'full') this.fulls--;
    this.stored.add(-p.bytes);
    if (p.regular) this.regularBytes.add(-p.bytes);
    if (p.parent !== null) p.parent.dependents--;
  }

  /** Removes p if nothing keeps it, then re-examines its parent (the cascade). */
  release(p: Point | null): void {
    while (p?.alive === true && p.windows === 0 && p.dependents === 0) {
      const parent = p.parent;
      this.remove(p);
      p = parent;
    }
  }
}
