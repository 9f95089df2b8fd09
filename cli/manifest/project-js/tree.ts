/**
 * What the patcher needs of acorn's ESTree beyond the nodes themselves: their text, lines,
 * comments and trailing commas, all read from the document's text by position.
 */
import type { ArrayExpression, Comment, Node, ObjectExpression } from 'acorn';
import type { ProjectJsDocument } from '../../../runtime/manifest/project-js.js';

export type Container = ObjectExpression | ArrayExpression;

export function textOf(doc: ProjectJsDocument, node: Node): string {
  return doc.text.slice(node.start, node.end);
}

export function startLine(node: Node): number {
  return node.loc?.start.line ?? 1;
}

export function endLine(node: Node): number {
  return node.loc?.end.line ?? 1;
}

/** The members of an object or array literal (an array hole is `null`). */
export function membersOf(container: Container): (Node | null)[] {
  return container.type === 'ObjectExpression' ? container.properties : container.elements;
}

/** Whether the literal's last member is followed by a comma (comments between do not count). */
export function hasTrailingComma(doc: ProjectJsDocument, container: Container): boolean {
  const last = membersOf(container).at(-1);
  if (last === undefined) return false;
  // A trailing hole (`[a, ,]`) ends in commas by definition.
  if (last === null) return true;
  const between = doc.text.slice(last.end, container.end - 1);
  return withoutComments(between).includes(',');
}

/**
 * The comments that lead `node`: between `after` (the end of the token before it) and the node,
 * from the first line break on. A comment on the previous token's own line belongs to that token,
 * as TypeScript and editors see it.
 */
export function leadingComments(doc: ProjectJsDocument, node: Node, after: number): Comment[] {
  const firstBreak = doc.text.indexOf('\n', after);
  if (firstBreak < 0 || firstBreak >= node.start) return [];
  return doc.comments.filter((comment) => comment.start > firstBreak && comment.end <= node.start);
}

/** Every node of the tree below `root` with its parent, depth first. */
export function* descendants(
  root: Node,
  parent: Node | undefined = undefined,
): Generator<{ node: Node; parent: Node | undefined }> {
  yield { node: root, parent };
  for (const value of Object.values(root)) {
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (isNode(child)) yield* descendants(child, root);
    }
  }
}

function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    typeof (value as { start?: unknown }).start === 'number'
  );
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
}
