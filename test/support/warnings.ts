/** The names of the process warnings (MaxListenersExceededWarning, ...) emitted while `run` runs. */
export async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  const onWarning = (warning: Error) => names.push(warning.name);
  process.on('warning', onWarning);
  try {
    await run();
    // Node emits a warning on a later tick than the code that caused it.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  return names;
}
