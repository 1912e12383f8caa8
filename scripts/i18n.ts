/**
 * Writes worker/i18n/hant.ts: the consoles' Traditional Chinese, generated from the Simplified
 * catalogues with OpenCC (cn → hk). Run after changing a catalogue: `npm run i18n`.
 * worker/i18n/hant.test.ts fails while the file is not current.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import OpenCC from "opencc-js/cn2t";
import { hantTable, renderHant } from "../worker/i18n/hant-source.js";

const target = join(dirname(fileURLToPath(import.meta.url)), "../worker/i18n/hant.ts");
const table = hantTable(OpenCC.Converter({ from: "cn", to: "hk" }));
writeFileSync(target, renderHant(table));
console.log(`worker/i18n/hant.ts: ${Object.keys(table).length} lines in Traditional`);
