// The engine for the content script and the options page: TeaVM's ES-module build, bundled in.
// Imported by name, without `save`: only the background writes a compiled form, so the bundler
// leaves the writer out of every tab.
// Nor the built-in cues' text: a tab restores the background's compiled form, which carries them, and
// asks the background for the text in the rare case it must compile itself.
import { load, match, release, restore, stageDisabled, stageList, useCues } from "teavm-engine";
import { createEngine } from "./engine.js";

export const engine = createEngine({ load, match, release, restore, stageDisabled, stageList, useCues, save: () => "" });
