/**
 * The renderer's Content-Security-Policy, judged by CSP Evaluator (Google's rules, the port Electronegativity
 * uses): no finding worse than the note that 'self' is only as safe as what the origin serves.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from './renderer-assets';

interface CspFinding {
  type: number;
  directive: string;
  severity: number;
  value?: string;
  description: string;
}
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
  Version: { CSP3: unknown };
  severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'STRICT_CSP' | 'MEDIUM_MAYBE' | 'INFO' | 'NONE', number>;
}
const cspEvaluator = createRequire(__filename)('@doyensec/csp-evaluator') as CspEvaluatorModule;

const evaluate = (policy: string) => {
  const parsed = new cspEvaluator.CspParser(policy);
  return new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3).evaluate();
};
const { severities } = cspEvaluator;
const serious = (findings: CspFinding[]) =>
  findings.filter((f) => [severities.HIGH, severities.SYNTAX, severities.MEDIUM, severities.HIGH_MAYBE].includes(f.severity));

test("the CSP has no serious finding; the one note is about 'self', which serves only the built renderer", () => {
  const findings = evaluate(CONTENT_SECURITY_POLICY);
  assert.deepEqual(serious(findings), []);
  assert.deepEqual(
    findings.map((f) => `${f.directive} ${f.value ?? ''}`.trim()),
    ["default-src 'self'"],
  );
});

test('scripts: only our own files, no inline code, no eval, no plugins, no base or form redirection', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  assert.equal(directives.has('script-src'), false, 'scripts fall back to default-src');
  assert.deepEqual(directives.get('default-src'), ["'self'"]);
  for (const [name, values] of directives) {
    assert.ok(!values.some((v) => /^(\*|https?:|'unsafe-eval'|'wasm-unsafe-eval'|blob:)$/.test(v)), `${name}: ${values.join(' ')}`);
    if (name !== 'style-src') assert.ok(!values.includes("'unsafe-inline'"), name);
  }
  assert.deepEqual(directives.get('object-src'), ["'none'"]);
  assert.deepEqual(directives.get('base-uri'), ["'none'"]);
  assert.deepEqual(directives.get('form-action'), ["'none'"]);
});

test('the evaluator is not lenient: a loose policy gets serious findings', () => {
  const loose = evaluate("default-src 'self' 'unsafe-inline' 'unsafe-eval' *");
  const worst = serious(loose);
  assert.ok(worst.some((f) => f.value === "'unsafe-inline'" && f.severity === severities.HIGH));
  assert.ok(worst.some((f) => f.value === '*' && f.severity === severities.HIGH));
  assert.ok(worst.some((f) => f.directive === 'object-src'));
  assert.ok(loose.some((f) => f.value === "'unsafe-eval'"));
});

test('the page has no inline script or event handler for the CSP to block', () => {
  const html = readFileSync(join(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs!, /\bsrc=/);
    assert.equal(body!.trim(), '');
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
});
