// The TeaVM exports (src/main/java/org/wedgewatch/browser/*Exports.java): strings and ints only.
declare module "teavm-engine" {
  export function useCues(text: string): void;
  export function stageList(text: string): void;
  export function stageDisabled(listSlashRule: string): void;
  export function load(checkExamples: boolean, compile: boolean): string;
  export function match(handle: number, text: string): string;
  export function save(handle: number): string;
  export function restore(form: string): number;
  export function release(handle: number): void;
}

// The built-in rebuttal cues' list file (shared/src/main/resources/org/wedgewatch/rules/rebuttal-cues.txt), as text.
declare module "rebuttal-cues" {
  const text: string;
  export default text;
}

declare module "teavm-campaign" {
  export function campaignInit(stored: string | null): boolean;
  export function campaignConfigure(capacity: number, windowMillis: number): void;
  export function campaignObserve(text: string, accountHash: string, nowMillis: number, postKey: string): number;
  export function campaignLastCluster(): number;
  export function campaignDetails(text: string, nowMillis: number): string;
  export function campaignSave(): string | null;
  export function campaignClear(): void;
  export function campaignFingerprint(text: string): string | null;
}
