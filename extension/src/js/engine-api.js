// WedgewatchEngine: the rule engine (shared/, compiled by TeaVM) with plain JavaScript shapes.
// Loaded after engine/engine.js in the content script, the extension pages and the background (which
// also loads engine/campaign.js, the campaign detector's own bundle);
// in Node, match.mjs calls createWedgewatchEngine with the ES-module build's exports.
// The shapes are the list tool's (`java -jar wedgewatch.jar match`), so results compare 1:1.
(function (root) {
  "use strict";

  /** x: the engine's TeaVM exports; c: the campaign bundle's (background and Node only), or undefined. */
  function createWedgewatchEngine(x, c) {
    return Object.freeze({
      /** {ok, problems:[{line,column,message}], list|null} */
      parse(text) {
        return JSON.parse(x.parse(String(text)));
      },
      /** Parse problems and failing examples, by line: what `wedgewatch.jar check` prints. */
      check(text) {
        return JSON.parse(x.check(String(text)));
      },
      /**
       * One matcher over several lists. A list that does not parse is left out, and its
       * problems are in matcher.problems[i] (empty arrays for lists that loaded).
       */
      compile(listTexts, disabled) {
        const problems = listTexts.map((t) => JSON.parse(x.stageList(String(t))));
        for (const key of disabled || []) x.stageDisabled(String(key));
        let handle = x.compileStaged();
        const rules = JSON.parse(x.rules(handle)); // what match's rule numbers point at
        return {
          problems,
          /** [{list, rule, family, explanation, action, span:[start,end]}], [] when nothing fires. */
          match(text) {
            const found = x.match(handle, String(text)); // "rule start end ..." or ""
            if (found === "") return [];
            const n = found.split(" ");
            const out = [];
            for (let i = 0; i < n.length; i += 3) out.push({ ...rules[+n[i]], span: [+n[i + 1], +n[i + 2]] });
            return out;
          },
          /** Frees the compiled automaton; match() returns [] afterwards. */
          release() {
            x.release(handle);
            handle = 0;
          },
        };
      },
      /**
       * "The same wording from many accounts" (issue 5): one index per engine, held by the
       * background. Times are millis (Date.now()); accountHash is already salted and hashed.
       */
      campaign: c && Object.freeze({
        /** Loads a stored index (a string from save()); false when it was null or corrupt (then empty). */
        init: (stored) => c.campaignInit(stored == null ? null : String(stored)),
        configure: (capacity, windowMillis) => c.campaignConfigure(capacity | 0, Number(windowMillis)),
        /** Distinct accounts with this wording after this sighting, or -1 when the text has too little content. */
        observe: (text, accountHash, nowMillis, postKey) =>
          c.campaignObserve(String(text), String(accountHash), Number(nowMillis), String(postKey)),
        /** The wording the last observe counted (-1 for none): posts with one wording share its count. */
        lastCluster: () => c.campaignLastCluster(),
        /** {accounts, times: [millis, ...]} oldest first. */
        details: (text, nowMillis) => JSON.parse(c.campaignDetails(String(text), Number(nowMillis))),
        /** The index as a string for storage, or null when nothing changed since the last save or init. */
        save: () => c.campaignSave(),
        clear: () => c.campaignClear(),
        /** 96 hex digits, or null: what the JVM prints for the same text. */
        fingerprint: (text) => c.campaignFingerprint(String(text)),
      }),
    });
  }

  root.createWedgewatchEngine = createWedgewatchEngine;
  if (root.__wedgewatchTeaVM) {
    root.WedgewatchEngine = createWedgewatchEngine(root.__wedgewatchTeaVM, root.__wedgewatchCampaignTeaVM);
    delete root.__wedgewatchTeaVM;
    delete root.__wedgewatchCampaignTeaVM;
  }
})(globalThis);
