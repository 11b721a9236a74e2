/**
 * Server text never reaches a terminal raw. A display name, an identifier or an error message can
 * carry ESC, CSI and OSC sequences, CR and C1 controls, which would set the window title, clear the
 * screen or overwrite a line. At a terminal they are shown escaped (`\u001b`); on a pipe the data is
 * kept as it is, except that no raw ESC is ever written. JSON goes the same way: JSON.stringify
 * escapes C0 controls itself, so a pipe gets it exact; at a terminal its DEL and C1 read `\u009b`.
 */

/** C0 controls but newline and tab, DEL, and the C1 range. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** ESC, the start of every 7-bit terminal sequence. */
const ESCAPE = /\u001b/g;

/** A colour (SGR) sequence, as our own painting writes them. */
const COLOUR_OR_CONTROL = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function shown(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** For a line at a terminal: every control character but newline and tab shown as \uNNNN. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, shown);
}

/** The same, for text already painted: colour sequences are kept, nothing else that moves or clears. */
export function escapeControlsKeepingColour(text: string): string {
  return text.replace(COLOUR_OR_CONTROL, (match) => (match.length > 1 ? match : shown(match)));
}

/** For data on a pipe: unchanged but for ESC, shown as the visible ␛. */
export function withoutRawEscapes(text: string): string {
  return text.replace(ESCAPE, '\u241b');
}
