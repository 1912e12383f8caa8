// The calls this announcer has spoken, kept in the browser's storage so a reload never says a
// call twice, and the seq to resume from, so a reload mid-queue still says what it had not.

/** Spoken callIds remembered (and persisted) to refuse a second delivery. */
const MAX_SPOKEN = 500;
/** How far back a reloaded page may resume from the seq it stored. */
const MAX_RESUME_EVENTS = 1000;

/**
 * The hall's spoken calls on this machine.
 * @param {string} hall
 * @param {() => number} resumeSeq the seq a reload should resume after, asked at each save
 * @example const spoken = spokenCalls(config.hall, () => feed.seq); if (!spoken.has(call)) …
 */
export function spokenCalls(hall, resumeSeq) {
  const key = `tongban.announcer.${hall}`;
  const stored = read(key);
  /** callId → the call's `at`: a second delivery has the same pair; a recall has a new callId. */
  const spoken = new Map(stored.spoken);
  let saveTimer = null;

  function saveSoon() {
    if (saveTimer !== null) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      try {
        localStorage.setItem(key, JSON.stringify({ seq: resumeSeq(), spoken: [...spoken] }));
      } catch {
        // storage full or disabled: the in-memory set still guards this page's life
      }
    }, 300);
  }

  return {
    /** Where to resume: the stored seq if it is behind the page's by not too much, else the page's. */
    since(pageSeq) {
      const seq = stored.seq;
      return typeof seq === "number" && seq <= pageSeq && pageSeq - seq <= MAX_RESUME_EVENTS ? seq : pageSeq;
    },
    has: (call) => spoken.get(call.callId) === call.atText,
    remember(call) {
      spoken.delete(call.callId);
      spoken.set(call.callId, call.atText);
      while (spoken.size > MAX_SPOKEN) spoken.delete(spoken.keys().next().value);
      saveSoon();
    },
    saveSoon,
  };
}

function read(key) {
  try {
    const s = JSON.parse(localStorage.getItem(key) || "null");
    if (s && Array.isArray(s.spoken)) return s;
  } catch {
    // unreadable: start afresh
  }
  return { seq: null, spoken: [] };
}
