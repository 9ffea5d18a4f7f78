/** How many datasets a runner worker keeps parsed (the runner's own limit, mirrored here). */
export const KEPT_DATASETS = 4;

/**
 * The datasets one worker or child has parsed, by key, in the order they were prepared: the host
 * mirrors the runner's own eviction (the oldest goes past `KEPT_DATASETS`), so it knows, per
 * worker, whether a job must carry its inputs.
 */
export class DatasetKeys {
  private readonly keys: number[] = [];

  has(key: number): boolean {
    return this.keys.includes(key);
  }

  add(key: number): void {
    const at = this.keys.indexOf(key);
    if (at >= 0) this.keys.splice(at, 1);
    this.keys.push(key);
    if (this.keys.length > KEPT_DATASETS) this.keys.shift();
  }
}
