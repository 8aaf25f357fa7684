// Synthetic lists for the benchmarks: n rules of three-word phrases, the same on every run.
import { rng } from "./stats.mjs";

/** {text, phrases}: a list `bench` of n rules, each matching one made-up phrase. */
export function syntheticRules(n) {
  const rand = rng(42);
  const syll = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "da", "gho"];
  const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syll[Math.floor(rand() * syll.length)]).join("");
  const common = ["the", "are", "is", "real", "left", "party", "vote", "they", "we"];
  const phrases = [];
  for (let i = 0; i < n; i++) {
    const parts = [word(), common[Math.floor(rand() * common.length)], word()];
    phrases.push(parts.join(" "));
  }
  let text = "! Title: Bench\n! Id: bench\n! Version: 1\n\n";
  phrases.forEach((p, i) => { text += `rule r${i}\n  family: bench\n  explain: bench\n  match: ${p}\n\n`; });
  return { text, phrases };
}
