/**
 * Injected trouble, so that clients' retries are tested against real sockets: latency, a share of
 * 503s, a request-rate limit answered with 429 and Retry-After, and dropped connections. A drop
 * happens either before the request is handled or after (the change is applied, the answer is
 * lost): the second is the case a client must survive without creating things twice.
 */
import type { DropMode } from './option-rules.js';
import type { Random } from './random.js';

export interface FaultSettings {
  /** Added to every answer, in milliseconds. */
  latencyMs: number;
  /** Share of requests answered 503, 0..1. */
  failRate: number;
  /** Requests per second before 429; 0 means no limit. */
  rateLimit: number;
  /** Share of requests whose connection is destroyed, 0..1. */
  dropRate: number;
  /** When a dropped request is dropped: before handling, after, or either at random. */
  dropMode: DropMode;
}

export class Faults {
  private settings: FaultSettings;
  private bucket: TokenBucket | undefined;

  constructor(
    settings: FaultSettings,
    private readonly random: Random,
  ) {
    this.settings = { ...settings };
    this.bucket = makeBucket(settings.rateLimit);
  }

  current(): FaultSettings {
    return { ...this.settings };
  }

  update(changes: Partial<FaultSettings>): FaultSettings {
    const before = this.settings.rateLimit;
    this.settings = { ...this.settings, ...changes };
    if (this.settings.rateLimit !== before) this.bucket = makeBucket(this.settings.rateLimit);
    return this.current();
  }

  /** Draws only when drops are on, so the 503 sequence of a seed does not depend on the drop rate. */
  drop(): 'before' | 'after' | undefined {
    const { dropRate, dropMode } = this.settings;
    if (dropRate <= 0 || this.random() >= dropRate) return undefined;
    if (dropMode !== 'mixed') return dropMode;
    return this.random() < 0.5 ? 'before' : 'after';
  }

  /** Seconds to wait when over the rate limit, else undefined. */
  rateLimited(): number | undefined {
    return this.bucket?.take();
  }

  fail(): boolean {
    return this.settings.failRate > 0 && this.random() < this.settings.failRate;
  }

  async delay(): Promise<void> {
    const { latencyMs } = this.settings;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  }
}

function makeBucket(perSecond: number): TokenBucket | undefined {
  return perSecond > 0 ? new TokenBucket(perSecond) : undefined;
}

/** Allows bursts of up to one second's worth of requests, refilled continuously. */
class TokenBucket {
  private tokens: number;
  private last = performance.now();
  private readonly capacity: number;

  constructor(private readonly perSecond: number) {
    this.capacity = Math.max(1, perSecond);
    this.tokens = this.capacity;
  }

  take(): number | undefined {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}
