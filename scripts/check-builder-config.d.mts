export declare const REQUIRED_FUSES: Record<string, boolean>;
export declare const DOCUMENT_EXTENSIONS: string[];
export declare function loadBuilderConfig(root?: string): any;
export declare function isPackaged(path: string, patterns: string[], minimatch: (path: string, pattern: string, options?: object) => boolean): boolean;
export declare function checkBuilderConfig(options?: { root?: string; config?: any }): Promise<string[]>;
