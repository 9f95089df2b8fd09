import { describe, expect, it } from 'vitest';
import {
  Code,
  Name,
  Scope,
  code,
  docComment,
  join,
  member,
  regexp,
} from '../../../generator/codegen/code.js';

describe('code templates', () => {
  it('writes plain values as JSON literals and inserts code and names as they are', () => {
    const value = new Name('value');
    expect(code`if (${value} === ${'TORNADO'}) return ${[1, 'a']};`.text).toBe(
      'if (value === "TORNADO") return [\n  1,\n  "a"\n];',
    );
    expect(code`${new Code('a + b')} ${true} ${null} ${{ x: 1 }}`.text).toBe(
      'a + b true null {\n  "x": 1\n}',
    );
  });

  it('cannot be broken out of by definition text', () => {
    expect(code`const x = ${'"; process.exit(1); "'};`.text).toBe(
      'const x = "\\"; process.exit(1); \\"";',
    );
    expect(code`${'\u2028'}`.text).toBe('"\\u2028"');
  });

  it('refuses values that have no literal', () => {
    expect(() => code`${Number.NaN}`).toThrow('cannot emit the number NaN');
    expect(() => code`${Infinity}`).toThrow('cannot emit the number Infinity');
    expect(() => code`${undefined as never}`).toThrow('cannot emit undefined');
  });

  it('checks names', () => {
    expect(new Name('v0').text).toBe('v0');
    expect(() => new Name('a-b')).toThrow('"a-b" is not a usable identifier');
    expect(() => new Name('delete')).toThrow('"delete" is not a usable identifier');
  });

  it('joins code, dropping what is left out', () => {
    expect(join([code`a`, false, undefined, code`b`], code` || `).text).toBe('a || b');
  });

  it('reads properties by dot when it can', () => {
    expect(member(new Name('o'), 'alertType').text).toBe('o.alertType');
    expect(member(new Name('o'), 'a-b').text).toBe('o["a-b"]');
    expect(member(new Name('o'), 'alertType', true).text).toBe('o?.alertType');
    expect(member(new Name('o'), 'a-b', true).text).toBe('o?.["a-b"]');
  });

  it('escapes comments', () => {
    expect(docComment('ends */ here\u2028and   spaces').text).toBe(
      '/** ends *\\/ here and spaces */',
    );
    expect(docComment('  ').text).toBe('');
  });

  it('writes a comment of several lines from a list, each line escaped', () => {
    expect(docComment(['Title.', '', '- a */ b', '- c\n  d']).text).toBe(
      '/**\n * Title.\n *\n * - a *\\/ b\n * - c d\n */',
    );
    expect(docComment(['', ' ']).text).toBe('');
  });

  it('checks regular expressions at generation time', () => {
    expect(regexp('^[a-z]{2}$').text).toBe('new RegExp("^[a-z]{2}$", "u")');
    expect(() => regexp('[')).toThrow();
  });
});

describe('Scope', () => {
  it('hands out unique names', () => {
    const scope = new Scope();
    scope.reserve('v1');
    expect([scope.name('v').text, scope.name('v').text, scope.name('v').text]).toEqual([
      'v0',
      'v2',
      'v3',
    ]);
    expect(() => scope.reserve('v0')).toThrow('the name v0 is already in use');
  });
});
