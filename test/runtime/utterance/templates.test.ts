import { beforeAll, describe, expect, it } from 'vitest';
import { member, Name } from '../../../generator/codegen/code.js';
import { formatProblem } from '../../../generator/definitions/problems.js';
import { parseSource } from '../../../generator/definitions/source.js';
import { compileTemplate } from '../../../generator/emitters/previewers/compile-template.js';
import { checkTemplate } from '../../../generator/model/templates.js';
import type { EventSchema, Model } from '../../../generator/model/types.js';
import { utteranceHelpers } from '../../../runtime/utterance/helpers.js';
import { realModel } from '../../support/definitions.js';

/**
 * A template is parsed once, by the model: its parts and references are what the compiler and
 * the emitters read, and the helper table decides what each helper takes.
 */
let model: Model;
let messages: EventSchema;
beforeAll(async () => {
  model = await realModel();
  messages = model.events.find((event) => event.name === 'AMAZON.MessageAlert.Activated')!;
});

/** checkTemplate over the MessageAlert payload, the template in a one-line file t.yaml. */
function check(template: string) {
  const parsed = parseSource('t.yaml', `template: ${JSON.stringify(template)}\n`);
  if (!parsed.ok) throw new Error('the test file does not parse');
  const result = checkTemplate(template, messages.payload, parsed.source, '/template');
  return { ...result, problems: result.problems.map(formatProblem) };
}

describe('the model parses a template once', () => {
  it('into text, fields, helpers with their quoted words, and blocks', () => {
    const { parts, references, problems } = check(
      'You have {{number messageGroup.count}} {{#if messageGroup.urgency}}{{spoken messageGroup.urgency}}{{else}}plain{{/if}} {{plural messageGroup.count "message" "messages"}} from {{messageGroup.creator.name}}.',
    );
    expect(problems).toEqual([]);
    expect(parts).toEqual([
      { kind: 'text', text: 'You have ' },
      { kind: 'helper', helper: 'number', path: ['messageGroup', 'count'], quoted: [] },
      { kind: 'text', text: ' ' },
      {
        kind: 'block',
        helper: 'if',
        path: ['messageGroup', 'urgency'],
        then: [{ kind: 'helper', helper: 'spoken', path: ['messageGroup', 'urgency'], quoted: [] }],
        otherwise: [{ kind: 'text', text: 'plain' }],
      },
      { kind: 'text', text: ' ' },
      {
        kind: 'helper',
        helper: 'plural',
        path: ['messageGroup', 'count'],
        quoted: ['message', 'messages'],
      },
      { kind: 'text', text: ' from ' },
      { kind: 'field', path: ['messageGroup', 'creator', 'name'] },
      { kind: 'text', text: '.' },
    ]);
    expect(references).toEqual([
      { path: ['messageGroup', 'count'], helper: 'number' },
      { path: ['messageGroup', 'urgency'], helper: 'if' },
      { path: ['messageGroup', 'urgency'], helper: 'spoken' },
      { path: ['messageGroup', 'count'], helper: 'plural' },
      { path: ['messageGroup', 'creator', 'name'] },
    ]);
  });

  it('keeps the parts in the model, which the compiler turns into code', () => {
    const [variant] = messages.utterances['en-US']!;
    expect(variant!.parts.map((part) => part.kind)).toEqual([
      'text',
      'helper',
      'text',
      'block',
      'text',
      'block',
      'text',
      'helper',
      'text',
      'field',
      'text',
    ]);
    const code = compileTemplate(variant!.parts, {
      payload: messages.payload,
      payloadName: new Name('payload'),
      contextName: new Name('say'),
      wordsOf: (field) => member(new Name('words'), field.typeName),
    }).text;
    expect(code).toContain(
      `say.plural(payload.messageGroup?.count, "message", "messages", "/event/payload/messageGroup/count")`,
    );
    expect(code).toContain(
      `say.spoken(payload.messageGroup?.urgency, words.MessageAlertUrgency, "/event/payload/messageGroup/urgency")`,
    );
    expect(code).toContain(
      `say.text(payload.messageGroup?.creator?.name, "/event/payload/messageGroup/creator/name")`,
    );
  });
});

describe('the helper table decides what a helper takes', () => {
  it('its quoted words (arity)', () => {
    expect(utteranceHelpers.plural.quoted).toHaveLength(2);
    expect(check('{{plural messageGroup.count "message"}}').problems).toEqual([
      `t.yaml:1:14: /template: {{plural}} takes a field and 2 quoted words, e.g. {{plural count "message" "messages"}} (got 2 arguments)`,
    ]);
    expect(check('{{number messageGroup.count "three"}}').problems).toEqual([
      't.yaml:1:14: /template: {{number}} takes exactly one field (got 2 arguments)',
    ]);
  });

  it('the kinds of field it accepts', () => {
    expect(check('{{date messageGroup.count}}').problems).toEqual([
      't.yaml:1:19: /template: {{date}} cannot take messageGroup.count, a integer field (a field of type date-time)',
    ]);
  });

  it('that a helper of the table is no block', () => {
    expect(check('{{#spoken messageGroup.urgency}}x{{/spoken}}').problems).toEqual([
      't.yaml:1:15: /template: {{#spoken}} is not a block (a block is {{#if field}} or {{#unless field}})',
    ]);
  });
});
