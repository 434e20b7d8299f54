/** A count as the HUD shows it: `1,234`, or `–` while unknown (`NaN`). */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? count.toLocaleString('en-US') : '–';
}
