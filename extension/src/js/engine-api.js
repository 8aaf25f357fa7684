// WedgewatchEngine: the rule engine (shared/, compiled by TeaVM) with plain JavaScript shapes.
// Loaded after engine/engine.js in the content script, the extension pages and the background;
// in Node, match.mjs calls createWedgewatchEngine with the ES-module build's exports.
// The shapes are the list tool's (`java -jar wedgewatch.jar match`), so results compare 1:1.
(function (root) {
  "use strict";

  function createWedgewatchEngine(x) {
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
        return {
          problems,
          /** [{list, rule, family, explanation, action, span:[start,end]}], [] when nothing fires. */
          match(text) {
            const json = x.match(handle, String(text));
            return json === "" ? [] : JSON.parse(json);
          },
          /** Frees the compiled automaton; match() returns [] afterwards. */
          release() {
            x.release(handle);
            handle = 0;
          },
        };
      },
    });
  }

  root.createWedgewatchEngine = createWedgewatchEngine;
  if (root.__wedgewatchTeaVM) {
    root.WedgewatchEngine = createWedgewatchEngine(root.__wedgewatchTeaVM);
    delete root.__wedgewatchTeaVM;
  }
})(globalThis);
