/** The yaml package, loaded only when a .yaml/.yml state file is read or written. */
type Yaml = typeof import('yaml');

export async function loadYaml(): Promise<Yaml> {
  const loaded = await import('yaml');
  // Bundled (dist/), the CommonJS package's exports sit on `default`; run from source, on the module.
  return (loaded as Yaml & { default?: Yaml }).default ?? loaded;
}
