import { describe, expect, it } from "vitest";
import { describeAuditDetails } from "./describe-details";

describe("describeAuditDetails", () => {
  it("reads the details of a dependency, a rerun and a pool change", () => {
    expect(describeAuditDetails({ dependsOn: "Core", dependsOnId: "c1" })).toEqual(["depends on Core"]);
    expect(describeAuditDetails({ stepId: "collect", rerun: ["collect", "summarize"], keep: [] })).toEqual(["from step collect", "runs again collect, summarize", "keeps none"]);
    expect(describeAuditDetails({ capacity: 3, force: false })).toEqual(["capacity 3", "force false"]);
  });

  it("shortens long lists and texts, skips nested objects, ids and anything that is not an object", () => {
    expect(describeAuditDetails({ rerun: ["a", "b", "c", "d", "e", "f", "g"] })).toEqual(["runs again a, b, c, d, e +2 more"]);
    expect(describeAuditDetails({ name: "x".repeat(100) })[0]).toHaveLength("name ".length + 80);
    expect(describeAuditDetails({ nested: { a: 1 }, projectId: "p1" })).toEqual([]);
    expect(describeAuditDetails(null)).toEqual([]);
    expect(describeAuditDetails(["a"])).toEqual([]);
    expect(describeAuditDetails("text")).toEqual([]);
  });
});
