/** Quoting for a POSIX shell (bash, zsh): the one quoter behind printed commands and completion scripts. */

/** The text as is inside single quotes; a single quote is closed, escaped and reopened. */
export function singleQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

const SAFE = /^[A-Za-z0-9@%+=:,./_-]+$/;

/** A word a shell reads back unchanged: bare when nothing in it is special, else single-quoted. */
export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : singleQuote(value);
}
