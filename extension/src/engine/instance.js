// The engine for the content script and the options page: TeaVM's ES-module build, bundled in.
import * as teavm from "teavm-engine";
import { createEngine } from "./engine.js";

export const engine = createEngine(teavm);
