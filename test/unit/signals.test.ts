import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepSignalsToOurselves } from '../../src/start.js';

describe('Ctrl-C belongs to the entry point', () => {
  it('drops SIGINT/SIGTERM listeners that modules add later (when-exit re-raises the signal), keeps ours and the rest', async () => {
    const proc = new EventEmitter();
    const ours = () => {};
    proc.on('SIGINT', ours);
    keepSignalsToOurselves([ours], proc);
    const foreign = () => {};
    const onExit = () => {};

    proc.once('SIGINT', foreign);
    proc.on('SIGTERM', foreign);
    proc.on('exit', onExit);
    await Promise.resolve();

    expect(proc.listeners('SIGINT')).toEqual([ours]);
    expect(proc.listeners('SIGTERM')).toEqual([]);
    expect(proc.listeners('exit')).toEqual([onExit]);
  });
});
