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
  /** The named type of an object or enum field (generated/types). */
  readonly typeName?: string;
  /** Bounds of a string's length, in characters (code points). */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A regular expression (`u` flag) a string must match. */
  readonly pattern?: string;
  /** Bounds of an integer. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Bounds of an array's length, and whether its items must differ. */
  readonly minItems?: number;
  readonly maxItems?: number;
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
