import { InvalidArgumentError } from 'commander';
import { type NumberOptionName, numberOptionProblem } from '../../emulator/option-rules.js';

/** A flag checked by the emulator's own option rule, so flag and option never disagree. */
export function numberFlag(name: NumberOptionName): (value: string) => number {
  return (value) => {
    const number = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
    const problem = numberOptionProblem(name, number);
    if (problem) throw new InvalidArgumentError(`It ${problem}.`);
    return number;
  };
}
