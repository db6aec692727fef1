/**
 * Query parameters as a tree of their dotted names: `MetricData.member.1.Dimensions.member.2.Name=x` becomes
 * MetricData -> member -> 1 -> Dimensions -> member -> 2 -> Name = "x". Decoding then walks the tree once
 * alongside the shapes instead of scanning every parameter for every member.
 */
export interface ParamNode {
  value: string | undefined;
  readonly children: Map<string, ParamNode>;
}

export function paramTree(params: Iterable<readonly [string, string]>): ParamNode {
  const root: ParamNode = { value: undefined, children: new Map() };
  for (const [name, value] of params) {
    let node = root;
    for (const segment of name.split('.')) {
      let child = node.children.get(segment);
      if (child === undefined) {
        child = { value: undefined, children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** The children named `1`, `2`, ... in numeric order (gaps allowed, as clients may skip indexes). */
export function indexedChildren(node: ParamNode): ParamNode[] {
  return [...node.children]
    .filter(([name]) => /^[1-9]\d*$/.test(name))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);
}
