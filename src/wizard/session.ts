/** What every step of the wizard works with: someone to ask, the API to look things up, a voice. */

import type { Prompter } from '../output/prompter.js';
import type { Directory } from './directory.js';

export interface WizardSession {
  prompter: Prompter;
  directory: Directory;
  /** A line for the person (stderr): headings, notes, the review. */
  say(line: string): void;
}
