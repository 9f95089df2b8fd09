/**
 * The hostile changes of the seeded fuzz (test/runtime/validation/fuzz.ts): throwing Proxies and getters,
 * values without a string form, cycles, graphs of shared references, prototypes carrying fields,
 * `constructor`/`toString`/`__proto__` keys, localized references where none may stand,
 * sub-millisecond expiry windows, megabytes of unknown keys. Each change names itself in `kinds`,
 * so a slow or failing case says what it was made of.
 */

export type Random = () => number;
export type Pick = <T>(items: readonly T[]) => T;

type Node = Record<string, unknown> | unknown[];

/** Every object or array node of `value` reachable as plain JSON, with its pointer. */
function nodes(value: unknown): { node: Node; pointer: string }[] {
  const found: { node: Node; pointer: string }[] = [];
  const visit = (node: unknown, pointer: string, depth: number) => {
    if (typeof node !== 'object' || node === null || depth > 8 || found.length > 200) return;
    if (hostile.has(node)) return;
    found.push({ node: node as Node, pointer });
    for (const [key, child] of Object.entries(node)) visit(child, `${pointer}/${key}`, depth + 1);
  };
  visit(value, '', 0);
  return found;
}

const throwing = (thrown: () => unknown) => () => {
  throw thrown();
};

/** Thrown values: an Error, a Symbol, and a Proxy that has no string form at all. */
const thrownValues: (() => unknown)[] = [
  () => new Error('boom'),
  () => Symbol('boom'),
  () => Object.create(null) as object,
  () =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('no string form');
        },
        getPrototypeOf: () => {
          throw new Error('no prototype');
        },
      },
    ),
];

/** The items of long arrays. */
const bulkItems: readonly { name: string; make: (index: number) => unknown }[] = [
  { name: 'number', make: () => 1 },
  { name: 'empty-object', make: () => ({}) },
  { name: 'empty-name', make: () => ({ eventName: '' }) },
  { name: 'distinct-name', make: (i) => ({ eventName: `AMAZON.Event${i}` }) },
  { name: 'same-locale', make: () => ({ locale: 'en-US', name: 'x' }) },
  { name: 'bad-locale', make: (i) => ({ locale: `x${i}`, name: 'x' }) },
  { name: 'string', make: (i) => `TYPE${i % 7}` },
];

/** What hostileValue made: the harness never reads into these itself. */
const hostile = new WeakSet<object>();

function hostileValue(next: Random, pick: Pick, root: unknown, kinds: string[]): unknown {
  const value = makeHostile(next, pick, root, kinds);
  if (typeof value === 'object' && value !== null && value !== root) hostile.add(value);
  return value;
}

function makeHostile(next: Random, pick: Pick, root: unknown, kinds: string[]): unknown {
  const thrown = pick(thrownValues);
  switch (Math.floor(next() * 12)) {
    case 0: {
      kinds.push('throwing-proxy');
      const trap = throwing(thrown);
      return new Proxy(
        {},
        {
          get: trap,
          has: trap,
          ownKeys: trap,
          getOwnPropertyDescriptor: trap,
          getPrototypeOf: trap,
        },
      );
    }
    case 1: {
      kinds.push('revoked-proxy');
      const revocable = Proxy.revocable({}, {});
      revocable.revoke();
      return revocable.proxy;
    }
    case 2:
      kinds.push('throwing-getter');
      return Object.defineProperty({}, pick(['name', 'locale', 'type', 'payload']), {
        get: throwing(thrown),
        enumerable: true,
      });
    case 3:
      kinds.push('cycle');
      return root;
    case 4: {
      // A graph of shared references: 2^40 paths, 41 objects.
      kinds.push('shared-arrays');
      let node: unknown = { name: 'leaf' };
      for (let depth = 0; depth < 40; depth++) node = [node, node];
      return node;
    }
    case 5: {
      kinds.push('shared-objects');
      let node: unknown = 'leaf';
      for (let depth = 0; depth < 40; depth++) node = { a: node, b: node };
      return [node, node, { ...(node as object) }];
    }
    case 6:
      kinds.push('no-json-primitive');
      return pick([NaN, Infinity, -0, 10n, Symbol('s'), () => 1, undefined]);
    case 7: {
      const length = 1 + Math.floor(next() * 200_000);
      kinds.push(`long-string:${length}`);
      return 'x'.repeat(length);
    }
    case 8: {
      if (next() < 0.05) {
        // Up to a megabyte or two of small items: bad subscriptions, bad locale entries…
        const length = 1 + Math.floor(next() * 300_000);
        const item = pick(bulkItems);
        kinds.push(`long-array:${length}x${item.name}`);
        return Array.from({ length }, (_, i) => item.make(i));
      }
      const length = 1 + Math.floor(next() * 2000);
      kinds.push(`many-items:${length}`);
      return Array.from({ length }, (_, i) => ({ i: i % 3 }));
    }
    case 9:
      kinds.push('throwing-array-proxy');
      return new Proxy([1, 2, 3], { get: throwing(thrown) });
    case 10:
      kinds.push('inherited-fields');
      return Object.create({ inherited: true, name: 'AMAZON.WeatherAlert.Activated' }) as object;
    default: {
      const key = pick(['name', 'title', '__proto__', 'constructor']);
      kinds.push(`reference:${key}`);
      return `localizedattribute:${key}`;
    }
  }
}

/** One hostile change of `root` (in place where it can); names it in `kinds`. */
export function mutate(root: unknown, next: Random, pick: Pick, kinds: string[]): unknown {
  const all = nodes(root);
  if (all.length === 0) return hostileValue(next, pick, root, kinds);
  const { node, pointer } = pick(all);
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(keys) : '0';
  switch (Math.floor(next() * 9)) {
    case 0:
    case 1:
      (node as Record<string, unknown>)[key] = hostileValue(next, pick, root, kinds);
      kinds[kinds.length - 1] += ` at ${pointer}/${key}`;
      return root;
    case 2: {
      // Keys that live on Object.prototype, as own properties (JSON.parse makes them so).
      const name = pick(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']);
      kinds.push(`own-${name}`);
      Object.defineProperty(node, name, {
        value: pick(['x', 1, {}]),
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return root;
    }
    case 3: {
      // A field moved onto the prototype: JSON would not send it.
      if (Array.isArray(node) || keys.length === 0) return root;
      kinds.push('field-on-prototype');
      const value = (node as Record<string, unknown>)[key];
      delete (node as Record<string, unknown>)[key];
      Object.setPrototypeOf(node, { [key]: value });
      return root;
    }
    case 4:
      kinds.push('deleted');
      delete (node as Record<string, unknown>)[key];
      return root;
    case 5: {
      // Unknown keys: many, or long (no "did you mean" may cost much).
      const count = next() < 0.02 ? 20_000 : 1 + Math.floor(next() * 50);
      const length = next() < 0.5 ? 8 : 300;
      kinds.push(`unknown-keys:${count}x${length} at ${pointer || '/'}`);
      for (let i = 0; i < count; i++) {
        (node as Record<string, unknown>)[`${'k'.repeat(length)}${i}`] = i;
      }
      return root;
    }
    case 6: {
      // A sub-millisecond expiry window right at its bounds.
      if (typeof root !== 'object' || root === null) return root;
      kinds.push('expiry-fraction');
      const event = root as Record<string, unknown>;
      const bound = pick([5, 24 * 60]);
      const base = Date.UTC(2020, 0, 1) + Math.floor(next() * 1e9);
      const fraction = () => pick(['', '.0', '.0005', '.999', '.9999', '.1234567', '.000000001']);
      const at = (ms: number, digits: string) =>
        `${new Date(ms).toISOString().slice(0, 19)}${digits}Z`;
      event.timestamp = at(base, fraction());
      event.expiryTime = at(base + bound * 60_000 + pick([-1000, 0, 1000]), fraction());
      return root;
    }
    case 7: {
      const reference = pick(['name', 'title', 'x']);
      kinds.push(`reference-anywhere:${reference}`);
      (node as Record<string, unknown>)[key] = `localizedattribute:${reference}`;
      return root;
    }
    default:
      kinds.push('null-prototype');
      return Object.assign(Object.create(null) as object, node);
  }
}

/**
 * A valid AlexaSkillEvent.ProactiveSubscriptionChanged request, the other input the fuzz feeds
 * the subscription parser (and, as a hostile event, the validators).
 */
export function subscriptionRequest(next: Random, pick: Pick): Record<string, unknown> {
  const names = [
    'AMAZON.WeatherAlert.Activated',
    'AMAZON.OrderStatus.Updated',
    'AMAZON.MessageAlert.Activated',
    'AMAZON.Occasion.Updated',
  ];
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.0d1b8d6f' },
        user: { userId: 'amzn1.ask.account.EXAMPLE' },
      },
    },
    request: {
      type: 'AlexaSkillEvent.ProactiveSubscriptionChanged',
      requestId: `amzn1.ask.request.${Math.floor(next() * 1e9)}`,
      timestamp: '2019-02-28T17:30:00Z',
      locale: 'en-US',
      body: {
        subscriptions: Array.from({ length: Math.floor(next() * 5) }, () => ({
          eventName: pick(names),
        })),
      },
    },
  };
}
