import { strict as assert } from 'node:assert';
import { bench, do_not_optimize, run, summary } from 'mitata';
import { previewUtterance, utterancePreviewTable } from '../generated/preview.js';
import { createPreviewer } from '../runtime/utterance/index.js';
import type { ProactiveEvent } from '../generated/types/index.js';
import {
  createReferenceRenderer,
  type ReferenceEvent,
} from '../generator/emitters/previewers/reference.js';
import { loadModel } from '../generator/model/load.js';
import { defaultDefinitionsDir } from '../generator/paths.js';

/**
 * The generated previewer against the same templates rendered by the Handlebars runtime (each
 * compiled once and reused, equivalent helpers), on every example event of the definitions in
 * every locale it carries. Both must say the same thing before anything is timed.
 */
export async function runPreviewBench(): Promise<void> {
  const model = await loadModel(defaultDefinitionsDir);
  const handlebars = createReferenceRenderer(model);
  const cases = model.events.flatMap((event) =>
    event.examples.flatMap((example) => {
      const entries = (example.event as ReferenceEvent).localizedAttributes;
      const locales = entries.length > 0 ? entries.map((entry) => String(entry.locale)) : ['en-US'];
      return locales.map((locale) => ({ event: example.event, locale }));
    }),
  );
  for (const { event, locale } of cases) {
    assert.equal(
      previewUtterance(event as ProactiveEvent, locale),
      handlebars(event as ReferenceEvent, locale),
      `the two renderings differ for ${(event as ReferenceEvent).event.name} in ${locale}`,
    );
  }

  // Rendering is what the target compares; every preview also validates the event first (the
  // Handlebars runtime does not), so that cost is measured and reported on its own line.
  const renderOnly = createPreviewer(utterancePreviewTable);
  const renderName = `generated previewer, rendering (${cases.length} events)`;
  const validatedName = `generated previewer, validation + rendering (${cases.length} events)`;
  const handlebarsName = `Handlebars runtime (${cases.length} events)`;
  summary(() => {
    bench(renderName, () => {
      for (const { event, locale } of cases) {
        do_not_optimize(renderOnly.preview(event, locale));
      }
    }).baseline(true);
    bench(validatedName, () => {
      for (const { event, locale } of cases) {
        do_not_optimize(previewUtterance(event as ProactiveEvent, locale));
      }
    });
    bench(handlebarsName, () => {
      for (const { event, locale } of cases) {
        do_not_optimize(handlebars(event as ReferenceEvent, locale));
      }
    });
  });
  const { benchmarks } = await run();
  const median = (name: string) =>
    benchmarks.find((trial) => trial.alias === name)?.runs[0]?.stats?.p50 ?? Number.NaN;
  const render = median(handlebarsName) / median(renderName);
  const validated = median(handlebarsName) / median(validatedName);
  process.stdout.write(
    `\npreview: rendering is ${render.toFixed(1)}× as fast as the Handlebars runtime (medians; target ≥ 3×: ${render >= 3 ? 'met' : 'NOT met'})\n` +
      `preview: with the validation every preview runs first, ${validated.toFixed(1)}× (Handlebars validates nothing)\n`,
  );
}
