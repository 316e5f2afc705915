/** Text that UTF-8 can carry: no lone UTF-16 surrogate (TextEncoder would silently write U+FFFD for it). */
export const wellFormed = (text: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
