/**
 * Shapes shared by the sending runtime. They are deliberately structural so the generated code (which
 * the code generator emits separately) can plug in without this runtime importing it.
 */

import type { ValidationResult } from '../validation/issues.js';

export type { Issue, ValidationResult } from '../validation/issues.js';

/**
 * Validates a whole proactive event envelope. `now` is the sender's clock in epoch milliseconds, so
 * time-window rules (expiryTime vs. now) are checked against the moment of sending.
 */
export type EventValidator = (event: unknown, options: { now: number }) => ValidationResult;

/**
 * What the client accepts as an event. Kept as `object` so the generated envelope interfaces (which have
 * no index signature) are assignable; the validator decides whether the object is a real event.
 */
export type ProactiveEventInput = object;

/** The token response of Login with Amazon, as documented (SDK_RUNTIME `AccessTokenResponse`). */
export interface AccessTokenResponse {
  access_token: string;
  /** Seconds the token stays valid. */
  expires_in: number;
  scope: string;
  token_type: string;
}

/**
 * Optional logging sink. Every message and detail is redacted before it reaches the logger, so a logger
 * that writes everything to disk cannot leak the client secret or a token.
 */
export interface Logger {
  debug?(message: string, details?: Record<string, unknown>): void;
  info?(message: string, details?: Record<string, unknown>): void;
  warn?(message: string, details?: Record<string, unknown>): void;
  error?(message: string, details?: Record<string, unknown>): void;
}

export type Clock = () => number;
export type Sleep = (ms: number) => Promise<void>;
export type RandomSource = () => number;
