/** The built-in templates: well formed, and once the blanks are filled in, openssl makes the CSR they describe. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CsrSpecDto } from '../../../api/dto';
import { parseCsr } from '../csr';
import { opensslReq, sanString } from '../../../../test/helpers/openssl-req-config';
import { BUILT_IN_TEMPLATES, exportReqConfig, importReqConfig } from './index';
import { subjectAltNames as sansWithCn } from '../requested-extensions';

const SAMPLE: Record<string, string> = { C: 'US', ST: 'Minnesota', L: 'Minneapolis', O: 'Example Inc', OU: 'IT', CN: 'portal.example.com' };

const filled = (spec: CsrSpecDto): CsrSpecDto => ({ ...spec, subject: spec.subject.map((a) => ({ ...a, value: SAMPLE[a.type] })) });

describe('BUILT_IN_TEMPLATES', () => {
  it('are the three jobs, built in, with unique ids and blanks where the user types', () => {
    assert.deepEqual(BUILT_IN_TEMPLATES.map((t) => t.purpose), ['server', 'client', 'platform']);
    assert.equal(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size, 3);
    for (const t of BUILT_IN_TEMPLATES) {
      assert.equal(t.builtIn, true);
      assert.ok(t.description.length > 60, t.name);
      assert.ok(t.spec.subject.every((a) => a.value === ''), 'the user types every value');
      assert.ok(t.spec.subject.some((a) => a.type === 'CN'));
    }
  });

  it('match the issue: server and platform add the CN as a SAN for serverAuth; the client uses clientAuth without it', () => {
    const [server, client, platform] = BUILT_IN_TEMPLATES;
    assert.deepEqual([server.spec.cnAsSan, server.spec.keyUsage, server.spec.extendedKeyUsage, server.key], [true, ['digitalSignature', 'keyEncipherment'], ['serverAuth'], 'rsa:2048']);
    assert.deepEqual([client.spec.cnAsSan, client.spec.extendedKeyUsage, client.spec.subject.map((a) => a.type)], [false, ['clientAuth'], ['O', 'CN']]);
    assert.deepEqual([platform.spec.cnAsSan, platform.spec.extendedKeyUsage, platform.spec.subject.map((a) => a.type)], [true, ['serverAuth'], ['C', 'ST', 'L', 'O', 'OU', 'CN']]);
  });

  for (const t of BUILT_IN_TEMPLATES) {
    it(`filled in, "${t.name}" round-trips through a config file and openssl makes that CSR`, async () => {
      const spec = filled(t.spec);
      const text = exportReqConfig(spec, t.key);
      assert.deepEqual(importReqConfig(text, 't.cnf').spec, { ...spec, san: sansWithCn(spec), cnAsSan: false });
      const made = await opensslReq(text);
      assert.ok(made.ok, made.stderr);
      const csr = parseCsr(made.der!);
      assert.deepEqual(csr.san, sansWithCn(spec).map(sanString));
      assert.deepEqual(csr.extendedKeyUsage, spec.extendedKeyUsage);
    });
  }
});
