import { readFile } from 'node:fs/promises';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { describeFsError } from '../output/errors.js';
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

/**
 * Reads and parses a YAML (or JSON, a subset of YAML) definition file; `file` is the path shown
 * in messages, `path` the one read (the same unless the caller resolved it).
 */
export async function readSource(file: string, path = file): Promise<ParseResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [fileProblem(file, describeFsError(error))] };
  }
  const bytes = Buffer.byteLength(text);
  if (bytes > maxSourceBytes) {
    // Parsing a megabyte of YAML takes seconds: a file that size is no definition.
    const count = (value: number) => value.toLocaleString('en-US');
    return {
      ok: false,
      problems: [
        fileProblem(
          file,
          `is ${count(bytes)} bytes; a definition file has at most ${count(maxSourceBytes)} (Amazon's largest about 5,000)`,
        ),
      ],
    };
  }
  return parseSource(file, text);
}

/** The largest definition file read: fifty times Amazon's largest schema. */
export const maxSourceBytes = 256 * 1024;

/** A problem with a file as a whole (it cannot be read): shown as `file: message`. */
export function fileProblem(file: string, message: string): Problem {
  return { file, line: 0, column: 0, pointer: '', message };
}

/** How many alias expansions one document may make: a few anchors are fine, a "billion laughs" is not. */
export const maxAliasCount = 100;

export function parseSource(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the yaml package's own check is quadratic.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const syntax: Problem[] = doc.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    pointer: '',
    message: `${firstLine(error.message)} (well-formed YAML or JSON)`,
  }));
  if (syntax.length > 0) return { ok: false, problems: syntax };
  const duplicates = duplicateKeys(doc).map((offset) => ({
    file,
    ...at(offset),
    pointer: '',
    message: 'this key is already used in the same map (unique keys)',
  }));
  if (duplicates.length > 0) return { ok: false, problems: duplicates };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch {
    // toJS throws only on alias expansion beyond maxAliasCount (a resource exhaustion attack).
    return {
      ok: false,
      problems: [
        {
          file,
          ...at(firstAliasOffset(doc)),
          pointer: '',
          message: `the aliases expand too many times (at most ${maxAliasCount} alias expansions; write the values out)`,
        },
      ],
    };
  }
  const locate = (pointer: string, options: { key?: boolean } = {}) =>
    at(offsetOf(doc, parsePointer(pointer), options.key ?? false));
  return {
    ok: true,
    source: {
      file,
      text,
      value,
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

/** The offset of every map key that repeats an earlier key of its map. */
function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : pair.key;
        if (seen.has(key)) offsets.push((pair.key as Node | null)?.range?.[0] ?? 0);
        else seen.add(key);
      }
    },
  });
  return offsets;
}

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, alias) {
      if (isAlias(alias)) offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
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
