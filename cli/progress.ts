/**
 * A one-line progress bar for long sends. Drawn only on a terminal: piped or captured stderr gets
 * nothing, so logs and CI output stay clean.
 */
export interface Progress {
  update(done: number, sent: number, failed: number): void;
  finish(): void;
}

const WIDTH = 24;
const REDRAW_MS = 100;

export function progressBar(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY || total === 0) return { update: () => undefined, finish: () => undefined };
  let last = 0;
  let drawn = false;
  const draw = (done: number, sent: number, failed: number): void => {
    const filled = Math.round((done / total) * WIDTH);
    stream.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}  sent ${sent}  failed ${failed}`,
    );
    drawn = true;
  };
  return {
    update(done, sent, failed) {
      const now = Date.now();
      if (done === total || now - last >= REDRAW_MS) {
        last = now;
        draw(done, sent, failed);
      }
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
