import { describe, expect, it } from "vitest";
import { adviseStaffing, erlangB, erlangC, laibinWindows, probabilityWaitOver, waitFigures, windowsNeeded } from "./advisor.js";

/**
 * The textbook Erlang C formula with powers and factorials, written out independently of the
 * recursion in advisor.ts:
 *   C(c, a) = (aᶜ/c! · c/(c−a)) / (Σ_{k<c} aᵏ/k! + aᶜ/c! · c/(c−a))
 */
function erlangCByFactorials(c: number, a: number): number {
  let factorial = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) factorial *= k;
    sum += a ** k / factorial;
  }
  factorial *= c;
  const top = (a ** c / factorial) * (c / (c - a));
  return top / (sum + top);
}

describe("Erlang C", () => {
  it("matches the published call-centre example: 100 calls per 30 min, 180 s each, 11 agents", () => {
    // A = 100 · 180 / 1800 = 10 Erlangs. Published (callcentrehelper.com, "Erlang C formula made
    // simple"): P(wait) = 68.21%, average speed of answer 122.8 s, 39% answered within 20 s.
    // By hand: C = 0.682118…; ASA = C · AHT / (N − A) = 0.6821 · 180 / 1 = 122.78 s;
    // SL = 1 − C · e^{−(N − A) · 20/180} = 1 − 0.6821 · 0.8948 = 0.3896.
    expect(erlangC(11, 10)).toBeCloseTo(0.682118, 6);
    expect(erlangCByFactorials(11, 10)).toBeCloseTo(0.682118, 6);
    const demand = { arrivalsPerHour: 200, serviceMinutes: 3 };
    expect(waitFigures(demand, 11).meanWaitMinutes * 60).toBeCloseTo(122.78, 2);
    expect(1 - probabilityWaitOver(demand, 11, 20 / 60)).toBeCloseTo(0.3896, 4);
  });

  it("gives C(8, 6) = 0.3570 for λ = 2/min at 3 min each on 8 windows", () => {
    // Σ_{k<8} 6ᵏ/k! = 1 + 6 + 18 + 36 + 54 + 64.8 + 64.8 + 55.543 = 300.143;
    // 6⁸/8! · 8/2 = 41.657 · 4 = 166.629; C = 166.629 / 466.772 = 0.35698.
    // (A figure of 0.2885 sometimes quoted for this case does not survive the arithmetic.)
    expect(erlangC(8, 6)).toBeCloseTo(0.35698, 5);
    expect(erlangCByFactorials(8, 6)).toBeCloseTo(0.35698, 5);
  });

  it("reduces to the closed forms for one and two windows", () => {
    // M/M/1: C = ρ. M/M/2: C = a² / (2 + a).
    for (const rho of [0.1, 0.5, 0.9]) expect(erlangC(1, rho)).toBeCloseTo(rho, 12);
    for (const a of [0.5, 1, 1.5, 1.9]) expect(erlangC(2, a)).toBeCloseTo((a * a) / (2 + a), 12);
  });

  it("agrees with the factorial formula wherever that one is still exact", () => {
    for (const c of [1, 3, 5, 10, 20, 40]) {
      for (const u of [0.3, 0.7, 0.95]) expect(erlangC(c, c * u)).toBeCloseTo(erlangCByFactorials(c, c * u), 10);
    }
  });

  it("stays finite for hundreds of windows, where factorials overflow", () => {
    expect(erlangCByFactorials(200, 180)).toBeNaN();
    const c = erlangC(200, 180);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    expect(erlangC(200, 200)).toBe(1);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12);
  });
});

describe("windows needed", () => {
  it("opens the fewest windows that meet both the mean target and the alarm line", () => {
    // 60 per hour at 5 min: a = 5. Six windows: C = 0.5875, cμ − λ = 0.2/min, mean 2.94 min,
    // P(wait > 10) = 0.5875 · e^{−2} = 0.0795 ≤ 0.1, p90 = ln(5.875) / 0.2 = 8.85 min.
    const six = windowsNeeded({ arrivalsPerHour: 60, serviceMinutes: 5 });
    expect(six.windows).toBe(6);
    expect(six.meanWaitMinutes).toBeCloseTo(2.938, 3);
    expect(six.p90WaitMinutes).toBeCloseTo(8.854, 3);
    expect(six.utilisation).toBeCloseTo(0.833, 3);
    expect(probabilityWaitOver({ arrivalsPerHour: 60, serviceMinutes: 5 }, 6, 10)).toBeCloseTo(0.0795, 4);
  });

  it("adds a window when only the alarm line is broken", () => {
    // 15 per hour at 8 min: a = 2. Three windows: mean 0.444 / 0.125 = 3.56 min meets 8.2, but
    // P(wait > 10) = 0.444 · e^{−1.25} = 0.127 > 0.1; four windows: 0.174 · e^{−2.5} = 0.014.
    const three = waitFigures({ arrivalsPerHour: 15, serviceMinutes: 8 }, 3);
    expect(three.meanWaitMinutes).toBeCloseTo(3.556, 3);
    expect(probabilityWaitOver({ arrivalsPerHour: 15, serviceMinutes: 8 }, 3, 10)).toBeCloseTo(0.1273, 4);
    expect(windowsNeeded({ arrivalsPerHour: 15, serviceMinutes: 8 }).windows).toBe(4);
    expect(windowsNeeded({ arrivalsPerHour: 15, serviceMinutes: 8 }, { alarmMinutes: 15 }).windows).toBe(3);
  });

  it("needs no window for no arrivals and reports an overloaded hall as waiting forever", () => {
    expect(windowsNeeded({ arrivalsPerHour: 0, serviceMinutes: 5 }).windows).toBe(0);
    const over = waitFigures({ arrivalsPerHour: 60, serviceMinutes: 5 }, 5);
    expect(over.probabilityOfWaiting).toBe(1);
    expect(over.meanWaitMinutes).toBe(Infinity);
    expect(() => windowsNeeded({ arrivalsPerHour: 10, serviceMinutes: 5 }, { targetWaitMinutes: 0 })).toThrow(RangeError);
  });
});

describe("Laibin's rota rule", () => {
  it("opens half the windows under 100 a day, 70% up to 300 and all above, rounding up", () => {
    expect(laibinWindows(99, 4)).toEqual({ share: 0.5, windows: 2 });
    expect(laibinWindows(99, 5)).toEqual({ share: 0.5, windows: 3 });
    expect(laibinWindows(100, 4)).toEqual({ share: 0.7, windows: 3 });
    expect(laibinWindows(300, 10)).toEqual({ share: 0.7, windows: 7 });
    expect(laibinWindows(301, 10)).toEqual({ share: 1, windows: 10 });
  });
});

describe("staffing advice", () => {
  it("sets Erlang C per category and for comprehensive windows beside Laibin's figure", () => {
    const advice = adviseStaffing({
      demand: [
        { category: "traffic", arrivalsPerHour: 45, serviceMinutes: 4 },
        { category: "household", arrivalsPerHour: 15, serviceMinutes: 8 },
      ],
      dailyVolume: 525,
      windowsInHall: 4,
    });
    expect(advice.categories.map((c) => [c.category, c.windows])).toEqual([
      ["traffic", 4],
      ["household", 4],
    ]);
    expect(advice.separateWindows).toBe(8);
    // One line for all: 60 per hour at (45·4 + 15·8)/60 = 5 min, the six-window case above.
    expect(advice.comprehensive.windows).toBe(6);
    expect(advice.comprehensive.meanWaitMinutes).toBeCloseTo(2.938, 3);
    expect(advice.laibin).toEqual({ dailyVolume: 525, windowsInHall: 4, share: 1, windows: 4 });
  });
});
