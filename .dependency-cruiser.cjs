/**
 * The house's layering, checked in `npm test` (npm run lint:deps). Kinds of file are told by
 * their place and name (docs/architecture.md):
 * - the core: worker/core/ — the hall's pure rules;
 * - objects: worker/hall-object/, and `*.object.ts` / `*stub(s).ts` in a room — Durable Object code;
 * - routes: `routes.ts`, `*.routes.ts(x)` — HTTP handlers — and `schemas.ts` — their request and
 *   reply schemas;
 * - pages: worker/pages/ and `*.tsx` that are not routes — HTML;
 * - the edge kit (worker/edge/) and access (worker/access/), below every room;
 * - everything else in a room is a pure rule file.
 */
const OBJECT = "^worker/hall-object/|\\.object\\.ts$|(^|/)[a-z-]*stubs?\\.ts$";
const ROUTE = "(^|/|\\.)(routes\\.tsx?|schemas\\.ts)$";
const PAGE = "\\.tsx$|^worker/pages/";
const TEST = "\\.test\\.tsx?$|\\.test-util\\.ts$";
const BELOW = "^worker/(edge|access)/";
const TOP = "^worker/(index|routes)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A circle makes every file in it load, change and test together: one way down, always (type-only imports count).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-only-core",
      comment: "The core is the hall's rules over plain data: it must run in the simulator, the planner and the tests without anything else.",
      severity: "error",
      from: { path: "^worker/core/", pathNot: TEST },
      to: { pathNot: "^worker/core/" },
    },
    {
      name: "rules-import-no-shell",
      comment: "A pure rule file is plain TypeScript over plain data: it may not reach an object, a route or a page, or it stops being testable alone.",
      severity: "error",
      from: { path: "^worker/", pathNot: [OBJECT, ROUTE, PAGE, TEST, BELOW, TOP, "^worker/core/"] },
      to: { path: [OBJECT, ROUTE, PAGE, BELOW] },
    },
    {
      name: "pages-import-no-routes",
      comment: "Pages render; routes decide who may see them. A page that imports a route drags the HTTP layer into every view the hall object renders.",
      severity: "error",
      from: { path: PAGE, pathNot: [ROUTE, TEST] },
      to: { path: ROUTE },
    },
    {
      name: "objects-import-no-routes",
      comment: "Routes call objects, never the reverse: the object answers whoever calls it.",
      severity: "error",
      from: { path: OBJECT, pathNot: TEST },
      to: { path: ROUTE },
    },
    {
      name: "edge-and-access-import-no-room",
      comment: "The edge kit and access sit below every room; a room's routes or pages imported there would make every room depend on that one.",
      severity: "error",
      from: { path: BELOW },
      to: { path: [ROUTE, PAGE], pathNot: BELOW },
    },
    {
      name: "nothing-imports-the-top",
      comment: "worker/index.ts and worker/routes.ts mount the rooms; a room importing them would be a circle by another name.",
      severity: "error",
      from: { pathNot: [TOP, TEST, "^tests/", "^scripts/"] },
      to: { path: TOP },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    moduleSystems: ["es6"],
  },
};
