import { readFile } from 'node:fs/promises';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import { parsePointer } from './pointer.js';
import type { Problem } from './problems.js';

/** A definition file parsed with its positions kept, so every later phase can point into it. */
export interface SourceFile {
  /** The path shown in messages (as given, relative to the working directory when possible). */
  readonly file: string;
  readonly text: string;
  /** The plain JavaScript value of the document. */
  readonly value: unknown;
  /** line:column of the value at a JSON pointer; `key: true` points at a map key instead. */
  locate(pointer: string, options?: { key?: boolean }): { line: number; column: number };
  /** A problem at the given pointer. */
  problem(pointer: string, message: string, options?: { key?: boolean }): Problem;
  /** A problem at the first occurrence of `token` inside the value at `pointer` (e.g. in a template). */
  problemAtToken(pointer: string, token: string, message: string): Problem;
}

export type ParseResult = { ok: true; source: SourceFile } | { ok: false; problems: Problem[] };

/** Reads and parses a YAML (or JSON, a subset of YAML) definition file. */
export async function readSource(file: string): Promise<ParseResult> {
  return parseSource(file, await readFile(file, 'utf8'));
}

export function parseSource(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        pointer: '',
        message: `${firstLine(error.message)} (well-formed YAML or JSON)`,
      })),
    };
  }
  const locate = (pointer: string, options: { key?: boolean } = {}) =>
    at(offsetOf(doc, parsePointer(pointer), options.key ?? false));
  return {
    ok: true,
    source: {
      file,
      text,
      value: doc.toJS({ maxAliasCount: 100 }) as unknown,
      locate,
      problem: (pointer, message, options) => ({
        file,
        ...locate(pointer, options),
        pointer,
        message,
      }),
      problemAtToken: (pointer, token, message) => {
        const start = offsetOf(doc, parsePointer(pointer), false);
        const found = token === '' ? -1 : text.indexOf(token, start);
        return { file, ...at(found >= 0 ? found : start), pointer, message };
      },
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The source offset of the node at `segments`, or of its nearest existing ancestor: a missing
 * field is reported where it should have been written.
 */
function offsetOf(doc: Document, segments: readonly string[], key: boolean): number {
  let node: Node | null | undefined = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
      );
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      if (node === null) {
        node = keyNode;
      }
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = undefined;
      node = item as Node;
    } else {
      break;
    }
  }
  const target = key && keyNode ? keyNode : node;
  return target?.range?.[0] ?? 0;
}
