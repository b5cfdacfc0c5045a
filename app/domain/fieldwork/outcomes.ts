/** What happened to each sampled person's invitation (sipas-method.md §5). */
import type { LocalizedText } from "../definition/schema";
import type { ResponseStatus } from "../sampling";
import { outcomeLabels } from "../messages/areas/fieldwork-columns";

export const OUTCOMES = ["pending", "sent", "returned", "refused", "unreachable", "invalid"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Staff set these by hand; "returned" comes from a submitted questionnaire (online or verified paper). */
export const SETTABLE_OUTCOMES = ["pending", "sent", "refused", "unreachable", "invalid"] as const;
export type SettableOutcome = (typeof SETTABLE_OUTCOMES)[number];

/** Outcomes after which the person may be replaced from the reserve list. */
export const REPLACEABLE_OUTCOMES: readonly Outcome[] = ["refused", "unreachable", "invalid"];

export const OUTCOME_LABELS: Record<Outcome, LocalizedText> = outcomeLabels;

/**
 * The outcome to show and count: a submitted questionnaire makes it "returned" whatever was
 * recorded before (a late answer after a reminder still counts).
 */
export function effectiveOutcome(stored: string, submitted: boolean): Outcome {
  if (submitted) return "returned";
  return (OUTCOMES as readonly string[]).includes(stored) ? (stored as Outcome) : "pending";
}

/** For the non-response adjustment: at the end of fieldwork, everyone who did not return is a non-respondent. */
export function responseStatus(outcome: Outcome): ResponseStatus {
  return outcome === "returned" ? "respondent" : "nonrespondent";
}

export function isSettableOutcome(x: string): x is SettableOutcome {
  return (SETTABLE_OUTCOMES as readonly string[]).includes(x);
}
