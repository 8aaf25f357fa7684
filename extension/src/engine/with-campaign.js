// The engine for the background: the rules and the campaign detector (its own TeaVM bundle).
import * as teavm from "teavm-engine";
import * as campaign from "teavm-campaign";
import cues from "rebuttal-cues";
import { createEngine } from "./engine.js";

export { cues };

export const engine = createEngine({ ...teavm, cues }, campaign);
