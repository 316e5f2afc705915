export declare function extractResource(exe: string, type: number | string, name: number | string, options?: { raw?: boolean }): Buffer;
export declare function parseVersionInfo(bytes: Buffer): { fileVersion: string; productVersion: string; tables: Record<string, Record<string, string>> };
