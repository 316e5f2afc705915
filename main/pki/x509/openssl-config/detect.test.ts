/** An openssl req config opened in the Inspector is named and summarised, not "unrecognised". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readBytes } from '../../read';
import { rejectsWith } from '../../../../test/helpers/pki-errors';

const bytes = (text: string) => new Uint8Array(Buffer.from(text));

describe('opening an openssl req config', () => {
  it('reads as format openssl-config with a summary note, and no objects', async () => {
    const r = await readBytes(bytes('# server\n[ req ]\nprompt = no\ndistinguished_name = dn\nreq_extensions = e\n[ dn ]\nCN = www.example.com\n[ e ]\nsubjectAltName = DNS:www.example.com, DNS:example.com, IP:192.0.2.1\n'));
    assert.equal(r.format, 'openssl-config');
    assert.deepEqual(r.objects, []);
    assert.deepEqual(r.notes, ['OpenSSL req settings: CN=www.example.com, 3 SANs; open New CSR to use it.']);
  });

  it('says what openssl would refuse in a broken one', async () => {
    const r = await readBytes(bytes('[req]\nprompt = no\ndistinguished_name = dn\n[dn]\nC = USA\n'));
    assert.equal(r.format, 'openssl-config');
    assert.match(r.notes[0], /^OpenSSL req settings that openssl would refuse: The config, line 5: the countryName value "USA"/);
  });

  it('leaves other text unrecognised', async () => {
    await rejectsWith(readBytes(bytes('[section]\nname = value\nthis is an ini file\n')), 'UNRECOGNIZED_FORMAT');
  });
});
