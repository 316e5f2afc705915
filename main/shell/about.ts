/** Help > About: the app's version, the runtime it runs on, and its licence, as one block of text. */
export interface AboutFacts {
  name: string;
  version: string;
  /** process.versions of the running app (electron and chrome are absent under plain Node). */
  versions: Partial<Record<'electron' | 'chrome' | 'node', string>>;
  license: string;
}

export function aboutLines(facts: AboutFacts): string[] {
  const v = (name: 'electron' | 'chrome' | 'node') => facts.versions[name] ?? 'unknown';
  return [
    `${facts.name} ${facts.version}`,
    `Electron ${v('electron')} · Chromium ${v('chrome')} · Node ${v('node')}`,
    `License: ${facts.license === 'UNLICENSED' ? 'proprietary, all rights reserved' : facts.license}`,
  ];
}
