import fc from 'fast-check';

/** Mutates a JSON value at a random place: replace a node with junk, delete it, or wrap it in an array. */
export const mutate = (value: unknown): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('replace', 'delete', 'wrap'))
    .map(([junk, pick, how]) => {
      const copy = structuredClone(value) as Record<string, unknown>;
      const nodes: [Record<string | number, unknown>, string | number][] = [];
      const walk = (node: unknown) => {
        if (Array.isArray(node))
          node.forEach((v, i) => {
            nodes.push([node as unknown as Record<number, unknown>, i]);
            walk(v);
          });
        else if (node && typeof node === 'object')
          for (const [k, v] of Object.entries(node)) {
            nodes.push([node as Record<string, unknown>, k]);
            walk(v);
          }
      };
      walk(copy);
      const [parent, key] = nodes[pick % nodes.length] as [Record<string | number, unknown>, string | number];
      if (how === 'replace') parent[key] = junk;
      else if (how === 'delete') delete parent[key];
      else parent[key] = [parent[key], junk];
      return copy;
    });
