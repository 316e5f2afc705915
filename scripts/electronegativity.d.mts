export interface AllowEntry { check: string; file: string; reason: string }
export interface Finding { check: string; file: string; line: number; column: number; severity: string; confidence: string; sample: string }
export declare function loadAllowlist(path: string): AllowEntry[];
export declare function scan(input: string): Promise<{ findings: Finding[]; unparsed: string[]; checks: number }>;
export declare function judge(findings: Finding[], allow: AllowEntry[]): { open: Finding[]; stale: AllowEntry[]; allowed: number };
