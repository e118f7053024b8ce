// A one-line progress indicator on stderr, shown only when stderr is a terminal and the run is long
// (more than 200 files, or still running after a second), so pipes and CI logs never see it.

const SHOW_AFTER_MS = 1000;
const SHOW_FOR_FILES = 200;
const REDRAW_EVERY_MS = 100;

export class Progress {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private visible = false;

  constructor(private readonly stream: NodeJS.WriteStream, private readonly totalFiles: number) {}

  static forStderr(totalFiles: number): Progress | null {
    return process.stderr.isTTY === true ? new Progress(process.stderr, totalFiles) : null;
  }

  update(done: number, total: number): void {
    const now = Date.now();
    if (!this.visible && this.totalFiles <= SHOW_FOR_FILES && now - this.started < SHOW_AFTER_MS) return;
    if (now - this.lastDrawn < REDRAW_EVERY_MS && done < total) return;
    this.lastDrawn = now;
    this.visible = true;
    this.stream.write(`\r\x1b[Kyieldlens: checking ${done}/${total} files`);
  }

  finish(): void {
    if (this.visible) this.stream.write('\r\x1b[K');
    this.visible = false;
  }
}
