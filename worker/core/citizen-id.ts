/**
 * The 18-digit PRC resident ID number (GB 11643-1999): six digits of region, eight of birth
 * date, three of sequence and a check character, the ISO 7064 MOD 11-2 checksum of the rest.
 *
 * @example
 * checkCitizenId("11010519491231002x"); // { ok: true, id: "11010519491231002X" }
 * checkCitizenId("110105194912310021"); // { ok: false, problem: "the check digit does not match …" }
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export type CitizenIdCheck = { ok: true; id: string } | { ok: false; problem: string };

export function checkCitizenId(raw: string): CitizenIdCheck {
  const id = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: "身份证号应为 18 位 · an ID number is 17 digits and a check digit or X (18 characters)" };
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const born = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day || born.getTime() > Date.now()) {
    return { ok: false, problem: "身份证号中的出生日期无效 · the birth date in this ID number is not a real date" };
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK[sum % 11] !== id[17]) {
    return { ok: false, problem: "身份证号校验位不符，请核对 · the check digit does not match (GB 11643); please check the number" };
  }
  return { ok: true, id };
}
