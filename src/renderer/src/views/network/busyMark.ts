/**
 * Whether the graph is busy, for the view's `aria-busy` mark: being drawn (a load or an edit, the latest one's mark,
 * which a newer one takes over) or being changed (showcases and arrangements, counted, as several can overlap). What
 * waits for the graph to show a change (assistive technology, the tests, the benchmark) waits for all of it. The view
 * is told only when the answer flips.
 */
export class BusyMark {
  private drawing = false;
  private working = 0;
  private told = false;

  constructor(private readonly tell: (busy: boolean) => void) {}

  /** A load or an edit started drawing (true) or shows its outcome (false). */
  setDrawing(drawing: boolean): void {
    this.drawing = drawing;
    this.update();
  }

  /** Busy until `work` settles, whether it resolves or rejects. */
  whileBusy<T>(work: Promise<T>): Promise<T> {
    this.working++;
    this.update();
    return work.finally(() => {
      this.working--;
      this.update();
    });
  }

  private update(): void {
    const busy = this.drawing || this.working > 0;
    if (busy === this.told) return;
    this.told = busy;
    this.tell(busy);
  }
}
