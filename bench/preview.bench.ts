import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bench, do_not_optimize, run, summary } from 'mitata';
import { previewUtterance, utterancePreviewTable } from '../generated/preview.js';
import { isProactiveEvent } from '../generated/validate.js';
import { createPreviewer } from '../runtime/utterance/index.js';
import type { ProactiveEvent } from '../generated/types/index.js';
import {
  createReferenceRenderer,
  type ReferenceEvent,
} from '../generator/emitters/previewers/reference.js';
import { loadModel } from '../generator/model/load.js';
import type { Model } from '../generator/model/types.js';
import { defaultDefinitionsDir } from '../generator/paths.js';
import { validEvent } from '../test/runtime/validation/arbitraries.js';
import { asPlainData } from './corpus.js';
import { sized, smoke, verdict } from './scale.js';

/** Generated variants per schema, on top of the definitions' examples. */
const variantsPerSchema = sized(40, 3);
const seed = 1913;
/** previewUtterance, its validation included, against the Handlebars runtime. */
const target = 2;

interface PreviewCase {
  readonly event: unknown;
  readonly locale: string;
}

/**
 * The generated previewer against the same templates rendered by the Handlebars runtime (each
 * compiled once and reused, equivalent helpers). The corpus: every example event of the
 * definitions, plus seeded valid events of every schema carrying 1–3 locales whose payloads
 * refer to localized attributes (made as a skill makes them: bench/corpus.ts), each previewed in
 * every locale it carries. Both renderers must say the same thing on every case before anything
 * is timed.
 */
export async function runPreviewBench(): Promise<void> {
  const model = await loadModel(defaultDefinitionsDir);
  const handlebars = createReferenceRenderer(model);
  const cases = [...exampleCases(model), ...generatedCases(model)];
  for (const { event, locale } of cases) {
    assert.equal(
      previewUtterance(event as ProactiveEvent, locale),
      handlebars(event as ReferenceEvent, locale),
      `the two renderings differ for ${(event as ReferenceEvent).event.name} in ${locale}`,
    );
  }
  const localized = cases.filter(
    ({ event }) => (event as ReferenceEvent).localizedAttributes.length > 0,
  ).length;

  // The target compares previewUtterance as a skill calls it (validation first) with Handlebars,
  // which validates nothing; rendering alone is reported on its own line.
  const renderOnly = createPreviewer(utterancePreviewTable);
  const corpus = `${cases.length} previews, ${localized} with localized attributes`;
  const renderName = `generated previewer, rendering only (${corpus})`;
  const validatedName = `previewUtterance, validation + rendering (${corpus})`;
  const handlebarsName = `Handlebars runtime (${corpus})`;
  // mitata's own table takes seconds whatever the corpus: a smoke run goes to the verdict.
  if (!smoke) {
    summary(() => {
      bench(validatedName, () => {
        for (const { event, locale } of cases) {
          do_not_optimize(previewUtterance(event as ProactiveEvent, locale));
        }
      }).baseline(true);
      bench(renderName, () => {
        for (const { event, locale } of cases) {
          do_not_optimize(renderOnly.preview(event, locale));
        }
      });
      bench(handlebarsName, () => {
        for (const { event, locale } of cases) {
          do_not_optimize(handlebars(event as ReferenceEvent, locale));
        }
      });
    });
    await run();
  }

  // The verdict: alternating rounds (each renderer over the whole corpus in turn), the median of
  // the per-round ratios, so a load that comes and goes on a shared machine hits both sides alike.
  const passes = {
    validated: () => {
      for (const { event, locale } of cases) {
        do_not_optimize(previewUtterance(event as ProactiveEvent, locale));
      }
    },
    render: () => {
      for (const { event, locale } of cases) do_not_optimize(renderOnly.preview(event, locale));
    },
    handlebars: () => {
      for (const { event, locale } of cases) {
        do_not_optimize(handlebars(event as ReferenceEvent, locale));
      }
    },
    validation: () => {
      for (const { event } of cases) do_not_optimize(isProactiveEvent(event));
    },
  };
  const ratios = { validated: [] as number[], render: [] as number[], validation: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const handlebarsTime = timed(passes.handlebars);
    const v = timed(passes.validated);
    ratios.validated.push(handlebarsTime / v);
    ratios.render.push(handlebarsTime / timed(passes.render));
    ratios.validation.push(handlebarsTime / timed(passes.validation));
  }
  const validated = median(ratios.validated);
  const render = median(ratios.render);
  const validation = median(ratios.validation);
  process.stdout.write(
    `\npreview: previewUtterance (validation + rendering) is ${validated.toFixed(2)}× as fast as the Handlebars runtime (median of ${rounds} alternating rounds over ${corpus}; target ≥ ${target}×: ${verdict(validated >= target)})\n` +
      `preview: rendering only, ${render.toFixed(2)}× (Handlebars validates nothing)\n` +
      `preview: isProactiveEvent alone (the validation every preview runs first) is ${validation.toFixed(2)}× as fast as the Handlebars runtime: the ceiling of the first figure\n`,
  );
}

const rounds = sized(300, 3);

function timed(pass: () => void): number {
  const start = performance.now();
  pass();
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Every example of the definitions, in every locale it carries (the fallback locale if none). */
function exampleCases(model: Model): PreviewCase[] {
  const fallback = model.envelope.localizedAttributes.fallbackLocale;
  return model.events.flatMap((schema) =>
    schema.examples.flatMap((example) => localesOf(example.event, fallback)),
  );
}

/**
 * Seeded valid events of every schema whose payload refers to at least one localized attribute,
 * with 1–3 locales (test/runtime/validation/arbitraries.ts), in every locale they carry. A generated
 * payload no variant of its schema accepts cannot be previewed by either renderer and is left out.
 */
function generatedCases(model: Model): PreviewCase[] {
  const fallback = model.envelope.localizedAttributes.fallbackLocale;
  return model.events.flatMap((schema, index) => {
    const events = fc
      .sample(validEvent(model, schema), { seed: seed + index, numRuns: variantsPerSchema * 4 })
      .map(asPlainData)
      .filter((event) => (event as unknown as ReferenceEvent).localizedAttributes.length > 0)
      .filter((event) => previewable(event))
      .slice(0, variantsPerSchema);
    return events.flatMap((event) => localesOf(event, fallback));
  });
}

function previewable(event: unknown): boolean {
  try {
    previewUtterance(event as ProactiveEvent);
    return true;
  } catch {
    return false;
  }
}

function localesOf(event: unknown, fallback: string): PreviewCase[] {
  const entries = (event as ReferenceEvent).localizedAttributes;
  const locales = entries.length > 0 ? entries.map((entry) => String(entry.locale)) : [fallback];
  return locales.map((locale) => ({ event, locale }));
}
