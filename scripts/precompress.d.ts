/** Types of scripts/precompress.js (plain JS so svelte.config.js can import it). */
export function precompress(dir: string): Promise<{ files: number; compressed: number; cached: number }>;
export function startEarly(files: string[]): void;
