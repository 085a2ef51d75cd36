/** A small seeded PRNG (mulberry32): the same seed gives the same demo dataset. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /** Index drawn with probability proportional to its weight. */
  weightedIndex(weights: readonly number[], total = weights.reduce((a, b) => a + b, 0)): number {
    let threshold = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      threshold -= weights[i];
      if (threshold < 0) return i;
    }
    return weights.length - 1;
  }

  /** k distinct items drawn with probability proportional to weight (Efraimidis–Spirakis). */
  weightedSample<T>(items: readonly T[], weight: (item: T) => number, k: number): T[] {
    return items
      .map((item) => ({
        item,
        key: Math.log(this.next() || Number.MIN_VALUE) / Math.max(weight(item), 1e-9),
      }))
      .sort((a, b) => b.key - a.key)
      .slice(0, k)
      .map((entry) => entry.item);
  }
}

/**
 * Splits a total into integer parts proportional to weights (largest remainder method),
 * each part at least `min` and at most its capacity.
 */
export function apportion(
  total: number,
  weights: number[],
  min = 0,
  capacities?: number[],
): number[] {
  const caps = capacities ?? weights.map(() => Number.POSITIVE_INFINITY);
  const parts = weights.map(() => min);
  const capped = new Set<number>();
  let remaining = total - min * weights.length;
  if (remaining < 0)
    throw new Error(`Cannot give ${min} to each of ${weights.length} parts out of ${total}`);
  // Parts that would exceed their capacity are fixed at it, and the rest shared again.
  for (;;) {
    const open = weights.map((_, i) => i).filter((i) => !capped.has(i));
    const openWeight = open.reduce((sum, i) => sum + weights[i], 0);
    if (open.length === 0 || openWeight === 0) {
      if (remaining > 0) throw new Error("Capacities too small for the requested total");
      return parts;
    }
    const ideal = new Map(open.map((i) => [i, (remaining * weights[i]) / openWeight]));
    const overflowing = open.filter((i) => parts[i] + ideal.get(i)! > caps[i]);
    if (overflowing.length > 0) {
      for (const i of overflowing) {
        remaining -= caps[i] - parts[i];
        parts[i] = caps[i];
        capped.add(i);
      }
      continue;
    }
    const floors = new Map(open.map((i) => [i, Math.floor(ideal.get(i)!)]));
    let leftover = remaining - [...floors.values()].reduce((a, b) => a + b, 0);
    const byRemainder = [...open].sort(
      (a, b) => ideal.get(b)! - floors.get(b)! - (ideal.get(a)! - floors.get(a)!) || a - b,
    );
    for (const i of open) parts[i] += floors.get(i)!;
    for (const i of byRemainder) {
      if (leftover === 0) break;
      parts[i] += 1;
      leftover -= 1;
    }
    return parts;
  }
}

/** Draws indexes in proportion to fixed weights in O(log n) (cumulative sums, binary search). */
export class WeightedSampler {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, i) => {
      total += weight;
      this.cumulative[i] = total;
    });
  }

  sample(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
