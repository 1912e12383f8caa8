/**
 * The main hall screen (综合屏): the call being made now, recent calls, waiting per category.
 */
import { snapshotOf } from "../core/snapshot.js";
import type { HallState } from "../core/types.js";
import { oob, Page, type LiveConfig } from "./layout.js";
import type { LiveView } from "./views.js";

function NowCalling({ state, live }: { state: HallState; live: boolean }) {
  const call = state.recentCalls[0];
  return (
    <section id="now-calling" class="now-calling" data-call-id={call?.callId ?? ""} {...oob(live)}>
      {call ? (
        <>
          <span class="ticket">{call.ticket.number}</span>
          <span class="arrow">→</span>
          <span class="window">{call.window.number} 号窗口</span>
        </>
      ) : (
        <span class="idle">请取号等候</span>
      )}
    </section>
  );
}

function Categories({ state, now, live }: { state: HallState; now: number; live: boolean }) {
  const snapshot = snapshotOf(state, now);
  return (
    <section id="categories" class="categories" {...oob(live)}>
      {snapshot.categories.map((c) => (
        <div class="category" data-category={c.id}>
          <span class="name">{c.names["zh-Hans"]}</span>
          <span class="waiting">{c.waiting}</span>
        </div>
      ))}
    </section>
  );
}

export const mainScreen: LiveView = {
  page(state, now, _params, live: LiveConfig) {
    return Page({
      title: `${state.settings.name} · 综合屏`,
      live,
      styles: ["/static/display/main-screen.css"],
      children: (
        <main class="main-screen">
          <NowCalling state={state} live={false} />
          <Categories state={state} now={now} live={false} />
        </main>
      ),
    }).toString();
  },
  fragments(state, now) {
    return (
      <>
        <NowCalling state={state} live={true} />
        <Categories state={state} now={now} live={true} />
      </>
    ).toString();
  },
};
