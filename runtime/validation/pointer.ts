/** JSON pointers (RFC 6901) for issue paths. */

/** One reference token: `~` becomes `~0`, `/` becomes `~1`. */
export function escapeSegment(segment: string): string {
  return segment.indexOf('~') < 0 && segment.indexOf('/') < 0
    ? segment
    : segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer of a property or item below `parent`. */
export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${typeof segment === 'number' ? segment : escapeSegment(segment)}`;
}

/** The last reference token of a pointer, unescaped: the name of what it points at. */
export function lastSegment(pointer: string): string {
  return pointer
    .slice(pointer.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}
