/** Request counts by method, route and outcome, for tests that want to see what a client did. */

export interface EmulatorStats {
  since: string;
  total: number;
  /** `"POST /raas/v2/customers 201": 3`; the outcome is a status code or `dropped`. */
  requests: Record<string, number>;
  faults: { dropped: number; failed: number; rateLimited: number };
}

export class StatsCounter {
  private stats: EmulatorStats = StatsCounter.empty();

  count(method: string, route: string, outcome: number | 'dropped'): void {
    const key = `${method} ${route} ${outcome}`;
    this.stats.total += 1;
    this.stats.requests[key] = (this.stats.requests[key] ?? 0) + 1;
    if (outcome === 'dropped') this.stats.faults.dropped += 1;
  }

  fault(kind: 'failed' | 'rateLimited'): void {
    this.stats.faults[kind] += 1;
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = StatsCounter.empty();
  }

  private static empty(): EmulatorStats {
    return {
      since: new Date().toISOString(),
      total: 0,
      requests: {},
      faults: { dropped: 0, failed: 0, rateLimited: 0 },
    };
  }
}
