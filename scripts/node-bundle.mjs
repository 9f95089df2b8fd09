// How the project bundles code for Node with esbuild: the package's entry points
// (scripts/bundle-entries.mjs) and the programs tests start as child processes
// (test/support/child-bundle.ts) alike, so a child behaves as the published code does.
export const nodeBundleOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies and optional peers alike: an optional driver must stay an import() at run time.
  packages: 'external',
  // Errors name themselves after their class (`new.target.name`), and bundling renames classes
  // (`class _SqliteSubscriptionStore`); Node does not tree-shake, so keeping names costs nothing.
  keepNames: true,
};
