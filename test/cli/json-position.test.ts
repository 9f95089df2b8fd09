import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../cli/json-position.js';

describe('locateJsonError', () => {
  it.each([
    ['{\n  "a": 1,\n  "b" 2\n}', 3, 7, `expected ':' after the property name, found "2"`],
    ['{"a":', 1, 6, 'unexpected end of input'],
    ['[1,2,]', 1, 6, "trailing ',' before ']'"],
    ['', 1, 1, 'unexpected end of input'],
    ['{"a": tru}', 1, 7, 'expected a value, found "t"'],
    ['{"a":1,}', 1, 8, 'expected a property name, found "}"'],
    ['[1]\n x', 2, 2, 'unexpected "x" after the JSON value'],
    ['[01]', 1, 3, `expected ',' or ']', found "1"`],
    ['{"a":"\\q"}', 1, 7, 'bad escape in string'],
  ])('%j → %i:%i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toMatchObject({ line, column, message });
  });

  it('valid JSON has no error', () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"],"b":{}}';
    expect(JSON.parse(text)).toBeTruthy();
    expect(locateJsonError(text)).toBeUndefined();
  });
});
