/**
 * The frozen model every emitter reads. It is built once from the definitions (build.ts) and
 * holds every fact an emitter needs, so no emitter ever looks at a schema's name to decide
 * anything.
 */
import type { SchemaFieldType } from '../../runtime/catalog.js';
import type { UtteranceBlockHelper, UtteranceHelperName } from '../../runtime/utterance/helpers.js';

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The kinds of field: the catalog's field types, which the runtime declares once. */
export type FieldKind = SchemaFieldType;

interface FieldBase {
  readonly kind: FieldKind;
  /** The property name; for array items, the array's name. */
  readonly key: string;
  /** Path from the payload (or envelope) root, e.g. ['state', 'status']; array items add '*'. */
  readonly path: readonly string[];
  readonly description: string;
  readonly required: boolean;
  /** The field may hold `localizedattribute:KEY`. */
  readonly localizable: boolean;
  readonly position: Position;
}

export interface StringField extends FieldBase {
  readonly kind: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}

export interface IntegerField extends FieldBase {
  readonly kind: 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface BooleanField extends FieldBase {
  readonly kind: 'boolean';
}

export interface DateTimeField extends FieldBase {
  readonly kind: 'date-time';
}

export interface EnumValue {
  readonly value: string;
  readonly description?: string;
  /** Words spoken for this value, per locale; en-US is always present. */
  readonly spoken: Readonly<Record<string, string>>;
}

export interface EnumField extends FieldBase {
  readonly kind: 'enum';
  readonly typeName: string;
  readonly values: readonly EnumValue[];
}

export interface ObjectField extends FieldBase {
  readonly kind: 'object';
  readonly typeName: string;
  readonly properties: readonly Field[];
}

export interface ArrayField extends FieldBase {
  readonly kind: 'array';
  readonly items: Field;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems: boolean;
}

export type Field =
  StringField | IntegerField | BooleanField | DateTimeField | EnumField | ObjectField | ArrayField;

/** A condition on one payload field that selects an utterance variant. */
export type UtteranceCondition =
  | {
      readonly path: readonly string[];
      readonly test: 'in';
      readonly values: readonly (string | number | boolean)[];
    }
  | { readonly path: readonly string[]; readonly test: 'present'; readonly present: boolean };

/**
 * An utterance template, parsed once (model/templates.ts): what the compiler turns into code and
 * the emitters read references from. Text is as written; `field` is `{{a.b}}`, `helper` is
 * `{{helper a.b "quoted" …}}` (runtime/utterance/helpers.ts), `block` is `{{#if a.b}}…{{else}}…{{/if}}`.
 */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly path: readonly string[] }
  | {
      readonly kind: 'helper';
      readonly helper: UtteranceHelperName;
      readonly path: readonly string[];
      readonly quoted: readonly string[];
    }
  | {
      readonly kind: 'block';
      readonly helper: UtteranceBlockHelper;
      readonly path: readonly string[];
      readonly then: readonly TemplatePart[];
      readonly otherwise: readonly TemplatePart[];
    };

/** A payload field a template names, and the helper it is given to (none for `{{field}}`). */
export interface TemplateReference {
  readonly path: readonly string[];
  readonly helper?: UtteranceHelperName | UtteranceBlockHelper;
}

export interface UtteranceVariant {
  readonly name: string;
  readonly when: readonly UtteranceCondition[];
  /** The template as written (trimmed), for documentation. */
  readonly template: string;
  /** The template, parsed. */
  readonly parts: readonly TemplatePart[];
  /** Every field the template names, in order. */
  readonly references: readonly TemplateReference[];
  readonly position: Position;
}

export interface EventExample {
  readonly description: string;
  readonly event: unknown;
  readonly utterance?: string;
  readonly position: Position;
}

export interface EventSchema {
  /** Amazon's schema name, e.g. AMAZON.WeatherAlert.Activated. */
  readonly name: string;
  /** The name without AMAZON. and dots, e.g. WeatherAlertActivated: the stem of type names. */
  readonly typeStem: string;
  /** The second part of the name, e.g. WeatherAlert: what users type as a short name. */
  readonly shortName: string;
  readonly order: number | undefined;
  readonly description: string;
  readonly reference: string;
  readonly locales: readonly string[];
  /** The payload as an object field whose type is `<typeStem>Payload`. */
  readonly payload: ObjectField;
  /** Variants per locale, in the order they are tried. */
  readonly utterances: Readonly<Record<string, readonly UtteranceVariant[]>>;
  readonly examples: readonly EventExample[];
  /** The definition file, relative to the definitions directory (for banners). */
  readonly source: string;
}

export interface Envelope {
  readonly description: string;
  readonly reference: string;
  /** timestamp, referenceId, expiryTime. */
  readonly fields: readonly Field[];
  readonly event: { readonly description: string; readonly name: string; readonly payload: string };
  readonly localizedAttributes: {
    readonly description: string;
    readonly referencePrefix: string;
    readonly localeDescription: string;
    readonly localePattern: string;
    /**
     * The locale every schema has templates for: a preview in a locale without templates of its
     * own speaks its wording.
     */
    readonly fallbackLocale: string;
  };
  readonly relevantAudience: {
    readonly description: string;
    readonly unicast: {
      readonly description: string;
      readonly userDescription: string;
      readonly userPrefix: string;
    };
    readonly multicast: { readonly description: string };
  };
  readonly expiryWindow: {
    /** The date-time field the window starts at, and the one that must lie in it. */
    readonly start: string;
    readonly end: string;
    readonly minMinutes: number;
    readonly maxMinutes: number;
    readonly defaultMinutes: number;
    readonly futureTimestampToleranceMinutes: number;
  };
  /** What a skill manifest declares to send events (emitted as generated/manifest.ts). */
  readonly manifest: ManifestFacts;
  readonly source: string;
}

export interface ManifestFacts {
  readonly description: string;
  readonly reference: string;
  /** manifest.permissions[].name, e.g. alexa::devices:all:notifications:write. */
  readonly permission: { readonly name: string; readonly description: string };
  /** manifest.events.subscriptions[].eventName, e.g. SKILL_PROACTIVE_SUBSCRIPTION_CHANGED. */
  readonly subscription: { readonly eventName: string; readonly description: string };
}

export interface Model {
  readonly envelope: Envelope;
  /** Sorted by catalog order, then name. */
  readonly events: readonly EventSchema[];
}

/**
 * Whether an array's items must be JSON primitives (strings, numbers, booleans): its uniqueness
 * check then compares only those, an object item being a type error of its own.
 */
export function primitiveItems(field: ArrayField): boolean {
  return field.items.kind !== 'object' && field.items.kind !== 'array';
}
