import type { Command } from "./main";

/** Usage lines of the commands below, shown by `sipas help`. */
export const fieldworkUsage: string[] = [];

export const fieldworkCommands: Record<string, Command> = {};
