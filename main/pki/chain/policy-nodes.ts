/**
 * RFC 5280's valid_policy_tree as levels of nodes (level d holds the nodes of depth d), with the operations 6.1
 * uses: add a child, delete a subtree, prune childless nodes upward. Bounded: past `maxNodes` created nodes
 * `add` throws PolicyTreeTooLarge, so a hostile set of policies and mappings cannot make the tree explode.
 */
export interface PolicyNode {
  /** valid_policy */
  policy: string;
  /** expected_policy_set */
  expected: Set<string>;
  parent: PolicyNode | null;
  children: PolicyNode[];
  depth: number;
}

export class PolicyTreeTooLarge extends Error {
  constructor(readonly maxNodes: number) {
    super(`policy tree over ${maxNodes} nodes`);
  }
}

export class PolicyTree {
  private readonly levels: PolicyNode[][];
  private created = 1;

  constructor(rootPolicy: string, private readonly maxNodes: number) {
    this.levels = [[{ policy: rootPolicy, expected: new Set([rootPolicy]), parent: null, children: [], depth: 0 }]];
  }

  level(depth: number): readonly PolicyNode[] {
    return this.levels[depth] ?? [];
  }

  get empty(): boolean {
    return this.levels[0].length === 0;
  }

  add(parent: PolicyNode, policy: string, expected: Set<string>): PolicyNode {
    if (++this.created > this.maxNodes) throw new PolicyTreeTooLarge(this.maxNodes);
    const node: PolicyNode = { policy, expected, parent, children: [], depth: parent.depth + 1 };
    parent.children.push(node);
    (this.levels[node.depth] ??= []).push(node);
    return node;
  }

  /** Deletes `node` and everything under it. */
  remove(node: PolicyNode): void {
    const doomed = new Set<PolicyNode>();
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      doomed.add(n);
      stack.push(...n.children);
    }
    for (let d = node.depth; d < this.levels.length; d++) this.levels[d] = this.levels[d].filter((n) => !doomed.has(n));
    if (node.parent) node.parent.children = node.parent.children.filter((c) => c !== node);
  }

  /** Deletes every node of depth `depth` or less without children, repeatedly, as 6.1.3 (d)(3) says. */
  prune(depth: number): void {
    for (let d = Math.min(depth, this.levels.length - 1); d >= 0; d--) {
      const parents = new Set<PolicyNode>();
      const keep: PolicyNode[] = [];
      for (const n of this.levels[d]) {
        if (n.children.length > 0) keep.push(n);
        else if (n.parent) parents.add(n.parent);
      }
      this.levels[d] = keep;
      // Every child of a node at depth d-1 is at depth d: keep those that still have children.
      for (const p of parents) p.children = p.children.filter((c) => c.children.length > 0);
    }
  }

  /** Every node below the root, top down. */
  *nodes(): Iterable<PolicyNode> {
    for (let d = 1; d < this.levels.length; d++) yield* this.levels[d];
  }
}
