export declare function stubWindowsExe(options: { rdata: Buffer; version: string; require?: NodeRequire }): Buffer;
export declare const STUB_ICON: Buffer;
