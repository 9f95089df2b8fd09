/**
 * Text edits at positions the AST gives: members are inserted next to their siblings, with the
 * siblings' indentation and trailing-comma habit, so that nothing else in the file moves.
 */
import { Node, type ArrayLiteralExpression } from 'ts-morph';
import { jsLiteral, jsKey, type JsStyle } from '../../../runtime/manifest/js-literal.js';
import { lineIndent } from '../text-style.js';
import type { Container } from './locate.js';

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
  container: Container,
  members: readonly NewMember[],
  style: JsStyle,
): Edit[] {
  const text = container.getSourceFile().getFullText();
  const existing = membersOf(container);
  const start = container.getStart();
  const end = container.getEnd();
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

  const hasTrailingComma = trailingComma(container);
  const closeLine = container.getEndLineNumber();
  if (last.getEndLineNumber() === closeLine) {
    // A one-line literal: stay on the line if the result is short, else lay it out one per line.
    const printed = members.map((member) => member(openIndent));
    const lineLength = text.slice(text.lastIndexOf('\n', start) + 1).split('\n')[0]!.length;
    const added = printed.reduce((sum, item) => sum + item.length + 2, 0);
    if (printed.every((item) => !item.includes('\n')) && lineLength + added <= maxInlineLength) {
      return [{ start: last.getEnd(), end: last.getEnd(), text: `, ${printed.join(', ')}` }];
    }
    const inner = openIndent + style.indent;
    const items = [
      ...existing.map((node) => node.getText()),
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
  const indent = lineIndent(text, last.getStart());
  const afterLast = text.indexOf('\n', last.getEnd());
  const restOfLine = text
    .slice(last.getEnd(), afterLast < 0 ? text.length : afterLast)
    .replace(/\r$/, '');
  const onlyCommaAndComment = /^\s*,?\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(restOfLine);
  const at = onlyCommaAndComment
    ? last.getEnd() + restOfLine.length
    : last.getEnd() + (hasTrailingComma ? restOfLine.indexOf(',') + 1 : 0);
  const body = members.map((member) => style.eol + indent + member(indent)).join(',');
  const edits: Edit[] = [{ start: at, end: at, text: `${body}${hasTrailingComma ? ',' : ''}` }];
  if (!hasTrailingComma) edits.push({ start: last.getEnd(), end: last.getEnd(), text: ',' });
  return edits;
}

/**
 * Inserts elements on their own lines before `anchor` (and its leading comments). Returns
 * undefined when the anchor does not start a line, which the caller answers by rewriting the array.
 */
export function insertBefore(
  anchor: Node,
  members: readonly NewMember[],
  style: JsStyle,
): Edit | undefined {
  const text = anchor.getSourceFile().getFullText();
  const comments = anchor.getLeadingCommentRanges();
  const first = comments[0]?.getPos() ?? anchor.getStart();
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
  array: ArrayLiteralExpression,
  items: readonly (Node | NewMember)[],
  style: JsStyle,
): Edit {
  const text = array.getSourceFile().getFullText();
  const openIndent = lineIndent(text, array.getStart());
  const inner = openIndent + style.indent;
  const lines = items.map((item) => {
    if (typeof item === 'function') return inner + item(inner);
    const comments = item.getLeadingCommentRanges().map((range) => inner + range.getText());
    return [...comments, inner + item.getText()].join(style.eol);
  });
  return {
    start: array.getStart(),
    end: array.getEnd(),
    text: `[${style.eol}${lines.join(`,${style.eol}`)}${style.trailingComma ? ',' : ''}${style.eol}${openIndent}]`,
  };
}

function membersOf(container: Container): Node[] {
  return Node.isObjectLiteralExpression(container)
    ? container.getProperties()
    : container.getElements();
}

function trailingComma(container: Container): boolean {
  const compiler = container.compilerNode;
  const list = 'properties' in compiler ? compiler.properties : compiler.elements;
  return list.hasTrailingComma === true;
}
