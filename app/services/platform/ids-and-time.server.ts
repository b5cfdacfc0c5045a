import { createHash, randomBytes, randomUUID } from "node:crypto";

export const nowIso = () => new Date().toISOString();
export const newId = () => randomUUID();
export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
export const secureRandomBytes = (n: number): Uint8Array => randomBytes(n);
