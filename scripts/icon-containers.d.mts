export declare const ICNS_TYPES: Record<number, string>;
export declare function pngSize(png: Buffer): { width: number; height: number } | null;
export declare function writeIco(pngs: Buffer[]): Buffer;
export declare function readIco(ico: Buffer): { width: number; height: number; png: Buffer }[];
export declare function writeIcns(pngs: Buffer[]): Buffer;
export declare function readIcns(icns: Buffer): { type: string; width: number; png: Buffer }[];
