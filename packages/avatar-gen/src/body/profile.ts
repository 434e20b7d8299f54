/** Piecewise-smooth interpolation of a table of `[x, ...values]` rows sorted by x (cosine eased). */
export function profile(table: readonly (readonly number[])[], x: number): number[] {
  if (x <= table[0][0]) return table[0].slice(1);
  for (let i = 0; i < table.length - 1; i++) {
    const a = table[i];
    const b = table[i + 1];
    if (x <= b[0]) {
      const t = (x - a[0]) / (b[0] - a[0]);
      const e = 0.5 - 0.5 * Math.cos(Math.PI * t);
      return a.slice(1).map((v, k) => v + (b[k + 1] - v) * e);
    }
  }
  return table[table.length - 1].slice(1);
}
