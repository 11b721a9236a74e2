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
