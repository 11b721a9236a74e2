/** The shells `tango completion` writes for. Its own module: the command definition imports only this. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
