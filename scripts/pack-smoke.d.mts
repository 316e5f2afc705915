export declare function forbiddenReason(path: string): string | null;
export declare function packSmoke(options?: { root?: string; platform?: 'linux' | 'mac'; change?: (config: any) => void; quiet?: boolean }): Promise<{
  problems: string[];
  asar: string[];
  fuses: Record<string, boolean>;
  infoPlist: any;
  ms: number;
  downloads: string[];
}>;
export declare function refuseNetwork(): { attempts: string[]; restore: () => void };
