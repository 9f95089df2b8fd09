/** A file the manifest patcher will not touch: unparsable, or its block cannot be found unambiguously. */
export class ManifestPatchError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly position?: { readonly line: number; readonly column: number },
  ) {
    super(`${position ? `${file}:${position.line}:${position.column}` : file}: ${reason}`);
    this.name = 'ManifestPatchError';
  }
}
