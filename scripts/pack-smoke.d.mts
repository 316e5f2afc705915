export declare function forbiddenReason(path: string): string | null;
export declare function packSmoke(options?: { root?: string; platform?: 'linux' | 'mac' | 'win'; change?: (config: any) => void; quiet?: boolean }): Promise<{
  problems: string[];
  asar: string[];
  fuses: Record<string, boolean>;
  infoPlist: any;
  /** Windows only: the packed exe's version strings, icon sizes and asar integrity resource (read with wrestool), the files beside it. */
  windows: { versionStrings: Record<string, string> | null; iconSizes: number[]; asarIntegrity: { file: string; alg: string; value: string }[] | null; files: string[] } | null;
  ms: number;
  downloads: string[];
}>;
export declare function refuseNetwork(): { attempts: string[]; restore: () => void };
