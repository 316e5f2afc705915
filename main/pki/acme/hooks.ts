/**
 * certbot-style hooks (--manual-auth-hook, --manual-cleanup-hook): a shell command run with the challenge in
 * its environment, as CERTBENCH_* and as certbot's CERTBOT_* names so existing certbot hooks work unchanged.
 */
import { PkiError } from '../errors';
import { nodeChildProcess } from '../lazy-builtins';

export interface HookRun {
  command: string;
  /** The name being validated; a wildcard's "*." is dropped, as certbot does ("*.example.com" → "example.com"). */
  domain: string;
  validation: string;
  token: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Output kept (the tail: what a failing script says last matters most). */
const OUTPUT_CAP = 16 * 1024;
const TAIL_IN_MESSAGE = 600;

/** Runs a hook through the shell with CERTBENCH_DOMAIN/VALIDATION/TOKEN set; CHALLENGE_FAILED (its output) when it exits non-zero. */
export function runHook(run: HookRun): Promise<{ output: string }> {
  if (!run.command.trim()) return Promise.reject(new PkiError('INVALID_ARGUMENT', 'The hook command is empty.', 'Give a command, such as "/etc/letsencrypt/dns-hook.sh".'));
  if (run.signal?.aborted) return Promise.reject(hookCancelled());
  const domain = run.domain.replace(/^\*\./, '');
  const timeoutMs = run.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const env = {
    ...process.env,
    CERTBENCH_DOMAIN: domain,
    CERTBENCH_VALIDATION: run.validation,
    CERTBENCH_TOKEN: run.token,
    CERTBOT_DOMAIN: domain,
    CERTBOT_VALIDATION: run.validation,
    CERTBOT_TOKEN: run.token,
  };
  return new Promise((resolve, reject) => {
    const windows = process.platform === 'win32';
    // its own process group, so a timeout or cancel ends the script and whatever it started
    const child = nodeChildProcess().spawn(run.command, { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'], detached: !windows, windowsHide: true });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > OUTPUT_CAP) output = output.slice(output.length - OUTPUT_CAP);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    let stopped: PkiError | null = null;
    const stop = (why: PkiError) => {
      if (stopped) return;
      stopped = why;
      try {
        if (!windows && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // it ended on its own meanwhile
      }
    };
    const timer = setTimeout(() => stop(new PkiError('CHALLENGE_FAILED', `The hook "${short(run.command)}" did not finish within ${Math.round(timeoutMs / 1000)} seconds and was stopped.${tail(output)}`, 'Make the hook return once the record or file is in place (it must not wait for DNS propagation for minutes).')), timeoutMs);
    const onAbort = () => stop(hookCancelled());
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = () => {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (e) => {
      finish();
      reject(new PkiError('CHALLENGE_FAILED', `The hook "${short(run.command)}" could not be started: ${e.message}.`, 'Check the command and that a shell is available.'));
    });
    child.on('close', (code, signal) => {
      finish();
      if (stopped) return reject(stopped);
      if (code === 0) return resolve({ output });
      const how = code !== null ? `exited with status ${code}` : `was killed by ${signal}`;
      reject(new PkiError('CHALLENGE_FAILED', `The hook "${short(run.command)}" ${how}.${tail(output)}`, 'Run the hook by hand with CERTBENCH_DOMAIN, CERTBENCH_VALIDATION and CERTBENCH_TOKEN set to see what goes wrong.'));
    });
  });
}

function hookCancelled(): PkiError {
  return new PkiError('CANCELLED', 'The hook was stopped: the order was cancelled.', 'Start the order again when you are ready.');
}

function short(command: string): string {
  const one = command.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 120)}...` : one;
}

function tail(output: string): string {
  const text = output.trim();
  if (!text) return '';
  return ` Its last output: ${text.length > TAIL_IN_MESSAGE ? `...${text.slice(-TAIL_IN_MESSAGE)}` : text}`;
}
