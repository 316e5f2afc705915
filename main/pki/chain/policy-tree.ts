/**
 * RFC 5280 6.1 certificate policy processing: the valid_policy_tree, explicit_policy, policy_mapping and
 * inhibit_anyPolicy counters, policy mappings, and the 6.1.5 (g) intersection with the user's initial set.
 * Qualifiers are not kept (6.1.3 (d) lets a validator ignore them). The tree is capped at MAX_POLICY_NODES
 * created nodes: a path whose policies would grow past that is refused, with the reason in the detail.
 */
import { isPkiError } from '../errors';
import type { ChainCert } from './chain-cert';
import { ANY_POLICY, certPolicyFacts, type CertPolicyFacts } from './policy-extensions';
import { PolicyTree, PolicyTreeTooLarge, type PolicyNode } from './policy-nodes';
import type { PolicyOptions } from './types';

export interface PolicyResult {
  /** false when explicit policy is required and the tree ended empty (or the path broke a policy rule). */
  ok: boolean;
  /** Why not, in plain words ("policy 2.16.840.1.101.3.2.1.48.1 is required but the path asserts none"). */
  detail: string | null;
  /** Index of the certificate where the tree became empty or the rule broke; null for the path. */
  index: number | null;
  /** The user-constrained policy set (authorities-constrained ∩ initial), as OIDs; ['2.5.29.32.0'] for any. */
  validPolicies: string[];
}

/** Far beyond any real PKI (PKITS needs a few dozen); a hostile path stops here instead of growing without bound. */
export const MAX_POLICY_NODES = 10_000;

/** `path` is leaf first, WITHOUT the trust anchor (RFC 5280 numbers certificates 1..n from the anchor's child). */
export function processPolicies(path: readonly ChainCert[], options: PolicyOptions = {}): PolicyResult {
  try {
    return run(path, options);
  } catch (e) {
    if (e instanceof PolicyTreeTooLarge) {
      return fail(null, `The certificate policies and policy mappings of this path would make a policy tree of more than ${e.maxNodes.toLocaleString('en-US')} nodes; Certbench stops there rather than run without bound.`);
    }
    throw e;
  }
}

function run(path: readonly ChainCert[], options: PolicyOptions): PolicyResult {
  const n = path.length;
  const initial = options.initialPolicySet?.length ? options.initialPolicySet : [ANY_POLICY];
  // 6.1.2 initialisation.
  let explicitPolicy = options.initialExplicitPolicy ? 0 : n + 1;
  let inhibitAnyPolicy = options.initialAnyPolicyInhibit ? 0 : n + 1;
  let policyMapping = options.initialPolicyMappingInhibit ? 0 : n + 1;
  let tree: PolicyTree | null = new PolicyTree(ANY_POLICY, MAX_POLICY_NODES);

  for (let i = 1; i <= n; i++) {
    const index = n - i;
    const cert = path[index];
    let facts: CertPolicyFacts;
    try {
      facts = certPolicyFacts(cert);
    } catch (e) {
      if (!isPkiError(e)) throw e;
      return fail(index, `The policy extensions of ${cert.subject} cannot be read (${e.message}).`);
    }

    // 6.1.3 (d), (e): grow the tree by this certificate's policies, or end it.
    if (tree && facts.policies) {
      addPolicies(tree, i, facts.policies, inhibitAnyPolicy > 0 || (i < n && cert.selfIssued));
      tree.prune(i - 1);
      if (tree.empty) tree = null;
    }
    if (!facts.policies) tree = null;
    // 6.1.3 (f)
    if (explicitPolicy <= 0 && !tree) {
      const why = facts.policies ? 'none of its policies follows from those its issuers allow' : 'it has no certificatePolicies extension';
      return fail(index, `No valid certificate policy is left at ${cert.subject} (${why}), and this path requires an explicit policy.`);
    }

    if (i < n) {
      // 6.1.4 (a), (b): policy mappings.
      if (facts.mappings) {
        if (facts.mappings.some(([from, to]) => from === ANY_POLICY || to === ANY_POLICY)) {
          return fail(index, `${cert.subject} maps anyPolicy in its policyMappings extension, which RFC 5280 forbids.`);
        }
        if (tree) {
          applyMappings(tree, i, facts.mappings, policyMapping > 0);
          if (tree.empty) tree = null;
        }
      }
      // 6.1.4 (h): self-issued intermediates do not count down.
      if (!cert.selfIssued) {
        if (explicitPolicy > 0) explicitPolicy--;
        if (policyMapping > 0) policyMapping--;
        if (inhibitAnyPolicy > 0) inhibitAnyPolicy--;
      }
      // 6.1.4 (i), (j)
      if (facts.requireExplicitPolicy !== null) explicitPolicy = Math.min(explicitPolicy, facts.requireExplicitPolicy);
      if (facts.inhibitPolicyMapping !== null) policyMapping = Math.min(policyMapping, facts.inhibitPolicyMapping);
      if (facts.inhibitAnyPolicy !== null) inhibitAnyPolicy = Math.min(inhibitAnyPolicy, facts.inhibitAnyPolicy);
    } else {
      // 6.1.5 (a), (b)
      if (explicitPolicy > 0) explicitPolicy--;
      if (facts.requireExplicitPolicy === 0) explicitPolicy = 0;
    }
  }

  // 6.1.5 (g)
  if (tree && !initial.includes(ANY_POLICY)) {
    intersect(tree, n, new Set(initial));
    if (tree.empty) tree = null;
  }
  const validPolicies = tree ? [...new Set(tree.level(n).map((node) => node.policy))] : [];
  if (explicitPolicy > 0 || tree) return { ok: true, detail: null, index: null, validPolicies };
  const wanted = initial.includes(ANY_POLICY) ? 'any policy' : `one of ${initial.join(', ')}`;
  return fail(0, `This path requires an explicit certificate policy, and no policy valid for ${path[0].subject} is ${wanted}.`);
}

/** 6.1.3 (d)(1) and (d)(2) for certificate i. */
function addPolicies(tree: PolicyTree, i: number, policies: readonly string[], anyPolicyAllowed: boolean): void {
  const parents = tree.level(i - 1);
  const anyParent = parents.find((p) => p.policy === ANY_POLICY);
  for (const policy of policies) {
    if (policy === ANY_POLICY) continue;
    let matched = false;
    for (const parent of parents) {
      if (parent.expected.has(policy)) {
        tree.add(parent, policy, new Set([policy]));
        matched = true;
      }
    }
    if (!matched && anyParent) tree.add(anyParent, policy, new Set([policy]));
  }
  if (anyPolicyAllowed && policies.includes(ANY_POLICY)) {
    for (const parent of parents) {
      const present = new Set(parent.children.map((c) => c.policy));
      for (const expected of parent.expected) if (!present.has(expected)) tree.add(parent, expected, new Set([expected]));
    }
  }
}

/** 6.1.4 (b) for certificate i: remap expected policies, or (mapping inhibited) delete the mapped nodes. */
function applyMappings(tree: PolicyTree, i: number, mappings: readonly [string, string][], mappingAllowed: boolean): void {
  const bySource = new Map<string, Set<string>>();
  for (const [from, to] of mappings) {
    const set = bySource.get(from) ?? new Set<string>();
    set.add(to);
    bySource.set(from, set);
  }
  for (const [from, to] of bySource) {
    const nodes = tree.level(i).filter((node) => node.policy === from);
    if (mappingAllowed) {
      if (nodes.length) for (const node of nodes) node.expected = new Set(to);
      else {
        const anyNode = tree.level(i).find((node) => node.policy === ANY_POLICY);
        if (anyNode?.parent) tree.add(anyNode.parent, from, new Set(to));
      }
    } else {
      for (const node of nodes) tree.remove(node);
      tree.prune(i - 1);
    }
  }
}

/** 6.1.5 (g)(iii): keep only the user's initial policies. */
function intersect(tree: PolicyTree, n: number, initial: Set<string>): void {
  const nodeSet: PolicyNode[] = [...tree.nodes()].filter((node) => node.parent?.policy === ANY_POLICY);
  const inNodeSet = new Set(nodeSet.map((node) => node.policy));
  for (const node of nodeSet) if (node.policy !== ANY_POLICY && !initial.has(node.policy)) tree.remove(node);
  const anyLeaf = tree.level(n).find((node) => node.policy === ANY_POLICY);
  if (anyLeaf?.parent) {
    const parent = anyLeaf.parent;
    tree.remove(anyLeaf);
    for (const policy of initial) if (!inNodeSet.has(policy)) tree.add(parent, policy, new Set([policy]));
  }
  tree.prune(n - 1);
}

function fail(index: number | null, detail: string): PolicyResult {
  return { ok: false, detail, index, validPolicies: [] };
}
