import { describe, expect, it } from 'vitest';
import { PACE_MARGIN, Pacer, processPacer } from '../../src/api/pacer.js';

/** A pacer on a fake clock: sleeping moves the clock, and every wait is recorded. */
function pacerAt(ceiling?: number) {
  const clock = { now: 0 };
  const waits: number[] = [];
  const pacer = new Pacer({
    ceiling,
    now: () => clock.now,
    sleep: async (ms) => {
      waits.push(ms);
      clock.now += ms;
    },
  });
  return { pacer, clock, waits };
}

describe('pacer', () => {
  it('spaces requests a little under the stated rate, so early arrivals do not trip a one-token bucket', async () => {
    const { pacer, waits } = pacerAt(1);
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    const spacing = 1000 / PACE_MARGIN;
    expect(waits).toEqual([spacing, spacing]);
    expect(spacing).toBeGreaterThan(1020);
  });

  it('without a known limit sends at once, and learns one from the first 429', async () => {
    const { pacer, clock, waits } = pacerAt();
    const first = await pacer.acquire();
    pacer.answered(first, 200);
    const burst = await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(waits).toEqual([]);
    clock.now = 10;
    // The whole burst is refused; one accepted answer in the last second means about 1 request/s.
    for (const ticket of burst) pacer.answered(ticket, 429, 1000);
    expect(pacer.rate()).toBeCloseTo(PACE_MARGIN, 5);
    // Everyone waits for Retry-After (until 1010) and the new pace after the burst at 0, then goes one at a time.
    await pacer.acquire();
    await pacer.acquire();
    expect(clock.now).toBeCloseTo(2000 / PACE_MARGIN, 5);
    expect(waits).toEqual([1000 / PACE_MARGIN - 10, 1000 / PACE_MARGIN]);
  });

  it('cuts once for requests that crowded together, then recovers gradually to 1% under its settled pace', async () => {
    const { pacer, clock } = pacerAt();
    pacer.answered(await pacer.acquire(), 200);
    pacer.answered(await pacer.acquire(), 429, 1000);
    const settled = pacer.rate();
    expect(settled).toBeCloseTo(PACE_MARGIN, 5);
    clock.now = 20_000;
    const ticket = await pacer.acquire();
    const met = pacer.rate(ticket);
    clock.now += 5;
    pacer.answered(ticket, 429, 1000);
    pacer.answered(ticket, 429, 1000);
    expect(pacer.rate()).toBeCloseTo(met * 0.9, 5);
    clock.now += 15_000;
    expect(pacer.rate()).toBeGreaterThan(met * 0.9);
    expect(pacer.rate()).toBeLessThan(settled * 0.99);
    clock.now += 15_000;
    expect(pacer.rate()).toBeCloseTo(settled * 0.99, 5);
    // Beyond it only slowly: half a percent a minute.
    clock.now += 60_000;
    expect(pacer.rate() / (settled * 0.99)).toBeCloseTo(1.005, 5);
  });

  it('when probing beyond the known limit meets a 429, settles just under the rate that met it', async () => {
    const { pacer, clock } = pacerAt();
    pacer.answered(await pacer.acquire(), 200);
    pacer.answered(await pacer.acquire(), 429, 1000);
    // Ten minutes of probing: 0.97 x 1.0475, beyond the learned 1 request/s.
    clock.now = 630_000;
    const ticket = await pacer.acquire();
    const met = pacer.rate(ticket);
    expect(met).toBeGreaterThan(1);
    pacer.answered(ticket, 429, 1000);
    clock.now += 30_000;
    expect(pacer.rate()).toBeCloseTo(met * PACE_MARGIN, 5);
  });

  it('never goes above the configured rate, however long it recovers', async () => {
    const { pacer, clock } = pacerAt(2);
    pacer.answered(await pacer.acquire(), 429);
    clock.now = 3_600_000;
    expect(pacer.rate()).toBe(2 * PACE_MARGIN);
  });

  it('is one per process for a setting (one per dispatcher handed in); 0 means no pacing at all', () => {
    expect(processPacer(1)).toBe(processPacer(1));
    expect(processPacer(undefined)).toBeInstanceOf(Pacer);
    expect(processPacer(0)).toBeUndefined();
    const world = {};
    expect(processPacer(1, world)).toBe(processPacer(1, world));
    expect(processPacer(1, world)).not.toBe(processPacer(1, {}));
  });
});

// Survivors of the mutation run at e2275b1 (pacer.ts:line), each killed by the test that names it.
describe('pacer: the limit learned from the first 429', () => {
  /** A pacer with no limit that saw answers accepted at these instants, then a 429 at `at`. */
  function learnedFrom(acceptedAt: number[], at: number) {
    const { pacer, clock } = pacerAt();
    for (const instant of acceptedAt) {
      clock.now = instant;
      pacer.answered(instant, 200);
    }
    clock.now = at;
    pacer.answered(at, 429, 1000);
    return pacer.rate() / PACE_MARGIN;
  }

  // pacer.ts:113 (accepted answers not recorded), 129 (Math.max turned Math.min), 136-137 (the record
  // emptied), 138 (the record cut at every answer), 142 (the count turned 0 or every answer)
  it('is the number of answers accepted in the second before it', () => {
    expect(learnedFrom([100, 200, 300], 500)).toBeCloseTo(3, 5);
  });

  // pacer.ts:142 (the window: answers older than a second not counted; one exactly a second old is)
  it.each([
    [[0, 1200, 1500], 2000, 2],
    [[0, 999, 1500], 2000, 1],
    [[0, 1000, 1500], 2000, 2],
    [[0, 500], 5000, 1],
  ])('accepted at %j, a 429 at %i: %i a second', (acceptedAt, at, expected) => {
    expect(learnedFrom(acceptedAt, at)).toBeCloseTo(expected, 5);
  });

  // pacer.ts:138 (the record of accepted answers trimmed at 1,000 rather than past it; now it keeps the last second's)
  it('counts every answer accepted in that second, a thousand too', () => {
    expect(learnedFrom(new Array<number>(1000).fill(10), 20)).toBeCloseTo(1000, 5);
  });

  // pacer.ts:129 (Math.max turned Math.min): never less than one a second
  it('is at least one a second, when nothing was accepted just before', () => {
    expect(learnedFrom([], 5000)).toBeCloseTo(1, 5);
  });
});

describe('pacer: settings and boundaries', () => {
  // pacer.ts:60 (a ceiling of 0 or below taken as a ceiling)
  it.each([0, -1, undefined])('a ceiling of %s is none: requests go at once until a 429', async (ceiling) => {
    const { pacer, waits } = pacerAt(ceiling);
    expect(pacer.ceiling).toBeUndefined();
    expect(pacer.rate()).toBe(Number.POSITIVE_INFINITY);
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(waits).toEqual([]);
  });

  // pacer.ts:26 (MIN_RATE, a module constant: 1 * 60 instead of 1 / 60): however many 429s, never
  // slower than one request a minute, and never faster than the 429s allow
  it('never slows below one request a minute, however many 429s', async () => {
    const { pacer, clock } = pacerAt();
    pacer.answered(await pacer.acquire(), 200);
    for (let n = 0; n < 100; n++) {
      clock.now += 1;
      pacer.answered(clock.now, 429, 0);
    }
    expect(pacer.rate()).toBeCloseTo(1 / 60, 8);
  });

  // pacer.ts:118 (ticket < cutAt turned <=): a request sent at the very instant of the last cut was
  // sent at the new pace, so its 429 cuts again; only one sent before the cut met the old pace
  it('a 429 for a request sent at the instant of the last cut cuts again; one sent before does not', async () => {
    const { pacer, clock } = pacerAt();
    pacer.answered(await pacer.acquire(), 200);
    clock.now = 100;
    pacer.answered(50, 429, 0);
    const afterFirstCut = pacer.rate();
    clock.now = 200;
    pacer.answered(99, 429, 0);
    expect(pacer.rate()).toBeCloseTo(afterFirstCut, 8);
    pacer.answered(100, 429, 0);
    expect(pacer.rate()).toBeLessThan(afterFirstCut * 0.95);
  });
});

describe('pacer: a 429 met exactly at the known limit', () => {
  // pacer.ts:126 (met >= known turned >): probing that meets a 429 at exactly the learned limit
  // confirms that limit; it is not stepped down as a 429 below it would be
  it('keeps that limit, and recovers to just under it', () => {
    const { pacer, clock } = pacerAt();
    pacer.answered(0, 200);
    pacer.answered(0, 429, 0);
    expect(pacer.rate() / PACE_MARGIN).toBeCloseTo(1, 8);
    // Probing beyond the learned 1 a second reaches exactly 1 a second this long after the cut.
    const atLimit = 30_000 + (1 / PACE_MARGIN - 1) * 12_000_000;
    expect(pacer.rate(atLimit)).toBe(1);
    clock.now = atLimit;
    pacer.answered(atLimit, 429, 0);
    expect(pacer.rate(atLimit + 30_000)).toBeCloseTo(PACE_MARGIN, 8);
  });
});
