// The rule engine (shared/, compiled by TeaVM) with plain JavaScript shapes. Pure: it is handed
// the TeaVM exports, so the browser bundles (engine/instance.js) and Node (target/node/match.mjs)
// share it. The shapes are the list tool's (`java -jar wedgewatch.jar match`), so results compare 1:1.

/**
 * @typedef {{line: number, column: number, message: string}} Problem
 * @typedef {{list: string, rule: string, family: string, explanation: string, action: string, span: [number, number]}} Match
 * @typedef {{id: string, family: string, explanation: string, action: string, warn: string[], pass: string[]}} Rule
 * @typedef {{id: string, title: string, description: string, homepage: string, maintainer: string,
 *   license: string, version: number, expiresHours: number, rules: Rule[]}} List
 * @typedef {{problems: Problem[], list: List | null}} LoadedList
 * @typedef {{lists: LoadedList[], restored: boolean, match(text: string): Match[], save(): string, release(): void}} Loaded
 *   lists in the order given; restored: read from a saved form, not compiled; match: [] when
 *   nothing fires; save: the compiled matcher as a string for restore; release frees the
 *   compiled automaton (match returns [] afterwards)
 */

/**
 * @param {typeof import("teavm-engine") & {cues?: string}} x the engine's TeaVM exports, and the
 *   text of the built-in rebuttal cues' list file, which it compiles into every matcher. A tab has
 *   no copy: a restored form carries the cues already, and a tab that must compile asks the
 *   background for them first (giveCues).
 * @param {import("teavm-campaign")} [c] the campaign bundle's (background and Node only)
 */
export function createEngine(x, c) {
  /** @type {string | null} */
  let cues = typeof x.cues === "string" ? x.cues : null;
  let cuesHandedOver = false;

  /**
   * Parses the lists once and compiles those that parse into one matcher, in one call across the
   * engine boundary. checkExamples: also run each list's examples (a list as it arrives);
   * compile false: only read the lists (their metadata and rules), with no matcher to match on.
   * @param {string[]} texts
   * @param {{disabled?: string[], checkExamples?: boolean, compile?: boolean}} [options] disabled: "listId/ruleId" keys
   * @returns {Loaded}
   */
  function load(texts, { disabled = [], checkExamples = false, compile = true } = {}) {
    if (!cuesHandedOver) {
      if (cues === null) throw new Error("the engine compiles only once it has the built-in rebuttal cues (giveCues)");
      x.useCues(cues);
      cuesHandedOver = true;
    }
    for (const t of texts) x.stageList(String(t));
    for (const key of disabled) x.stageDisabled(String(key));
    const loaded = JSON.parse(x.load(!!checkExamples, !!compile));
    return wrap(loaded.handle, loaded.lists, false);
  }

  /**
   * The matcher a saved form holds, with the lists load returned when it was compiled; null when
   * the form is damaged or of another engine's layout. Neither parses nor compiles.
   * @param {string} form from Loaded.save()
   * @param {LoadedList[]} lists
   * @returns {Loaded | null}
   */
  function restore(form, lists) {
    const handle = x.restore(String(form));
    return handle ? wrap(handle, lists, true) : null;
  }

  /**
   * @param {number} handle
   * @param {LoadedList[]} lists
   * @param {boolean} restored
   * @returns {Loaded}
   */
  function wrap(handle, lists, restored) {
    /** What match's rule numbers point at: the rules of the lists that parsed, in order. */
    const rules = [];
    for (const { list } of lists) {
      if (!list) continue;
      for (const r of list.rules) rules.push({ list: list.id, rule: r.id, family: r.family, explanation: r.explanation, action: r.action });
    }
    return {
      lists,
      restored,
      match(text) {
        const found = x.match(handle, String(text)); // "rule start end ..." or ""
        if (found === "") return [];
        const n = found.split(" ");
        const out = [];
        for (let i = 0; i < n.length; i += 3) out.push({ ...rules[+n[i]], span: /** @type {[number, number]} */ ([+n[i + 1], +n[i + 2]]) });
        return out;
      },
      save: () => x.save(handle),
      release() {
        x.release(handle);
        handle = 0;
      },
    };
  }

  /**
   * One list, checked as the list tool's check does: {problems, list} (list null when it does not
   * parse; problems include failing examples).
   * @param {string} text
   */
  function check(text) {
    const loaded = load([text], { checkExamples: true, compile: false });
    return loaded.lists[0];
  }

  return Object.freeze({
    load,
    restore,
    check,
    /** Whether load can compile: the built-in cues' text is here. */
    hasCues: () => cues !== null,
    /** Hands over the built-in cues' text (a tab gets it from the background). */
    giveCues(/** @type {string} */ text) {
      cues = String(text);
    },
    /**
     * "The same wording from many accounts": one index per engine, held by the background.
     * Times are millis (Date.now()); accountHash is already salted and hashed.
     */
    campaign: c && Object.freeze({
      /** Loads a stored index (a string from save()); false when it was null or corrupt (then empty). */
      init: (/** @type {string | null | undefined} */ stored) => c.campaignInit(stored == null ? null : String(stored)),
      configure: (/** @type {number} */ capacity, /** @type {number} */ windowMillis) => c.campaignConfigure(capacity | 0, Number(windowMillis)),
      /** Distinct accounts with this wording after this sighting, or -1 when the text has too little content. */
      observe: (/** @type {string} */ text, /** @type {string} */ accountHash, /** @type {number} */ nowMillis, /** @type {string} */ postKey) =>
        c.campaignObserve(String(text), String(accountHash), Number(nowMillis), String(postKey)),
      /** The wording the last observe counted (-1 for none): posts with one wording share its count. */
      lastCluster: () => c.campaignLastCluster(),
      /** @returns {{accounts: number, times: number[]}} oldest first. */
      details: (/** @type {string} */ text, /** @type {number} */ nowMillis) => JSON.parse(c.campaignDetails(String(text), Number(nowMillis))),
      /** The index as a string for storage, or null when nothing changed since the last save or init. */
      save: () => c.campaignSave(),
      clear: () => c.campaignClear(),
      /** 96 hex digits, or null: what the JVM prints for the same text. */
      fingerprint: (/** @type {string} */ text) => c.campaignFingerprint(String(text)),
    }),
  });
}

/** @typedef {ReturnType<typeof createEngine>} Engine */
