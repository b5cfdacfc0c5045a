import { render, type Message } from "../messages";

/**
 * A design or input the sampling module refuses, with a catalogue message staff can read in their language.
 * `message` is the English text (the module's tests and logs); `what` is the message to render.
 */
export class SamplingError extends Error {
  constructor(readonly what: Message) {
    super(render(what, "en"));
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
