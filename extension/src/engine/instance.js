// The engine for the content script and the options page: TeaVM's ES-module build, bundled in.
// Imported by name, without `save`: only the background writes a compiled form, so the bundler
// leaves the writer out of every tab.
import { load, match, release, restore, stageDisabled, stageList, useCues } from "teavm-engine";
import cues from "rebuttal-cues";
import { createEngine } from "./engine.js";

export const engine = createEngine({ load, match, release, restore, stageDisabled, stageList, useCues, cues, save: () => "" });
