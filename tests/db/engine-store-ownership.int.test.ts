/**
 * lib/db/engine-store.ts on SQLite and PostgreSQL, ownership: engine
 * instances and heartbeats, claims as compare-and-sets (also from separate
 * connections), takeovers against the old owner's fenced commits, reopening
 * runs, and control requests.
 */
import { describe, expect, it } from "vitest";
import { PrismaEngineStore } from "@/lib/db/engine-store";
import { createPrisma } from "@/lib/db/prisma";
import { DEF, runRecord, T0 } from "./engine-records";
import { PROVIDERS, seedWorkflow, uniq, useTestDb } from "./helpers";

describe.each(PROVIDERS)("PrismaEngineStore ownership (%s)", (provider) => {
  const t = useTestDb(provider);
  const store = () => new PrismaEngineStore(t.prisma);

  it("engine instances: upsert, heartbeat, remove", async () => {
    const s = store();
    const id = uniq("inst");
    expect(await s.heartbeat(id, T0)).toBe(false);
    await s.upsertInstance({ id, host: "h", pid: 1, startedAt: T0, heartbeatAt: T0 });
    await s.upsertInstance({ id, host: "h2", pid: 2, startedAt: T0 + 1, heartbeatAt: T0 + 1 });
    expect(await s.heartbeat(id, T0 + 500)).toBe(true);
    expect(await s.getInstance(id)).toEqual({ id, host: "h2", pid: 2, startedAt: T0 + 1, heartbeatAt: T0 + 500 });
    await s.removeInstance(id);
    expect(await s.getInstance(id)).toBeNull();
    expect(await s.heartbeat(id, T0 + 600)).toBe(false);
  });

  it("claimRun is a compare-and-set on ownership and liveness; listClaimableRuns agrees", async () => {
    const s = store();
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const [me, live, dead] = [uniq("me"), uniq("live"), uniq("dead")];
    const now = T0 + 100_000;
    await s.upsertInstance({ id: me, host: "h", pid: 1, startedAt: T0, heartbeatAt: now });
    await s.upsertInstance({ id: live, host: "h", pid: 2, startedAt: T0, heartbeatAt: now });
    await s.upsertInstance({ id: dead, host: "h", pid: 3, startedAt: T0, heartbeatAt: now - 60_000 });
    const owners: Record<string, string | null> = { unowned: null, mine: me, byLive: live, byDead: dead, byGhost: "no-row" };
    const ids: Record<string, string> = {};
    for (const [label, owner] of Object.entries(owners)) {
      ids[label] = uniq(label);
      await s.commit({ mutations: [{ type: "run.insert", run: runRecord(ids[label]!, version.id, { ownerInstanceId: owner, status: "queued" }) }] });
    }
    ids.finished = uniq("finished");
    await s.commit({ mutations: [{ type: "run.insert", run: runRecord(ids.finished, version.id, { ownerInstanceId: null, status: "succeeded" }) }] });

    const expiredBefore = now - 10_000;
    const claimable = (await s.listClaimableRuns({ instanceId: me, expiredBefore })).map((r) => r.id).filter((id) => Object.values(ids).includes(id));
    expect(claimable.sort()).toEqual([ids.unowned, ids.mine, ids.byDead, ids.byGhost].sort());

    const claim = (label: string) => s.claimRun({ runId: ids[label]!, instanceId: me, expiredBefore });
    expect(await claim("unowned")).toBe(true);
    expect(await claim("mine")).toBe(true);
    expect(await claim("byLive")).toBe(false);
    expect(await claim("byDead")).toBe(true);
    expect(await claim("byGhost")).toBe(true);
    expect(await claim("finished")).toBe(false);
    expect(await s.claimRun({ runId: "missing", instanceId: me, expiredBefore })).toBe(false);
    expect((await s.getRun(ids.byLive!))!.ownerInstanceId).toBe(live);
    expect((await s.getRun(ids.byDead!))!.ownerInstanceId).toBe(me);
    // The live owner's heartbeat lapses: now it can be taken over.
    expect(await s.claimRun({ runId: ids.byLive!, instanceId: me, expiredBefore: now + 1 })).toBe(true);
    expect(await s.listClaimableRuns({ instanceId: me, expiredBefore, limit: 2 })).toHaveLength(2);
  });

  it("concurrent claims from separate connections: exactly one wins", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const clients = Array.from({ length: 4 }, () => createPrisma({ url: t.db.url }));
    try {
      const stores = clients.map((c) => new PrismaEngineStore(c));
      const now = Date.now();
      const instances = stores.map(() => uniq("racer"));
      for (const [i, id] of instances.entries()) await stores[i]!.upsertInstance({ id, host: "h", pid: i, startedAt: now, heartbeatAt: now });
      for (let round = 0; round < 5; round++) {
        const runId = uniq("race");
        await stores[0]!.commit({ mutations: [{ type: "run.insert", run: runRecord(runId, version.id, { ownerInstanceId: null, status: "queued" }) }] });
        const results = await Promise.all(stores.map((s, i) => s.claimRun({ runId, instanceId: instances[i]!, expiredBefore: now - 30_000 })));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await stores[0]!.getRun(runId))!.ownerInstanceId).toBe(instances[results.indexOf(true)]);
      }
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("a takeover and the old owner's fenced commits never both apply", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const [ca, cb] = [createPrisma({ url: t.db.url }), createPrisma({ url: t.db.url })];
    try {
      const [a, b] = [new PrismaEngineStore(ca), new PrismaEngineStore(cb)];
      const runId = uniq("run");
      const [ia, ib] = [uniq("a"), uniq("b")];
      await a.upsertInstance({ id: ia, host: "h", pid: 1, startedAt: T0, heartbeatAt: T0 }); // long expired
      await a.commit({ mutations: [{ type: "run.insert", run: runRecord(runId, version.id, { ownerInstanceId: ia }) }] });
      let seq = 0;
      let okCommits = 0;
      let fenced = false;
      const writer = (async () => {
        const deadline = Date.now() + 15_000;
        while (!fenced && Date.now() < deadline) {
          await new Promise((r) => setImmediate(r)); // let the other instance in
          const res = await a.commit({
            fence: { instanceId: ia, runIds: [runId] },
            mutations: [{ type: "events.append", events: [{ runId, seq: seq + 1, ts: T0, type: "tick", payload: {} }] }],
          });
          if (res.ok) {
            seq += 1;
            okCommits += 1;
          } else fenced = true;
        }
      })();
      await new Promise((r) => setTimeout(r, 20));
      expect(await b.claimRun({ runId, instanceId: ib, expiredBefore: Date.now() })).toBe(true);
      await writer;
      expect(fenced).toBe(true);
      expect(await b.lastEventSeq(runId)).toBe(okCommits);
      // The new owner continues the sequence; the old one stays fenced.
      const next = { type: "events.append" as const, events: [{ runId, seq: okCommits + 1, ts: T0, type: "b", payload: {} }] };
      expect(await b.commit({ fence: { instanceId: ib, runIds: [runId] }, mutations: [next] })).toEqual({ ok: true });
      expect((await a.commit({ fence: { instanceId: ia, runIds: [runId] }, mutations: [] })).ok).toBe(false);
    } finally {
      await Promise.all([ca.$disconnect(), cb.$disconnect()]);
    }
  });

  it("reopenRun only reopens failed or cancelled runs", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const s = store();
    const failed = uniq("failed");
    const done = uniq("done");
    await s.commit({ mutations: [
      { type: "run.insert", run: runRecord(failed, version.id, { status: "failed", finishedAt: T0 + 9, ownerInstanceId: null }) },
      { type: "run.insert", run: runRecord(done, version.id, { status: "succeeded", finishedAt: T0 + 9 }) },
    ] });
    expect(await s.reopenRun({ runId: failed, instanceId: "me" })).toBe(true);
    expect(await s.reopenRun({ runId: failed, instanceId: "other" })).toBe(false);
    expect(await s.reopenRun({ runId: done, instanceId: "me" })).toBe(false);
    expect(await s.getRun(failed)).toMatchObject({ status: "running", ownerInstanceId: "me", finishedAt: null });
  });

  it("control requests reach only the owner, once, and a newer request is never lost", async () => {
    const { version } = await seedWorkflow(t.prisma, { definition: DEF });
    const s = store();
    const live = uniq("live");
    const finished = uniq("finished");
    await s.commit({ mutations: [
      { type: "run.insert", run: runRecord(live, version.id, { ownerInstanceId: "owner" }) },
      { type: "run.insert", run: runRecord(finished, version.id, { status: "succeeded", finishedAt: T0 + 9, ownerInstanceId: "owner" }) },
    ] });
    expect(await s.requestControl({ runId: finished, request: { action: "cancel", by: "u", at: T0 } })).toBe(false);
    expect(await s.requestControl({ runId: live, request: { action: "pause", by: "u", at: T0 } })).toBe(true);
    expect(await s.requestControl({ runId: live, request: { action: "cancel", by: "u", at: T0 + 1 } })).toBe(true);
    expect(await s.takeControlRequests("someone-else")).toEqual([]);
    // Restricted to some runs (what the owner has live / is adopting).
    expect(await s.takeControlRequests("owner", [])).toEqual([]);
    expect(await s.takeControlRequests("owner", [finished])).toEqual([]);
    expect(await s.takeControlRequests("owner", [live])).toEqual([{ runId: live, request: { action: "cancel", by: "u", at: T0 + 1 } }]);
    expect(await s.takeControlRequests("owner")).toEqual([]);
    expect(await s.requestControl({ runId: live, request: { action: "resume", by: "u", at: T0 + 2 } })).toBe(true);
    expect(await s.takeControlRequests("owner")).toEqual([{ runId: live, request: { action: "resume", by: "u", at: T0 + 2 } }]);
    expect(await s.takeControlRequests("owner")).toEqual([]);
    expect((await s.getRun(live))?.controlRequest).toBeNull();
  });
});
