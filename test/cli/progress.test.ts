import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../cli/progress.js';

/** A stream that records what is written, and says whether it is a terminal. */
function stream(isTTY: boolean): { target: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const target = new Writable({
    write(chunk, _encoding, done) {
      written.push(String(chunk));
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  target.isTTY = isTTY;
  return { target, written };
}

describe('progress bar', () => {
  it('draws on a terminal and clears itself at the end', () => {
    const { target, written } = stream(true);
    const bar = progressBar(target, 4);
    bar.update(1, 1, 0);
    bar.update(4, 3, 1);
    bar.finish();
    expect(written).toEqual([
      `\r[${'#'.repeat(6)}${'-'.repeat(18)}] 1/4  sent 1  failed 0`,
      `\r[${'#'.repeat(24)}] 4/4  sent 3  failed 1`,
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when the output is not a terminal', () => {
    const { target, written } = stream(false);
    const bar = progressBar(target, 4);
    bar.update(4, 4, 0);
    bar.finish();
    expect(written).toEqual([]);
  });
});
