/**
 * The shapes of the generated catalog (generated/events/<Stem>/schema.ts, gathered in
 * generated/catalog.ts): what `proactive-events schemas` lists, and every rule of each field, so
 * the runtime can check payloads from this one list.
 */

export type SchemaFieldType =
  'string' | 'integer' | 'boolean' | 'date-time' | 'enum' | 'object' | 'array';

export interface SchemaFieldInfo {
  /** Dotted path from the payload; array items end in `[]`, e.g. `alert.garbageTypes[]`. */
  readonly path: string;
  readonly type: SchemaFieldType;
  readonly required: boolean;
  readonly localizable: boolean;
  readonly description: string;
  /** The allowed values of an enum field. */
  readonly values?: readonly string[];
  /** The declared type of an object or enum field, as generated/types names it. */
  readonly typeName?: string;
  /** A string field's least number of UTF-16 code units (JSON Schema `minLength`). */
  readonly minLength?: number;
  /** A string field's greatest number of UTF-16 code units (JSON Schema `maxLength`). */
  readonly maxLength?: number;
  /** A regular expression (`u` flag) a string field must match somewhere (JSON Schema `pattern`). */
  readonly pattern?: string;
  /** An integer field's least value, inclusive. */
  readonly minimum?: number;
  /** An integer field's greatest value, inclusive. */
  readonly maximum?: number;
  /** An array field's least number of items. */
  readonly minItems?: number;
  /** An array field's greatest number of items. */
  readonly maxItems?: number;
  /** True when an array field's items must all differ; absent when they may repeat. */
  readonly uniqueItems?: boolean;
}

export interface SchemaInfo {
  readonly name: string;
  /** The middle part of the name, e.g. WeatherAlert, accepted wherever a name is. */
  readonly shortName: string;
  readonly description: string;
  readonly reference: string;
  /** Locales Amazon supports for the schema. */
  readonly locales: readonly string[];
  readonly fields: readonly SchemaFieldInfo[];
}
