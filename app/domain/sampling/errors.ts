/** A design or input the sampling module refuses, with a message staff can read as is. */
export class SamplingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SamplingError";
  }
}

export function isWholeNumber(x: unknown, min = 0): x is number {
  return typeof x === "number" && Number.isSafeInteger(x) && x >= min;
}

/** Code-unit order: the same on every platform, unlike localeCompare or a database collation. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
