import { userInfo } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { cliActor } from "../../app/services/platform/audit.server";

describe("who a command-line action is recorded as", () => {
  const saved = { USER: process.env.USER, USERNAME: process.env.USERNAME };
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it("is the USER of the shell", () => {
    process.env.USER = "nguyen.van.a";
    expect(cliActor()).toBe("cli:nguyen.van.a");
  });

  it("is the account the process runs as when USER is unset or empty (cron, containers), never cli:unknown", () => {
    delete process.env.USERNAME;
    for (const user of [undefined, ""]) {
      if (user === undefined) delete process.env.USER;
      else process.env.USER = user;
      expect(cliActor()).toBe(`cli:${userInfo().username}`);
    }
  });
});
