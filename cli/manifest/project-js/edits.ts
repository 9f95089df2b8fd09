/**
 * Text edits at positions the AST gives: members are inserted next to their siblings, with the
 * siblings' indentation and trailing-comma habit, so that nothing else in the file moves.
 */
import type { ArrayExpression, Node } from 'acorn';
import { jsLiteral, jsKey, type JsStyle } from '../../../runtime/manifest/js-literal.js';
import type { ProjectJsDocument } from '../../../runtime/manifest/project-js.js';
import { lineIndent } from '../text-style.js';
import {
  endLine,
  hasTrailingComma,
  leadingComments,
  membersOf,
  textOf,
  type Container,
} from './tree.js';

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A member to insert: an object property or an array element, printed at a given indentation. */
export type NewMember = (indent: string) => string;

export function property(key: string, value: unknown, style: JsStyle): NewMember {
  return (indent) => `${jsKey(key, style.quote)}: ${jsLiteral(value, style, indent)}`;
}

export function element(value: unknown, style: JsStyle): NewMember {
  return (indent) => jsLiteral(value, style, indent);
}

/** Applies non-overlapping edits. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

const maxInlineLength = 100;

/** Appends members at the end of an object or array literal. */
export function appendMembers(
  doc: ProjectJsDocument,
  container: Container,
  members: readonly NewMember[],
  style: JsStyle,
): Edit[] {
  const { text } = doc;
  const existing = membersOf(container).filter((member): member is Node => member !== null);
  const start = container.start;
  const end = container.end;
  const openIndent = lineIndent(text, start);
  const last = existing.at(-1);

  if (!last) {
    const inner = openIndent + style.indent;
    const body = members.map((member) => inner + member(inner)).join(`,${style.eol}`);
    const blank = text.slice(start + 1, end - 1).trim() === '';
    return [
      {
        start: start + 1,
        end: blank ? end - 1 : start + 1,
        text: `${style.eol}${body}${style.trailingComma || !blank ? ',' : ''}${blank ? style.eol + openIndent : ''}`,
      },
    ];
  }

  const trailingComma = hasTrailingComma(doc, container);
  const closeLine = endLine(container);
  if (endLine(last) === closeLine) {
    // A one-line literal: stay on the line if the result is short, else lay it out one per line.
    const printed = members.map((member) => member(openIndent));
    const lineLength = text.slice(text.lastIndexOf('\n', start) + 1).split('\n')[0]!.length;
    const added = printed.reduce((sum, item) => sum + item.length + 2, 0);
    if (printed.every((item) => !item.includes('\n')) && lineLength + added <= maxInlineLength) {
      return [{ start: last.end, end: last.end, text: `, ${printed.join(', ')}` }];
    }
    const inner = openIndent + style.indent;
    const items = [
      ...existing.map((node) => textOf(doc, node)),
      ...members.map((member) => member(inner)),
    ];
    const [open, close] = [text[start]!, text[end - 1]!];
    return [
      {
        start,
        end,
        text: `${open}${style.eol}${items.map((item) => inner + item).join(`,${style.eol}`)}${style.trailingComma ? ',' : ''}${style.eol}${openIndent}${close}`,
      },
    ];
  }

  // One member per line: insert after the last one's line (past its comma and any comment).
  const indent = lineIndent(text, last.start);
  const afterLast = text.indexOf('\n', last.end);
  const restOfLine = text
    .slice(last.end, afterLast < 0 ? text.length : afterLast)
    .replace(/\r$/, '');
  const onlyCommaAndComment = /^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(restOfLine);
  const at = onlyCommaAndComment
    ? last.end + restOfLine.length
    : last.end + (trailingComma ? restOfLine.indexOf(',') + 1 : 0);
  const body = members.map((member) => style.eol + indent + member(indent)).join(',');
  const edits: Edit[] = [{ start: at, end: at, text: `${body}${trailingComma ? ',' : ''}` }];
  if (!trailingComma) edits.push({ start: last.end, end: last.end, text: ',' });
  return edits;
}

/**
 * Inserts elements on their own lines before `anchor` (and its leading comments). Returns
 * undefined when the anchor does not start a line, which the caller answers by rewriting the array.
 */
export function insertBefore(
  doc: ProjectJsDocument,
  anchor: Node,
  after: number,
  members: readonly NewMember[],
  style: JsStyle,
): Edit | undefined {
  const { text } = doc;
  const comments = leadingComments(doc, anchor, after);
  const first = comments[0]?.start ?? anchor.start;
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  if (text.slice(lineStart, first).trim() !== '') return undefined;
  const indent = text.slice(lineStart, first);
  return {
    start: lineStart,
    end: lineStart,
    text: members.map((member) => `${indent}${member(indent)},${style.eol}`).join(''),
  };
}

/**
 * Rewrites an array as `items` one per line; an existing element is carried over as written,
 * with the comments before it.
 */
export function rewriteArray(
  doc: ProjectJsDocument,
  array: ArrayExpression,
  items: readonly (Node | NewMember)[],
  style: JsStyle,
): Edit {
  const openIndent = lineIndent(doc.text, array.start);
  const inner = openIndent + style.indent;
  const lines = items.map((item) => {
    if (typeof item === 'function') return inner + item(inner);
    const comments = leadingComments(doc, item, precedingEnd(array, item)).map(
      (comment) => inner + doc.text.slice(comment.start, comment.end),
    );
    return [...comments, inner + textOf(doc, item)].join(style.eol);
  });
  return {
    start: array.start,
    end: array.end,
    text: `[${style.eol}${lines.join(`,${style.eol}`)}${style.trailingComma ? ',' : ''}${style.eol}${openIndent}]`,
  };
}

/** Where the token before `element` ends: the previous element, or the array's `[`. */
export function precedingEnd(array: ArrayExpression, element: Node): number {
  const index = array.elements.indexOf(element as never);
  const previous = index > 0 ? array.elements[index - 1] : undefined;
  return previous ? previous.end : array.start + 1;
}
