// The real list server and its CLI (backend/target/wedgewatch.jar) for tests that need keys,
// chains and signatures made by the jar: run a command, start and stop `serve`, publish.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const JAR = path.join(repoRoot, 'backend', 'target', 'wedgewatch.jar');

export function jarBuilt() {
  return fs.existsSync(JAR);
}

/** Runs one CLI command and returns what it printed. */
export function cli(...args) {
  return execFileSync('java', ['-jar', JAR, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A new publishing token for `group` in the data folder. */
export function createToken(data, group) {
  return /token: *(\S+)/.exec(cli('token', 'create', '--group', group, '--data', data))[1];
}

/** `serve` on a free port of 127.0.0.1: {base, stop()}. */
export async function startServer(data) {
  const child = spawn('java', ['-jar', JAR, 'serve', '--host', '127.0.0.1', '--port', '0', '--data', data],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error('the server exited with ' + code + ': ' + log)));
  });
  async function stop() {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  return { base: 'http://127.0.0.1:' + port, stop };
}

/** Publishes `text` as list `id`; the server's answer when it is not a 201. */
/** A small list the server accepts (its examples pass), version {@code version} of list {@code id}. */
export function publishableList(id, version) {
  return ['! Title: ' + id, '! Id: ' + id, '! Description: A list for the key tests.',
    '! Version: ' + version, '! Expires: 6 hours', '', 'group left: leftists, progressives',
    '', 'rule real-racists', '  family: F2 real racists', '  explain: Turns allies against each other.',
    '  match: {left} are the real racists', '  warn: Progressives are the real racists.',
    '  pass: Nobody is the real racist here.', ''].join('\n');
}

export async function publish(base, token, id, text) {
  const r = await fetch(base + '/api/v1/lists/' + id, {
    method: 'PUT', body: text,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Authorization: 'Bearer ' + token },
  });
  const body = await r.text();
  if (r.status !== 201) throw new Error('publish answered ' + r.status + ': ' + body);
}

/**
 * Step 1 of the documented rotation of the online key, on a stopped server: the old public key
 * to keys/retired/ID.pub, the old private key out to `archive`, a new key made by `keys init`.
 */
export function replaceOnlineKey(data, oldKeyId, archive) {
  const keys = path.join(data, 'keys');
  fs.mkdirSync(path.join(keys, 'retired'), { recursive: true });
  fs.renameSync(path.join(keys, 'signing.pub'), path.join(keys, 'retired', oldKeyId + '.pub'));
  fs.renameSync(path.join(keys, 'signing.key'), path.join(archive, oldKeyId + '.key'));
  cli('keys', 'init', '--data', data);
}
