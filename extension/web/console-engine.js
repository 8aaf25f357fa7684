// The engine for the list server's console editor (a web page, not the extension): the same
// TeaVM build and JS API as the extension, as one classic script that sets
// globalThis.WedgewatchEngine for backend/src/main/resources/web/console.js.
import cues from "rebuttal-cues";
import { engine } from "../src/engine/instance.js";

engine.giveCues(cues); // the console checks lists as they are edited: it compiles

globalThis.WedgewatchEngine = engine;
