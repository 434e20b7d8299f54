/** MediaPipe's connection lists (`{ start, end }` landmark indices) as flat index pairs `[a0, b0, a1, b1, …]`, as the overlay draws them. */
export function flattenConnections(connections: readonly { start: number; end: number }[]): number[] {
  const pairs: number[] = [];
  for (const { start, end } of connections) pairs.push(start, end);
  return pairs;
}
