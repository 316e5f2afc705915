/**
 * The files certbot writes for a certificate, as nginx and Apache configs expect them: cert.pem (the leaf),
 * chain.pem (the intermediates), fullchain.pem (leaf then intermediates) and privkey.pem (PKCS#8, 0600; not
 * for an order made from the user's CSR, whose key Certbench never had). Written all or nothing.
 */
import type { AcmeResultDto, WrittenFileDto } from '../../api/dto';
import type { OutputFolders } from '../output-folders';
import { writeFilesAtomically, type OutputFile } from '../write-files';

export function certbotFileNames(withKey: boolean): string[] {
  return withKey ? ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem'] : ['cert.pem', 'chain.pem', 'fullchain.pem'];
}

interface PlannedFile extends OutputFile {
  dto: WrittenFileDto;
}

const count = (pem: string) => (pem.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;

/**
 * Writes the set into `folder` (a folder the user chose: OutputFolders refuses any other); EXISTS unless
 * `overwrite`. `keyPem` null: no privkey.pem.
 */
export async function writeCertbotSet(folders: OutputFolders, destination: { folder: string; overwrite?: boolean }, result: Pick<AcmeResultDto, 'certificatePem' | 'chainPem' | 'fullchainPem'>, keyPem: string | null): Promise<WrittenFileDto[]> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const file = (name: string, text: string, format: WrittenFileDto['format'], secret: boolean): PlannedFile => {
    const path = folders.pathIn(destination.folder, name);
    return { path, bytes: encode(text), secret, dto: { path, format, objects: secret ? 1 : count(text), secret, encrypted: false } };
  };
  const files = [
    file('cert.pem', result.certificatePem, 'pem', false),
    file('chain.pem', result.chainPem, 'pem', false),
    file('fullchain.pem', result.fullchainPem, 'fullchain', false),
    ...(keyPem ? [file('privkey.pem', keyPem, 'pkcs8', true)] : []),
  ];
  await writeFilesAtomically(files, { overwrite: destination.overwrite });
  return files.map((f) => f.dto);
}
