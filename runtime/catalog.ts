/** The shapes of the generated catalog (generated/catalog.ts): what `proactive-events schemas` lists. */

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
