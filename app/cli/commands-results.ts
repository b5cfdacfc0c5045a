import type { Command } from "./main";

/** Usage lines of the commands below, shown by `sipas help`. */
export const resultsUsage: string[] = [];

export const resultsCommands: Record<string, Command> = {};
