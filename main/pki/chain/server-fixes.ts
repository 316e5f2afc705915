/**
 * How to install the fixed chain on Apache, nginx and IIS, with the file names the steps use. Apache reads
 * the intermediates from SSLCertificateFile since 2.4.8 (SSLCertificateChainFile before); nginx takes one
 * file, leaf first; IIS builds the chain from the machine's Intermediate Certification Authorities store.
 */
import type { ServerFixDto } from '../../api/dto';

export interface FixNames {
  /** The leaf's name (CN), for file names. */
  leaf: string;
  /** The intermediates to send, leaf side first. */
  intermediates: string[];
}

/** "*.example.com" → "wildcard.example.com"; anything unsafe in a file name becomes "_". */
export function fileStem(name: string): string {
  const stem = name.replace(/^\*\./, 'wildcard.').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return stem.slice(0, 64) || 'server';
}

export function serverFixes(names: FixNames): ServerFixDto[] {
  const stem = fileStem(names.leaf);
  const fullchain = `${stem}-fullchain.pem`;
  const chain = `${stem}-chain.pem`;
  const inters = names.intermediates.length ? names.intermediates : ['the intermediate'];
  return [
    {
      server: 'apache',
      title: 'Apache httpd',
      steps: [
        `Save the fixed chain as ${fullchain} (the leaf first, then ${inters.join(', ')}).`,
        'Apache 2.4.8 and later: point SSLCertificateFile at the fullchain and remove any SSLCertificateChainFile line.',
        `Before 2.4.8: keep the leaf alone in SSLCertificateFile and put the intermediates (the fixed chain without its first certificate) in ${chain}, named by SSLCertificateChainFile.`,
        'Check the configuration and reload: apachectl configtest && apachectl graceful.',
      ],
      snippet: [
        '# Apache 2.4.8 and later',
        `SSLCertificateFile    /etc/ssl/certs/${fullchain}`,
        `SSLCertificateKeyFile /etc/ssl/private/${stem}.key`,
        '',
        '# Before 2.4.8',
        `# SSLCertificateFile      /etc/ssl/certs/${stem}.pem`,
        `# SSLCertificateChainFile /etc/ssl/certs/${chain}`,
      ].join('\n'),
    },
    {
      server: 'nginx',
      title: 'nginx',
      steps: [
        `Save the fixed chain as ${fullchain}: nginx wants the leaf first, then the intermediates, in the one file.`,
        'Point ssl_certificate at it (ssl_certificate_key stays the same key).',
        'Check the configuration and reload: nginx -t && nginx -s reload.',
      ],
      snippet: [`ssl_certificate     /etc/nginx/ssl/${fullchain};`, `ssl_certificate_key /etc/nginx/ssl/${stem}.key;`].join('\n'),
    },
    {
      server: 'iis',
      title: 'IIS (Windows Server)',
      steps: [
        `Save each intermediate (${inters.join(', ')}) as its own .cer file.`,
        'In an elevated prompt, import each into the computer\'s Intermediate Certification Authorities store (certutil -addstore CA); or in certlm.msc, Intermediate Certification Authorities > Certificates > All Tasks > Import.',
        'Or re-import the certificate as a PFX that carries the chain (Convert: PFX with the key, the certificate and its intermediates) in IIS Manager > Server Certificates > Import, and select it again in the site\'s HTTPS binding.',
        'Restart IIS (iisreset) so the binding sends the whole chain.',
      ],
      snippet: inters.map((n) => `certutil -addstore CA "${fileStem(n)}.cer"`).join('\n'),
    },
  ];
}
