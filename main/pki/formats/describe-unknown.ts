/** What an unrecognised file looked like, so the error can say "this is a ZIP archive", not just "no". */

const MAGIC: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (maybe the certificate files are inside: unzip it first)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip-compressed file (decompress it first)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'a Microsoft Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a Linux program (ELF)'],
  [[0x4d, 0x5a], 'a Windows program (EXE/DLL)'],
  [[0x00, 0x00, 0x00, 0x01], 'probably a Bouncy Castle keystore (BKS/UBER), which Certbench does not read yet'],
  [[0x00, 0x00, 0x00, 0x02], 'probably a Bouncy Castle keystore (BKS), which Certbench does not read yet'],
];

const TEXT_HINTS: Array<[RegExp, string]> = [
  [/^PuTTY-User-Key-File-/, 'a PuTTY private key (.ppk): convert it with puttygen to OpenSSH or PEM'],
  [/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-\S+) AAAA/, 'an SSH public key, not an X.509 certificate'],
  [/^\s*\{[\s\S]*"kty"\s*:/, 'a JSON Web Key (JWK), which Certbench does not read yet'],
  [/^\s*[{[]/, 'JSON text'],
  [/^\s*<\?xml|^\s*<[A-Za-z]/, 'XML or HTML text (a web page saved instead of the certificate?)'],
  [/^\s*\[\s*[A-Za-z_ ]+\s*\]/m, 'an INI/config file; if it is an OpenSSL req config, Certbench will use it in New CSR'],
];

export function describeUnknown(bytes: Uint8Array): string {
  for (const [magic, what] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return what;
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const printable = head.split('').filter((c) => /[\x20-\x7e\r\n\t]/.test(c)).length / Math.max(1, head.length);
  if (printable > 0.95) {
    for (const [re, what] of TEXT_HINTS) if (re.test(head)) return what;
    const first = head.split(/\r?\n/).find((l) => l.trim()) ?? '';
    return `text with no PEM block (it starts "${first.trim().slice(0, 40)}")`;
  }
  const bytesHex = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
  return `binary data starting with ${bytesHex}, which is not DER, PKCS#12 or a Java keystore`;
}
