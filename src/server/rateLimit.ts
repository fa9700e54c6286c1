// A token bucket per key (a team's or trainer's token, or an address for joining): a burst is
// allowed, a flood is refused with 429. Buckets left full for a while are forgotten.
const MAX_KEYS = 10_000;

export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Requests allowed at once. */
    private readonly burst: number,
    /** Requests allowed per second, on average. */
    private readonly perSecond: number,
  ) {}

  /** Takes one request from the key's bucket; false when it is empty. */
  take(key: string, nowMs: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: nowMs };
    b.tokens = Math.min(this.burst, b.tokens + ((nowMs - b.at) / 1000) * this.perSecond);
    b.at = nowMs;
    if (this.buckets.size > MAX_KEYS) this.forget(nowMs);
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return true;
  }

  /** Drops buckets full again by now; if there are still too many, the oldest go (memory stays bounded). */
  private forget(nowMs: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [key, b] of this.buckets) if (nowMs - b.at > full) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_KEYS / 2) break;
      this.buckets.delete(key);
    }
  }
}
