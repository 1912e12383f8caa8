import { describe, expect, it } from "vitest";
import { ancestors, checkRegion, isWithin, type RegionTree } from "./tree.js";

const name = { "zh-Hans": "区域" };
const tree: RegionTree = {
  gx: { name, parent: null },
  "gx-wuzhou": { name, parent: "gx" },
  "gx-wuzhou-wanxiu": { name, parent: "gx-wuzhou" },
  "gx-liuzhou": { name, parent: "gx" },
};

describe("the region tree", () => {
  it("accepts a top region and a child of a known region", () => {
    expect(checkRegion(tree, "sh", { name, parent: null })).toBeNull();
    expect(checkRegion(tree, "gx-wuzhou-cangwu", { name, parent: "gx-wuzhou" })).toBeNull();
  });

  it("refuses an unknown parent, naming the field", () => {
    const r = checkRegion(tree, "gx-beihai", { name, parent: "gx-nowhere" });
    expect(r?.details).toEqual({ parent: 'unknown region "gx-nowhere"' });
  });

  it("refuses a province moved under its own county", () => {
    const r = checkRegion(tree, "gx", { name, parent: "gx-wuzhou-wanxiu" });
    expect(r?.message).toContain("gx → gx-wuzhou-wanxiu → gx-wuzhou → gx");
  });

  it("refuses a region as its own parent", () => {
    expect(checkRegion(tree, "gx-wuzhou", { name, parent: "gx-wuzhou" })?.details).toHaveProperty("parent");
  });

  it("moves a county to another city without a cycle", () => {
    expect(checkRegion(tree, "gx-wuzhou-wanxiu", { name, parent: "gx-liuzhou" })).toBeNull();
  });

  it("a city scope covers its counties, not its province or a sister city", () => {
    expect(ancestors(tree, "gx-wuzhou-wanxiu")).toEqual(["gx-wuzhou-wanxiu", "gx-wuzhou", "gx"]);
    expect(isWithin(tree, "gx-wuzhou-wanxiu", ["gx-wuzhou"])).toBe(true);
    expect(isWithin(tree, "gx", ["gx-wuzhou"])).toBe(false);
    expect(isWithin(tree, "gx-liuzhou", ["gx-wuzhou"])).toBe(false);
    expect(isWithin(tree, null, ["gx"])).toBe(false);
  });
});
